/**
 * A board template built from an imported file's own focus areas and goals,
 * for a plan that no template fits: from a JSON plan's `focusAreas`, or from a
 * table's "Fokusområde"/"Delmål" columns (ids where the file has them, else
 * slugs of the titles). Colours come from the designer's palette of pairs that
 * pass WCAG AA (shared/area-palette.ts). The result
 * is checked like any template (bounds included); null when it does not fit one.
 */
import { paletteColorAt } from '../area-palette.ts';
import { checkTemplate, type FocusArea, getTemplate, type Template } from '../template.ts';
import { TEMPLATE_BOUNDS } from '../template-bounds.ts';
import type { PlanData } from './schema.ts';
import { locateHeader } from './table-header.ts';

/** "Trygg uppväxt för alla!" → "trygg-uppvaxt-for-alla". */
export function slug(text: string, max = 40): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const both = (text: string, max: number = TEMPLATE_BOUNDS.title) => ({ sv: clip(text, max), en: clip(text, max) });

interface Place {
  id: string;
  title: string;
  direction?: string | null;
}

/** The file's areas with their goals, as a checked template; null when it is no valid template. */
function buildTemplate(
  name: string,
  areas: { area: Place; goals: Place[] }[],
  parties: Template['parties'],
): Template | null {
  const base = getTemplate('hsvo-2024-2026') as Template;
  const focusAreas: FocusArea[] = areas.map(({ area, goals }, i) => {
    const { color, colorLight } = paletteColorAt(i);
    return {
      id: area.id,
      title: both(area.title || area.id),
      color,
      colorLight,
      goals: goals.map((goal) => ({
        id: goal.id,
        title: both(goal.title || goal.id),
        ...(goal.direction ? { direction: both(goal.direction, TEMPLATE_BOUNDS.text) } : {}),
      })),
    };
  });
  const year = new Date().getFullYear();
  const checked = checkTemplate({
    kind: 'board-template',
    id: `fil-${slug(name, 50) || 'egen'}`,
    version: '1.0.0',
    locale: 'sv',
    title: both(name || 'Importerad plan'),
    shortTitle: both(name || 'Importerad plan'),
    period: { from: year, to: year },
    levelLabels: { ...base.levelLabels, direction: undefined },
    focusAreas,
    parties: parties.slice(0, TEMPLATE_BOUNDS.parties),
    suggestedTargetGroups: [],
    fieldLabels: base.fieldLabels,
    followUpStatuses: base.followUpStatuses,
  });
  return checked.ok ? checked.template : null;
}

/** A template of a JSON plan's own focus areas and goals (its period and parties too). */
export function templateFromPlan(plan: PlanData): Template | null {
  const template = buildTemplate(
    plan.board.title || plan.template.title,
    plan.focusAreas.map((area) => ({ area, goals: area.goals })),
    plan.board.parties,
  );
  if (!template) return null;
  const from = Number(plan.board.planPeriod.from.slice(0, 4));
  const to = Number(plan.board.planPeriod.to.slice(0, 4));
  return from <= to ? { ...template, period: { from, to } } : template;
}

/**
 * A template of a table's own areas and goals, in the order rows first name
 * them; null when the table names none (or more than a template holds).
 * Ids are the file's where it has them, else slugs of the titles, made unique.
 */
export function templateFromTable(table: string[][], name: string): Template | null {
  const header = locateHeader(table);
  if (!header) return null;
  const at = (key: string, row: string[]) => {
    const index = header.columns.get(key) ?? header.derived.get(key);
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const areas = new Map<string, { area: Place; goals: Map<string, Place> }>();
  const used = new Set<string>();
  const idByTitle = new Map<string, string>();
  /** The file's id, else the slug of the title (the same title: the same id; another one: made unique). */
  const idOf = (kind: string, given: string, title: string, fallback: string) => {
    if (given) {
      used.add(given);
      return given;
    }
    const key = `${kind}\u0000${title.toLocaleLowerCase('sv')}`;
    const known = idByTitle.get(key);
    if (known) return known;
    const base = slug(title) || fallback;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    idByTitle.set(key, id);
    return id;
  };
  const goalsPlaced = new Set<string>();
  for (const row of table.slice(header.row + 1)) {
    const areaTitle = at('focusArea', row);
    const goalTitle = at('goal', row);
    const areaGiven = at('focusAreaId', row);
    const goalGiven = at('goalId', row);
    if (!areaTitle && !areaGiven && !goalTitle && !goalGiven) continue;
    const areaId = areaTitle || areaGiven ? idOf('area', areaGiven, areaTitle, 'omrade') : 'ovrigt';
    let entry = areas.get(areaId);
    if (!entry) {
      entry = { area: { id: areaId, title: areaTitle || areaGiven || 'Övrigt' }, goals: new Map() };
      areas.set(areaId, entry);
      if (areas.size > TEMPLATE_BOUNDS.focusAreas) return null;
    }
    if (goalTitle || goalGiven) {
      const goalId = idOf('goal', goalGiven, goalTitle, 'mal');
      // A goal belongs to the area of the first row that names it.
      if (!goalsPlaced.has(goalId)) {
        entry.goals.set(goalId, { id: goalId, title: goalTitle || goalGiven });
        goalsPlaced.add(goalId);
      }
    }
  }
  if (areas.size === 0) return null;
  return buildTemplate(
    name,
    [...areas.values()].map(({ area, goals }) => ({ area, goals: [...goals.values()] })),
    [],
  );
}

/** The notice an import on the file's own areas and goals gives. */
/** Why a file's own areas could not lay the board out: they do not fit what a template may hold. */
export function ownTemplateRefusedNotice(): string {
  return `Filens egna fokusområden och mål ryms inte i ett upplägg (högst ${TEMPLATE_BOUNDS.focusAreas} fokusområden och ${TEMPLATE_BOUNDS.goalsPerArea} mål per fokusområde, med korta rubriker); tavlan lades upp på standardmallen.`;
}

export function ownTemplateNotice(template: Template): string {
  const goals = template.focusAreas.reduce((sum, area) => sum + area.goals.length, 0);
  const areas = template.focusAreas.length;
  return `Tavlan lades upp efter filens egna fokusområden och mål (${areas} fokusområde${areas === 1 ? '' : 'n'}, ${goals} mål).`;
}
