/**
 * Board templates: the focus areas and goals a board is laid out on.
 * A template is data (shared/templates/*.json), validated here at load so a
 * broken or hand-edited template fails loudly instead of drawing a wrong board.
 */
// zod/mini: the same schemas at a quarter of the client bundle cost (the board page loads this module).
import * as z from 'zod/mini';
import hsvo from './templates/hsvo-2024-2026.json' with { type: 'json' };
import nsu from './templates/nsu-2019.json' with { type: 'json' };

/** Swedish first; English beside it. */
const nonEmpty = () => z.string().check(z.minLength(1));

export const LocalizedText = z.object({ sv: nonEmpty(), en: nonEmpty() });
export type LocalizedText = z.infer<typeof LocalizedText>;

const hexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #009E73'));

export const GoalSchema = z.object({
  id: nonEmpty(),
  title: LocalizedText,
  direction: z.optional(z.nullable(LocalizedText)),
  lanes: z.optional(z.array(nonEmpty())),
  note: z.optional(z.string()),
});
export type Goal = z.infer<typeof GoalSchema>;

export const FocusAreaSchema = z.object({
  id: nonEmpty(),
  title: LocalizedText,
  color: hexColor,
  colorLight: hexColor,
  goals: z.array(GoalSchema),
});
export type FocusArea = z.infer<typeof FocusAreaSchema>;

export const PartySchema = z.object({
  id: nonEmpty(),
  name: nonEmpty(),
  type: z.enum(['region', 'kommun', 'other']),
});
export type Party = z.infer<typeof PartySchema>;

const StatusLabel = z.object({ id: z.string(), sv: z.string(), en: z.string() });

export const TemplateSchema = z
  .object({
    kind: z.literal('board-template'),
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'template ids are lower-case slugs')),
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'template versions are semver')),
    locale: z.string(),
    title: LocalizedText,
    shortTitle: LocalizedText,
    period: z.object({ from: z.int(), to: z.int() }),
    vision: z.optional(LocalizedText),
    levelLabels: z.object({
      focusArea: LocalizedText,
      goal: LocalizedText,
      direction: z.optional(LocalizedText),
      card: LocalizedText,
    }),
    focusAreas: z.array(FocusAreaSchema).check(z.minLength(1)),
    parties: z.array(PartySchema),
    suggestedTargetGroups: z.array(nonEmpty()),
    fieldLabels: z.record(z.string(), LocalizedText),
    followUpStatuses: z.array(StatusLabel),
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

/** Every goal of a template in template order, with its focus area. */
/** Every id a card may be placed on in `template`: its focus areas' and its goals'. */
export function placeIds(template: Pick<Template, 'focusAreas'>): Set<string> {
  return new Set(template.focusAreas.flatMap((area) => [area.id, ...area.goals.map((goal) => goal.id)]));
}

export function templateGoals(template: Template): { area: FocusArea; goal: Goal }[] {
  return template.focusAreas.flatMap((area) => area.goals.map((goal) => ({ area, goal })));
}

export function findGoal(template: Template, goalId: string): { area: FocusArea; goal: Goal } | undefined {
  return templateGoals(template).find((entry) => entry.goal.id === goalId);
}
