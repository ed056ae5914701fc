/**
 * Plan data (contract, format "samverkansplan" 1.4): the structured form of a
 * board that every export is written from and every import is read into.
 * Declared once here; the published JSON Schema (samverkansplan.schema.json)
 * is generated from it, so the two cannot drift apart unnoticed.
 *
 * Minor versions only add: what 1.1 added (notes, warnings), 1.2 (effectMeasure) and 1.3
 * (follow-up rounds, indicator values, the source board) and 1.4 (decisions) defaults to empty, so every 1.x file reads; a new major is a break readers refuse.
 * A card's fields come from the card field registry (shared/fields/card-fields.ts).
 */
import { z } from 'zod';
import { BOARD_TITLE_MAX } from '../api.ts';
import {
  CARD_STATUSES,
  FOLLOW_UP_STATUSES,
  PARTY_NAME_MAX,
  REQUIRED_FOR_AGREED,
  TEXT_FIELD_MAX,
} from '../card-schema.ts';
import { DECISION_BY_MAX, DECISION_LOG_MAX, DECISION_NOTE_MAX } from '../decisions/decisions.ts';
import { CARD_FIELDS, type CardField, type PlanKind, TITLE_MAX } from '../fields/card-fields.ts';
import { INDICATOR_VALUE_MAX, INDICATOR_VALUES_MAX } from '../follow-up/round-limits.ts';

export const PLAN_FORMAT = 'samverkansplan';
/** The version exports write. */
export const PLAN_FORMAT_VERSION = '1.4';
/** The major version readers accept, with any minor version. */
export const PLAN_FORMAT_MAJOR = 1;

