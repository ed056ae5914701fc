/**
 * Filling in one card's follow-up in a round, one field at a time: the status,
 * the comment and the effect (Y.Text, by the smallest splice) and each
 * indicator's value. Each call also stamps who wrote last and when. Two people
 * writing different fields of one entry at once both keep their work; two
 * typing in one text merge character by character.
 */
import * as Y from 'yjs';
import { Origin } from '../board-doc.ts';
import { getCardMap, replaceText } from '../card.ts';
import { type FollowUpStatus, type IndicatorAnswer, TEXT_FIELD_MAX } from '../card-schema.ts';
import { clearFollowUpEntry, ensureFollowUpEntry, indicatorKey, isIndicatorAnswer } from './entry-map.ts';
import { INDICATOR_VALUES_MAX } from './round-limits.ts';

export type FollowUpTextField = 'comment' | 'effect';

const STAMP_EVERY_MS = 60_000;

/** Runs `write` on the card's entry of `label` (made when missing), stamped with `by`. */
function editEntry(
  doc: Y.Doc,
  cardId: string,
  label: string,
  by: string,
  origin: Origin,
  write: (entry: Y.Map<unknown>) => boolean,
): void {
  const followUp = getCardMap(doc, cardId)?.get('followUp');
  if (!(followUp instanceof Y.Map)) return;
  doc.transact(() => {
    const entry = ensureFollowUpEntry(followUp as Y.Map<unknown>, label);
    if (!write(entry)) return;
    // Stamped when the writer changes or a minute has passed, not on every keystroke: each
    // overwrite of a map value leaves a tombstone in the document.
    const now = new Date();
    const stamped = Date.parse(String(entry.get('updatedAt') ?? ''));
    const stale = Number.isNaN(stamped) || now.getTime() - stamped > STAMP_EVERY_MS;
    if (entry.get('updatedBy') !== by) entry.set('updatedBy', by);
    else if (!stale) return;
    entry.set('updatedAt', now.toISOString());
  }, origin);
}

export function setFollowUpStatus(
  doc: Y.Doc,
  cardId: string,
  label: string,
  status: FollowUpStatus,
  by: string,
  origin: Origin = Origin.user,
): void {
  editEntry(doc, cardId, label, by, origin, (entry) => {
    if (entry.get('status') === status) return false;
    entry.set('status', status);
    return true;
  });
}

/**
 * Sets the card back to "not followed up" in the round (README "Follow-up rounds"): the entry is
 * emptied where it is — status, texts, indicator values and stamps — so every reader (the
 * summary, the exports, the reports) counts the card as having no entry. The plan format has no
 * entry without a status, so words left behind would read as "not started"; they go too.
 */
export function resetFollowUpEntry(doc: Y.Doc, cardId: string, label: string, origin: Origin = Origin.user): void {
  const followUp = getCardMap(doc, cardId)?.get('followUp');
  const entry = followUp instanceof Y.Map ? followUp.get(label) : undefined;
  if (!(entry instanceof Y.Map)) return;
  doc.transact(() => clearFollowUpEntry(entry as Y.Map<unknown>), origin);
}

export function setFollowUpText(
  doc: Y.Doc,
  cardId: string,
  label: string,
  field: FollowUpTextField,
  value: string,
  by: string,
  origin: Origin = Origin.user,
): void {
  editEntry(doc, cardId, label, by, origin, (entry) => {
    const next = value.slice(0, TEXT_FIELD_MAX);
    const text = entry.get(field);
    if (text instanceof Y.Text) {
      if (text.toString() === next) return false;
      replaceText(text, next);
    } else entry.set(field, new Y.Text(next));
    return true;
  });
}

/** Sets an indicator's value in the round, or with null clears it. A value that does not fit is ignored. */
export function setIndicatorValue(
  doc: Y.Doc,
  cardId: string,
  label: string,
  indicator: string,
  value: IndicatorAnswer | null,
  by: string,
  origin: Origin = Origin.user,
): void {
  const key = indicatorKey(indicator);
  if (!key || (value !== null && !isIndicatorAnswer(value))) return;
  editEntry(doc, cardId, label, by, origin, (entry) => {
    let values = entry.get('indicators');
    if (!(values instanceof Y.Map)) {
      values = new Y.Map<unknown>();
      entry.set('indicators', values);
    }
    const map = values as Y.Map<unknown>;
    if (value === null) {
      if (!map.has(key)) return false;
      map.delete(key);
      return true;
    }
    if (map.get(key) === value || (!map.has(key) && map.size >= INDICATOR_VALUES_MAX)) return false;
    map.set(key, value);
    return true;
  });
}
