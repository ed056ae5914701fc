/**
 * The parts of plan data that come from the template and the board rather
 * than from cards: a plan with every focus area and goal and no cards yet.
 */
import type { LocalizedText, Template } from '../template.ts';
import { type DateRange, yearRange } from './period.ts';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION, type PlanData } from './schema.ts';

export interface PlanShell {
  boardId?: string | null;
  title?: string;
  /** The board's own plan period; the template's years when absent. */
  planPeriod?: DateRange | null;
  createdAt?: string | null;
  /** The export time (tests pass a fixed one). */
  now?: Date;
  /** The language of the template's texts (an export asked for in a language); the template's own when absent. */
  locale?: 'sv' | 'en';
}

/** The template's language: English only when that is the template's locale, else Swedish. */
export const localized = (value: LocalizedText, locale: string): string => (locale === 'en' ? value.en : value.sv);

/** Plan data of `template` with no cards in it. */
export function emptyPlan(template: Template, shell: PlanShell = {}): PlanData {
  const locale = shell.locale ?? template.locale;
  const text = (value: LocalizedText) => localized(value, locale);
  return {
    format: PLAN_FORMAT,
    formatVersion: PLAN_FORMAT_VERSION,
    exportedAt: (shell.now ?? new Date()).toISOString(),
    template: {
      id: template.id,
      version: template.version,
      title: text(template.title),
      vision: template.vision ? text(template.vision) : null,
      labels: {
        focusArea: text(template.levelLabels.focusArea),
        goal: text(template.levelLabels.goal),
        direction: template.levelLabels.direction ? text(template.levelLabels.direction) : null,
      },
    },
    board: {
      id: shell.boardId ?? null,
      title: shell.title ?? '',
      locale,
      planPeriod: shell.planPeriod ?? yearRange(template.period.from, template.period.to),
      parties: template.parties.map((p) => ({ id: p.id, name: p.name, type: p.type })),
      createdAt: shell.createdAt ?? null,
      source: null,
    },
    rounds: [],
    focusAreas: template.focusAreas.map((area) => ({
      id: area.id,
      title: text(area.title),
      goals: area.goals.map((goal) => ({
        id: goal.id,
        title: text(goal.title),
        direction: goal.direction ? text(goal.direction) : null,
        cards: [],
        notes: [],
      })),
      cards: [],
      notes: [],
    })),
    unplaced: [],
    warnings: [],
    decisions: [],
  };
}