export const INDICATOR_KINDS = ['yesno', 'count', 'percent', 'text'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

const text = (max: number) => z.string().max(max);
const line = (max: number) => z.string().min(1).max(max);
const id = z.string().min(1).max(64);
const date = z.iso.date();
// Exports always write UTC ("…Z"); imports also accept an explicit offset.
const timestamp = z.iso.datetime({ offset: true });

/** Joined with newlines the list must still fit the card's one text field it is stored in. */
const fitsOneField = (items: string[]) => items.join('\n').length <= TEXT_FIELD_MAX;

export const IndicatorSchema = z
  .object({
    text: line(TEXT_FIELD_MAX).describe('The indicator wording, verbatim (one line of the card field).'),
    kind: z.enum(INDICATOR_KINDS).describe('Guessed from the wording: yesno, count, percent or free text.'),
  })
  .meta({ title: 'Indicator' });
export type Indicator = z.infer<typeof IndicatorSchema>;

export const PeriodSchema = z
  .object({
    label: text(TEXT_FIELD_MAX).describe('The time frame as the group wrote it, e.g. "2025".'),
    from: date.nullable().describe('First day, when the label is a year, a year range or a date range.'),
    to: date.nullable().describe('Last day, when the label is a year, a year range or a date range.'),
  })
  .meta({ title: 'Period' });
export type Period = z.infer<typeof PeriodSchema>;

/** What an indicator was found to be in a follow-up round: yes/no, a number (a count or a percent) or words. */
export const IndicatorValueSchema = z
  .object({
    text: line(TEXT_FIELD_MAX).describe("The indicator's wording, as on the card when the value was given."),
    value: z
      .union([z.boolean(), z.number(), text(INDICATOR_VALUE_MAX)])
      .describe('true/false for yes/no, a number for a count or a percent (0–100), else words.'),
  })
  .meta({ id: 'IndicatorValue', title: 'IndicatorValue' });
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const FollowUpSchema = z
  .object({
    period: line(32).describe('The follow-up period, usually a year: "2025".'),
    status: z.enum(FOLLOW_UP_STATUSES).describe('"cancelled" also covers what the parties stop doing.'),
    comment: text(TEXT_FIELD_MAX),
    effect: text(TEXT_FIELD_MAX).describe('Observed effect (effektmått).'),
    updatedAt: timestamp.nullable(),
    updatedBy: text(PARTY_NAME_MAX),
    indicators: z
      .array(IndicatorValueSchema)
      .max(INDICATOR_VALUES_MAX, `at most ${INDICATOR_VALUES_MAX} indicator values in one round`)
      .default([])
      .describe("The round's value of each indicator that has one, in the card's indicator order. Since 1.3."),
  })
  .meta({ title: 'FollowUp' });
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** A card's latest decision in the agreement phase (README "Decisions"). Since 1.4. */
export const PlanDecisionSchema = z
  .object({
    note: text(DECISION_NOTE_MAX).describe('The decision note the facilitator wrote (may be empty).'),
    by: text(DECISION_BY_MAX).describe("Who decided: the facilitator's display name."),
    at: timestamp.describe('When, by the server clock.'),
  })
  .meta({ id: 'Decision', title: 'Decision' });
export type PlanDecision = z.infer<typeof PlanDecisionSchema>;

/** One entry of the board's decision log: a card marked agreed or not, with its title at that moment. Since 1.4. */
export const PlanDecisionLogEntrySchema = PlanDecisionSchema.extend({
  cardId: id,
  title: text(TITLE_MAX).describe("The card's title when the decision was taken."),
  agreed: z.boolean().describe('Whether the card was marked agreed (false: back to draft).'),
}).meta({ id: 'DecisionLogEntry', title: 'DecisionLogEntry' });
export type PlanDecisionLogEntry = z.infer<typeof PlanDecisionLogEntrySchema>;

/** What a registry field of each plan kind holds, as a schema (with the field's own limit). */
const KIND_SCHEMA: Record<PlanKind, (field: CardField) => z.ZodType> = {
  text: (field) => text(field.max),
  lines: (field) =>
    z.array(line(field.max)).refine(fitsOneField, {
      message: `${field.label.en.toLowerCase()}s together must be at most ${field.max} characters`,
    }),
  indicators: (field) =>
    z.array(IndicatorSchema).refine((list) => fitsOneField(list.map((i) => i.text)), {
      message: `indicators together must be at most ${field.max} characters`,
    }),
  period: () => PeriodSchema,
  parties: (field) => z.array(line(PARTY_NAME_MAX)).max(field.max),
};
const EMPTY: Record<PlanKind, () => unknown> = {
  text: () => '',
  lines: () => [],
  indicators: () => [],
  period: () => ({ label: '', from: null, to: null }),
  parties: () => [],
};

/** What a field of each plan kind holds in plan data. */
export interface PlanValueOf {
  text: string;
  lines: string[];
  indicators: Indicator[];
  period: Period;
  parties: string[];
}
type PlanFieldShape = {
  [F in CardField as F['plan']['key']]: z.ZodType<PlanValueOf[F['plan']['kind']]>;
};

/** The card fields of plan data, one a registry field; a field a minor version added defaults to empty. */
function planFieldShape(): PlanFieldShape {
  const entries = CARD_FIELDS.map((field) => {
    const plan: CardField['plan'] & { description?: string; since?: string } = field.plan;
    let schema = KIND_SCHEMA[plan.kind](field);
    if (plan.description) schema = schema.describe(plan.description);
    if (plan.since) schema = schema.default(EMPTY[plan.kind]);
    return [plan.key, schema] as const;
  });
  return Object.fromEntries(entries) as unknown as PlanFieldShape;
}

export const PlanCardSchema = z
  .object({
    id,
    ...planFieldShape(),
    status: z.enum(CARD_STATUSES).describe('Workshop state: draft, or agreed by the group.'),
    followUp: z.array(FollowUpSchema).describe('One entry a follow-up period, in period order.'),
    votes: z.number().int().describe('The votes the card got in the last dot-voting round revealed on it (0: none).'),
    authors: z
      .array(line(PARTY_NAME_MAX))
      .describe('The card creator first, then the further authors an import named, then follow-up writers.'),
    createdAt: timestamp.nullable(),
    decision: PlanDecisionSchema.nullable()
      .default(null)
      .describe("The card's latest decision (note, who, when), or null when none was taken. Since 1.4."),
  })
  .meta({ id: 'PlanCard', title: 'Card' });
export type PlanCard = z.infer<typeof PlanCardSchema>;

export const PlanNoteSchema = z
  .object({
    id: text(128).describe('The id of the sticky note on the canvas.'),
    text: text(TEXT_FIELD_MAX).describe('Its text, plain, as written.'),
  })
  .meta({ id: 'PlanNote', title: 'Note' });
export type PlanNote = z.infer<typeof PlanNoteSchema>;

/** Sticky notes left on the canvas as notes (not turned into cards): brainstorm material, "Anteckningar". Since 1.1. */
const notes = z
  .array(PlanNoteSchema)
  .default([])
  .describe('Sticky notes on the board in this place, by their position (top to bottom, left to right). Since 1.1.');

export const PlanWarningSchema = z
  .object({
    kind: z.literal('agreed-missing').describe('An agreed card lacks a field an agreed card needs.'),
    cardId: id,
    fields: z.array(z.enum(REQUIRED_FOR_AGREED)).min(1).describe('The card fields it lacks, in card order.'),
  })
  .meta({ id: 'PlanWarning', title: 'Warning' });
export type PlanWarning = z.infer<typeof PlanWarningSchema>;

export const PlanGoalSchema = z
  .object({
    id,
    title: text(TEXT_FIELD_MAX),
    direction: text(TEXT_FIELD_MAX).nullable().describe('The direction (inriktning) text, when the template has one.'),
    cards: z.array(PlanCardSchema),
    notes,
  })
  .meta({ title: 'Goal' });
export type PlanGoal = z.infer<typeof PlanGoalSchema>;

export const PlanFocusAreaSchema = z
  .object({
    id,
    title: text(TEXT_FIELD_MAX),
    goals: z.array(PlanGoalSchema),
    cards: z.array(PlanCardSchema).describe('Cards on the focus area but under none of its goals.'),
    notes,
  })
  .meta({ title: 'FocusArea' });
export type PlanFocusArea = z.infer<typeof PlanFocusAreaSchema>;

/** A round comment: what the group wrote about one focus area or goal in a round ("Kommentar mars 2022"). */
export const RoundCommentSchema = z
  .object({
    placeId: id.describe('The focus area or goal the comment is about.'),
    text: text(TEXT_FIELD_MAX),
  })
  .meta({ id: 'RoundComment', title: 'RoundComment' });
export type RoundComment = z.infer<typeof RoundCommentSchema>;

/** A follow-up round the facilitator started: the period its cards' follow-up entries are filed under. */
export const RoundSchema = z
  .object({
    label: line(32).describe('The round\'s label, also the period of its follow-up entries: "Uppföljning 2025".'),
    date: date.nullable().describe('The date the round is about (the follow-up meeting, say).'),
    current: z.boolean().describe('Whether this is the round the board fills in now (one at most).'),
    comments: z.array(RoundCommentSchema).describe('Round comments per focus area and goal, in template order.'),
  })
  .meta({ id: 'Round', title: 'Round' });
export type Round = z.infer<typeof RoundSchema>;

export const PlanPartySchema = z.object({
  id: line(64),
  name: line(PARTY_NAME_MAX),
  type: z.enum(['region', 'kommun', 'other']),
});
export type PlanParty = z.infer<typeof PlanPartySchema>;

export const PlanSchema = z
  .object({
    format: z.literal(PLAN_FORMAT),
    formatVersion: z
      .string()
      .regex(new RegExp(`^${PLAN_FORMAT_MAJOR}\\.\\d+$`))
      .describe(`"${PLAN_FORMAT_VERSION}" when written; readers take every ${PLAN_FORMAT_MAJOR}.x.`),
    exportedAt: timestamp,
    template: z.object({
      id: line(64),
      version: line(32),
      title: text(TEXT_FIELD_MAX),
      vision: text(TEXT_FIELD_MAX).nullable(),
      labels: z
        .object({
          focusArea: line(100),
          goal: line(100),
          direction: line(100).nullable(),
        })
        .describe('What this template calls its levels, e.g. "Fokusområde", "Delmål", "Inriktning".'),
    }),
    board: z.object({
      id: z.string().max(64).nullable().describe('The board id, when the exporter knows it.'),
      title: text(BOARD_TITLE_MAX),
      locale: line(16),
      planPeriod: z.object({ from: date, to: date }),
      parties: z.array(PlanPartySchema).describe('The party register of the template.'),
      createdAt: timestamp.nullable(),
      source: z
        .object({ id: z.string().max(64), title: text(BOARD_TITLE_MAX) })
        .nullable()
        .default(null)
        .describe('The board this plan was started from ("Ny plan från den här"), when it was. Since 1.3.'),
    }),
    decisions: z
      .array(PlanDecisionLogEntrySchema)
      .max(DECISION_LOG_MAX)
      .default([])
      .describe(`The decision log, oldest first (the newest ${DECISION_LOG_MAX} are kept). Since 1.4.`),
    rounds: z.array(RoundSchema).default([]).describe('Follow-up rounds in the order they were started. Since 1.3.'),
    focusAreas: z.array(PlanFocusAreaSchema).describe('Template order; cards by their order on the board, then id.'),
    unplaced: z.array(PlanCardSchema).describe('Cards under no goal or area of the template.'),
    warnings: z
      .array(PlanWarningSchema)
      .default([])
      .describe('What needs fixing before the plan holds: agreed cards missing a required field. Since 1.1.'),
  })
  .meta({
    title: 'Samverkansplan',
    description: 'A collaboration plan exported from a Samtavla board.',
  });
export type PlanData = z.infer<typeof PlanSchema>;
