/**
 * Board templates: the focus areas and goals a board is laid out on.
 * A template is data (shared/templates/*.json), validated here at load so a
 * broken or hand-edited template fails loudly instead of drawing a wrong board.
 */
// zod/mini: the same schemas at a quarter of the client bundle cost (the board page loads this module).
import * as z from 'zod/mini';
import { TEMPLATE_BOUNDS as B } from './template-bounds.ts';
import hsvo from './templates/hsvo-2024-2026.json' with { type: 'json' };
import nsu from './templates/nsu-2019.json' with { type: 'json' };

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = () => text(B.id);
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

/** Swedish first; English beside it: both required (the designer fills English from Swedish when left blank). */
const localized = (max: number) => z.object({ sv: text(max), en: text(max) });
export const LocalizedText = localized(B.title);
export type LocalizedText = z.infer<typeof LocalizedText>;
const Label = localized(B.label);
const LongText = localized(B.text);

const hexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #009E73'));

export const GoalSchema = z.object({
  id: id(),
  title: LocalizedText,
  direction: z.optional(z.nullable(LongText)),
  lanes: z.optional(list(text(B.label), B.lanesPerGoal)),
  note: z.optional(z.string().check(z.maxLength(B.note))),
});
export type Goal = z.infer<typeof GoalSchema>;

export const FocusAreaSchema = z.object({
  id: id(),
  title: LocalizedText,
  /** What the area is about; shown with it (and, for an area without goals, as its zone's text). */
  description: z.optional(LongText),
  color: hexColor,
  colorLight: hexColor,
  /** An area without goals is itself the one place its cards go (see cardPlaces). */
  goals: list(GoalSchema, B.goalsPerArea),
});
export type FocusArea = z.infer<typeof FocusAreaSchema>;

export const PartySchema = z.object({
  id: id(),
  name: text(B.label),
  type: z.enum(['region', 'kommun', 'other']),
});
export type Party = z.infer<typeof PartySchema>;

const StatusLabel = z.object({
  id: z.string().check(z.maxLength(B.id)),
  sv: z.string().check(z.maxLength(B.label)),
  en: z.string().check(z.maxLength(B.label)),
});

export const TemplateSchema = z
  .object({
    kind: z.literal('board-template'),
    id: z.string().check(z.maxLength(B.id), z.regex(/^[a-z0-9][a-z0-9-]*$/, 'template ids are lower-case slugs')),
    version: z.string().check(z.maxLength(B.version), z.regex(/^\d+\.\d+\.\d+$/, 'template versions are semver')),
    locale: z.string().check(z.maxLength(B.locale)),
    title: LocalizedText,
    shortTitle: LocalizedText,
    period: z.object({ from: z.int(), to: z.int() }),
    vision: z.optional(LongText),
    levelLabels: z.object({
      focusArea: Label,
      goal: Label,
      direction: z.optional(Label),
      card: Label,
    }),
    focusAreas: list(FocusAreaSchema, B.focusAreas).check(z.minLength(1)),
    parties: list(PartySchema, B.parties),
    suggestedTargetGroups: list(text(B.label), B.targetGroups),
    fieldLabels: z
      .record(z.string().check(z.maxLength(B.id)), Label)
      .check(
        z.refine((labels) => Object.keys(labels).length <= B.fieldLabels, `at most ${B.fieldLabels} field labels`),
      ),
    followUpStatuses: list(StatusLabel, B.followUpStatuses),
  })
  .check(
    z.superRefine((template, ctx) => {
      const ids = new Set<string>();
      for (const area of template.focusAreas) {
        for (const id of [area.id, ...area.goals.map((g) => g.id)]) {
          if (ids.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate area/goal id "${id}"` });
          ids.add(id);
        }
      }
      // Party ids key the register (the designer's rows, lookups by id): two alike could not be told apart.
      const parties = new Set<string>();
      for (const party of template.parties) {
        if (parties.has(party.id)) ctx.addIssue({ code: 'custom', message: `duplicate party id "${party.id}"` });
        parties.add(party.id);
      }
    }),
  );
export type Template = z.infer<typeof TemplateSchema>;

export const DEFAULT_TEMPLATE_ID = 'hsvo-2024-2026';

/** Parses a template, throwing an error that names the template and the broken field. */
export function parseTemplate(data: unknown, name = 'template'): Template {
  const result = TemplateSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`Invalid ${name}: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/**
 * Checks a template (a facilitator's design, an uploaded file): the template,
 * or the first problem as "<field path>: <what is wrong>", e.g.
 * "focusAreas.0.title.en: Too small: expected string to have >=1 characters".
 */
export function checkTemplate(
  data: unknown,
): { ok: true; template: Template } | { ok: false; path: string; message: string; error: string } {
  const result = TemplateSchema.safeParse(data);
  if (result.success) return { ok: true, template: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'not a board template';
  return { ok: false, path, message, error: path ? `${path}: ${message}` : message };
}

const builtIn: readonly Template[] = [
  parseTemplate(hsvo, 'template hsvo-2024-2026'),
  parseTemplate(nsu, 'template nsu-2019'),
];

/** The templates that ship with Samtavla, default first. */
export function listTemplates(): readonly Template[] {
  return builtIn;
}

export function getTemplate(id: string): Template | undefined {
  return builtIn.find((t) => t.id === id);
}

/**
 * The places an area's cards go: its goals, or — an area without goals — the
 * area itself as its only place (a card's goalId is then the area's id). Its
 * title is the area's and its direction the area's description. Everything
 * that lays cards out or lists where they may go reads places through this.
 */
export function cardPlaces(area: FocusArea): Goal[] {
  if (area.goals.length > 0) return area.goals;
  return [{ id: area.id, title: area.title, direction: area.description ?? null }];
}

/** Whether `place` (from cardPlaces) is the area itself rather than one of its goals. */
export const isAreaPlace = (area: Pick<FocusArea, 'id'>, place: Pick<Goal, 'id'>): boolean => place.id === area.id;

/** Every id a card may be placed on in `template`: its focus areas' and its goals'. */
export function placeIds(template: Pick<Template, 'focusAreas'>): Set<string> {
  return new Set(template.focusAreas.flatMap((area) => [area.id, ...area.goals.map((goal) => goal.id)]));
}

/** Every place of a template (cardPlaces: goals, or a goal-less area itself) in template order, with its area. */
export function templateGoals(template: Pick<Template, 'focusAreas'>): { area: FocusArea; goal: Goal }[] {
  return template.focusAreas.flatMap((area) => cardPlaces(area).map((goal) => ({ area, goal })));
}

export function findGoal(
  template: Pick<Template, 'focusAreas'>,
  goalId: string,
): { area: FocusArea; goal: Goal } | undefined {
  return templateGoals(template).find((entry) => entry.goal.id === goalId);
}
