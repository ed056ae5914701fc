/**
 * Field rules of an activity card, in one place: the UI, the server and every
 * export validate against these schemas.
 */
// zod/mini: the same schemas at a quarter of the client bundle cost (the card editor loads this module).
import * as z from 'zod/mini';
import {
  type CardTextFieldDef,
  PARTIES_MAX,
  REQUIRED_FIELDS,
  type RequiredFieldDef,
  TEXT_FIELD_MAX,
  TEXT_FIELDS,
  TITLE_MAX,
} from './fields/card-fields.ts';
import { FOLLOW_UP_LABEL_MAX, FOLLOW_UP_PERIODS_MAX } from './follow-up/round-limits.ts';

export { PARTIES_MAX, TEXT_FIELD_MAX, TITLE_MAX };

/** Card fields stored as Y.Text, so concurrent typing merges character by character (the registry's). */
export type CardTextField = CardTextFieldDef['id'];
export const CARD_TEXT_FIELDS: readonly CardTextField[] = TEXT_FIELDS.map((f) => f.id);

export const CARD_STATUSES = ['draft', 'agreed'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const FOLLOW_UP_STATUSES = ['not-started', 'ongoing', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const PARTY_NAME_MAX = 200;
/** Further authors an imported card names beside its creator ("every author kept"). */
export const CO_AUTHORS_MAX = 50;
/** Card ids, goal ids, participant ids (vote keys) and timestamps. */
export const ID_MAX = 64;
/** Follow-up periods on one card and the length of their labels (the rounds' own bounds). */
export { FOLLOW_UP_LABEL_MAX, FOLLOW_UP_PERIODS_MAX };
/** People who may vote on one card. */
export const VOTERS_MAX = 1_000;

/**
 * Largest magnitude of a card's `order`: orders start at the creation time in ms (≈ 1.8e12) and
 * are spread 1,024 apart, so 2^50 leaves room for centuries; a bound keeps a forged 1e300 from
 * swallowing every step added to it, which would make reordering a goal impossible.
 */
export const CARD_ORDER_MAX = 2 ** 50;

const MAX_OF = new Map<string, number>(TEXT_FIELDS.map((f) => [f.id, f.max]));
export const fieldMax = (field: CardTextField): number => MAX_OF.get(field) ?? TEXT_FIELD_MAX;

const text = (max: number) => z.string().check(z.maxLength(max, `at most ${max} characters`));
const shortText = (max: number) => z.string().check(z.maxLength(max));

/** An indicator's value in a round: yes/no, a number (count or percent), or words. */
export type IndicatorAnswer = boolean | number | string;

export const FollowUpEntrySchema = z.object({
  status: z.enum(FOLLOW_UP_STATUSES),
  comment: text(TEXT_FIELD_MAX),
  effect: text(TEXT_FIELD_MAX),
  /** Indicator wording → value (follow-up/entry-map.ts). */
  indicators: z.record(z.string(), z.union([z.boolean(), z.number(), z.string()])),
  updatedAt: z.string(),
  updatedBy: shortText(PARTY_NAME_MAX),
});
export type FollowUpEntry = z.infer<typeof FollowUpEntrySchema>;

const textShape = Object.fromEntries(TEXT_FIELDS.map((f) => [f.id, text(f.max)])) as Record<
  CardTextField,
  ReturnType<typeof text>
>;

/** A card as plain data: what `readCard` returns and what exports start from. */
export const CardSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(ID_MAX)),
  goalId: z.nullable(shortText(ID_MAX)),
  status: z.enum(CARD_STATUSES),
  order: z.number(),
  createdAt: z.string(),
  createdBy: shortText(PARTY_NAME_MAX),
  /** Authors an imported file named after the first (the creator); follow-up writers are in followUp. */
  coAuthors: z.array(shortText(PARTY_NAME_MAX)).check(z.maxLength(CO_AUTHORS_MAX)),
  ...textShape,
  parties: z.array(z.string().check(z.minLength(1), z.maxLength(PARTY_NAME_MAX))).check(z.maxLength(PARTIES_MAX)),
  followUp: z.record(shortText(FOLLOW_UP_LABEL_MAX), FollowUpEntrySchema),
  votes: z.record(z.string(), z.int()),
});
export type Card = z.infer<typeof CardSchema>;

/** The fields a card needs before the group can mark it agreed (the registry's requiredForAgreed). */
export type RequiredField = RequiredFieldDef['id'];
export const REQUIRED_FOR_AGREED = REQUIRED_FIELDS.map((f) => f.id) as [RequiredField, ...RequiredField[]];

/** Splits an indicator field into one indicator a line, wording kept, blank lines dropped. */
export function splitIndicators(indicator: string): string[] {
  return indicator
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Which required fields an agreed card would lack; empty when it may be agreed. */
export function missingForAgreed(card: Pick<Card, RequiredField>): RequiredField[] {
  // A field of blank lines only is empty too (no indicator in "\n \n").
  return REQUIRED_FOR_AGREED.filter((field) => card[field].trim() === '');
}

/** Why `value` breaks the rule of a text field, or null when it is valid (the UI shows this beside the field). */
export function fieldError(field: CardTextField, value: string): string | null {
  const result = CardSchema.shape[field].safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid');
}

/** Why a party name cannot be added to a card holding `current`, or null when it can. */
export function partyError(name: string, current: readonly string[]): 'empty' | 'too-long' | 'too-many' | null {
  const trimmed = name.trim();
  if (!trimmed) return 'empty';
  if (trimmed.length > PARTY_NAME_MAX) return 'too-long';
  if (!current.includes(trimmed) && current.length >= PARTIES_MAX) return 'too-many';
  return null;
}

/**
 * The time frame a new card starts with: the plan year. That is the first year
 * of the board's own plan period (ISO dates in meta) when it has one, else the
 * first year of its template's period.
 */
export function defaultCardPeriod(templatePeriod: { from: number }, planPeriod?: { from: string } | null): string {
  const year = planPeriod ? /^(\d{4})-/.exec(planPeriod.from)?.[1] : undefined;
  return year ?? String(templatePeriod.from);
}
