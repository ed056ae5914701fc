/**
 * A design back to a template: empty English filled from Swedish, new ids
 * given out, blank rows of the lists dropped, and every gap the person must
 * fill named in words they can act on ("Fokusområde 2 saknar rubrik"). The
 * result is checked against the shared TemplateSchema, the server's own check.
 */
import { type Goal, type Template, TemplateSchema } from '../../shared/template.ts';
import type { MessageKey, MessageParams } from '../i18n/messages.ts';
import { assignIds, type Design, defaultTemplate, fillEnglish, slugify } from './design.ts';

export interface DesignProblem {
  key: MessageKey;
  params?: MessageParams;
}

export type DesignResult = { ok: true; template: Template } | { ok: false; problems: DesignProblem[] };

const YEAR = /^\d{4}$/;

/** The part of a template the preview draws: areas and goals with ids, texts as far as typed. */
export function previewShape(design: Design): Pick<Template, 'focusAreas'> {
  const { areaIds, goalIds } = assignIds(design);
  return {
    focusAreas: design.areas.map((area, i) => ({
      id: areaIds[i] as string,
      title: fillEnglish(area.title),
      color: area.color,
      colorLight: area.colorLight,
      goals: area.goals.map((goal, j) => {
        const direction = fillEnglish(goal.direction);
        return {
          id: goalIds[i]?.[j] as string,
          title: fillEnglish(goal.title),
          direction: direction.sv ? direction : null,
        };
      }),
    })),
  };
}

function checkDesign(design: Design, creating: boolean): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (creating && !design.boardTitle.trim()) problems.push({ key: 'designer.problem.boardTitle' });
  const from = design.periodFrom.trim();
  const to = design.periodTo.trim();
  if (!YEAR.test(from) || !YEAR.test(to)) problems.push({ key: 'designer.problem.years' });
  else if (Number(from) > Number(to)) problems.push({ key: 'designer.problem.yearOrder' });
  if (design.areas.length === 0) problems.push({ key: 'designer.problem.noAreas' });
  design.areas.forEach((area, i) => {
    if (!area.title.sv.trim()) problems.push({ key: 'designer.problem.areaTitle', params: { n: i + 1 } });
    area.goals.forEach((goal, j) => {
      if (!goal.title.sv.trim()) {
        problems.push({ key: 'designer.problem.goalTitle', params: { n: j + 1, area: area.title.sv.trim() || i + 1 } });
      }
    });
  });
  for (const label of design.fieldLabels) {
    if (!label.label.sv.trim()) problems.push({ key: 'designer.problem.fieldLabel', params: { field: label.field } });
  }
  const names = design.parties.map((party) => party.name.trim()).filter(Boolean);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) problems.push({ key: 'designer.problem.partyTwice', params: { name: twice } });
  return problems;
}

/** Party ids: kept when the party existed, else a slug of its name, unique within the list. */
function partyIds(parties: Design['parties']): string[] {
  const used = new Set(parties.flatMap((party) => (party.id ? [party.id] : [])));
  return parties.map((party) => {
    if (party.id) return party.id;
    const base = slugify(party.name, 'part');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/**
 * The template a design describes. `creating`: for a new board (its name is
 * then required, and a design copied from another template gets an id of its own).
 */
export function templateFromDesign(design: Design, creating: boolean): DesignResult {
  const problems = checkDesign(design, creating);
  if (problems.length > 0) return { ok: false, problems };
  const base = design.base ?? defaultTemplate();
  const { areaIds, goalIds } = assignIds(design);
  const title = fillEnglish(design.title.sv.trim() ? design.title : { sv: design.boardTitle, en: '' });
  const sameTitle = design.base !== null && design.base.title.sv === title.sv && design.base.title.en === title.en;
  const parties = design.parties.filter((party) => party.name.trim());
  const ids = partyIds(parties);
  const template = {
    kind: 'board-template',
    id: creating || !design.base ? slugify(title.sv, 'eget-upplagg') : base.id,
    version: creating || !design.base ? '1.0.0' : base.version,
    locale: 'sv',
    title,
    shortTitle: sameTitle ? base.shortTitle : title,
    period: { from: Number(design.periodFrom), to: Number(design.periodTo) },
    ...(base.vision && design.base ? { vision: base.vision } : {}),
    levelLabels: base.levelLabels,
    focusAreas: design.areas.map((area, i) => {
      const description = fillEnglish(area.description);
      return {
        id: areaIds[i] as string,
        title: fillEnglish(area.title),
        ...(description.sv ? { description } : {}),
        color: area.color,
        colorLight: area.colorLight,
        goals: area.goals.map((goal, j): Goal => {
          const direction = fillEnglish(goal.direction);
          return {
            id: goalIds[i]?.[j] as string,
            title: fillEnglish(goal.title),
            direction: direction.sv ? direction : null,
          };
        }),
      };
    }),
    parties: parties.map((party, i) => ({ id: ids[i] as string, name: party.name.trim(), type: party.type })),
    suggestedTargetGroups: [...new Set(design.targetGroups.map((item) => item.text.trim()).filter(Boolean))],
    fieldLabels: Object.fromEntries(design.fieldLabels.map(({ field, label }) => [field, fillEnglish(label)])),
    followUpStatuses: base.followUpStatuses,
  };
  const parsed = TemplateSchema.safeParse(template);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problems: [{ key: 'designer.problem.schema', params: { detail: issue?.message ?? '' } }] };
  }
  return { ok: true, template: parsed.data };
}
