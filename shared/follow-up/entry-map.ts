/**
 * A card's follow-up entry for one round as a Y.Map (README "Follow-up rounds"):
 * `status`, `comment` and `effect` (Y.Text), `indicators` (a Y.Map from an
 * indicator's wording to its value), `updatedAt`, `updatedBy`. The server makes
 * an empty entry for every card when a round starts, and a new card gets one for
 * the current round, so two people filling in a card's follow-up at once edit
 * one map field by field instead of each making an entry that would win whole.
 */
import * as Y from 'yjs';
import { FOLLOW_UP_STATUSES, type FollowUpEntry, type IndicatorAnswer } from '../card-schema.ts';
import { INDICATOR_KEY_MAX, INDICATOR_VALUE_MAX } from './round-limits.ts';

export function newFollowUpEntry(): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('comment', new Y.Text());
  entry.set('effect', new Y.Text());
  entry.set('indicators', new Y.Map());
  return entry;
}

/**
 * Empties an entry where it is (a restore to a version without it): the map stays, so
 * whoever fills the round in next still writes into the one map everyone shares.
 */
export function clearFollowUpEntry(entry: Y.Map<unknown>): void {
  for (const key of ['status', 'updatedAt', 'updatedBy']) if (entry.has(key)) entry.delete(key);
  for (const key of ['comment', 'effect']) {
    const text = entry.get(key);
    if (text instanceof Y.Text) {
      if (text.length > 0) text.delete(0, text.length);
    } else entry.set(key, new Y.Text());
  }
  const indicators = entry.get('indicators');
  if (indicators instanceof Y.Map) for (const key of [...indicators.keys()]) indicators.delete(key);
  else entry.set('indicators', new Y.Map());
}

/** The entry of `label` in a card's `followUp` map, made when missing (inside the caller's transaction). */
export function ensureFollowUpEntry(followUp: Y.Map<unknown>, label: string): Y.Map<unknown> {
  const existing = followUp.get(label);
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  const entry = newFollowUpEntry();
  followUp.set(label, entry);
  return entry;
}

/** The key an indicator's value is filed under: its wording (cut at the key limit). */
export const indicatorKey = (indicator: string): string => indicator.trim().slice(0, INDICATOR_KEY_MAX);

/** Whether a value fits an indicator: yes/no, a finite number, or words within the limit. */
export const isIndicatorAnswer = (value: unknown): value is IndicatorAnswer =>
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length <= INDICATOR_VALUE_MAX);

/** A stored field as plain text: a Y.Text's characters, or the value as a string. */
export const str = (value: unknown): string => (value instanceof Y.Text ? value.toString() : String(value ?? ''));

function readIndicators(value: unknown): Record<string, IndicatorAnswer> {
  if (!(value instanceof Y.Map)) return {};
  const entries = [...value.entries()].filter((pair): pair is [string, IndicatorAnswer] => isIndicatorAnswer(pair[1]));
  return Object.fromEntries(entries);
}

/**
 * A card's follow-up entries as plain data. An entry nobody has written in yet (made
 * empty at a round's start) is left out: the card is not followed up in that round.
 * An entry with words but no status reads as not started.
 */
export function readFollowUp(value: unknown): Record<string, FollowUpEntry> {
  if (!(value instanceof Y.Map)) return {};
  const entries: [string, FollowUpEntry][] = [];
  for (const [label, entry] of value.entries()) {
    if (!(entry instanceof Y.Map)) continue;
    const status = entry.get('status');
    const read: FollowUpEntry = {
      status: FOLLOW_UP_STATUSES.includes(status) ? status : 'not-started',
      comment: str(entry.get('comment')),
      effect: str(entry.get('effect')),
      indicators: readIndicators(entry.get('indicators')),
      updatedAt: str(entry.get('updatedAt')),
      updatedBy: str(entry.get('updatedBy')),
    };
    const blank = status === undefined && !read.comment && !read.effect && Object.keys(read.indicators).length === 0;
    if (!blank) entries.push([label, read]);
  }
  // fromEntries makes every label an own key, "__proto__" too (labels come from clients).
  return Object.fromEntries(entries);
}
