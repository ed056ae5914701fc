/**
 * Decisions of the agreement phase (README "Running the workshop", "Decisions"): the
 * facilitator marks a card agreed (or not) with a short note. In the board document:
 *   meta.cardDecisions  Y.Map<cardId, { note, by, at }>  the card's latest decision
 *   meta.decisionLog    Y.Map<seq, { cardId, title, agreed, note, by, at }>  every decision, capped
 * Both maps and everything in them are written by the server only (POST …/decisions and the
 * plan import), never by a client (shared/board-contract.ts SERVER_WRITTEN). A card's decision
 * lives in meta, not in the card, so a card deleted and restored keeps it, and deleting a card
 * never touches a server-owned slot. The log keeps the newest DECISION_LOG_MAX entries: the
 * oldest is dropped when a new one comes (the card's own decision is kept regardless).
 */
import * as Y from 'yjs';
import { metaMap, type Origin } from '../board-doc.ts';
import { ID_MAX, PARTY_NAME_MAX } from '../card-schema.ts';
import { TITLE_MAX } from '../fields/card-fields.ts';

export const DECISION_NOTE_MAX = 500;
export const DECISION_LOG_MAX = 500;
/** The longest name a decision is signed with (the facilitator's display name). */
export const DECISION_BY_MAX = 100;

export interface CardDecision {
  note: string;
  by: string;
  at: string;
}

export interface DecisionLogEntry extends CardDecision {
  cardId: string;
  title: string;
  agreed: boolean;
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isTime = (value: unknown): value is string =>
  isText(value, ID_MAX) && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

export function isCardDecision(value: unknown): value is CardDecision {
  const v = value as Partial<CardDecision> | null;
  return (
    typeof value === 'object' &&
    value !== null &&
    isText(v?.note, DECISION_NOTE_MAX) &&
    isText(v?.by, Math.max(DECISION_BY_MAX, PARTY_NAME_MAX)) &&
    isTime(v?.at)
  );
}

export function isDecisionLogEntry(value: unknown): value is DecisionLogEntry {
  const v = value as Partial<DecisionLogEntry> | null;
  return (
    isCardDecision(value) &&
    isText(v?.cardId, ID_MAX) &&
    (v?.cardId ?? '').length > 0 &&
    isText(v?.title, TITLE_MAX) &&
    typeof v?.agreed === 'boolean'
  );
}

/** Log keys sort as numbers do: a fixed width of digits. */
const logKey = (seq: number) => String(seq).padStart(9, '0');

const mapOf = (doc: Y.Doc, key: 'cardDecisions' | 'decisionLog'): Y.Map<unknown> | undefined => {
  const map = metaMap(doc).get(key);
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : undefined;
};

function ensureMap(doc: Y.Doc, key: 'cardDecisions' | 'decisionLog'): Y.Map<unknown> {
  const found = mapOf(doc, key);
  if (found) return found;
  const map = new Y.Map<unknown>();
  metaMap(doc).set(key, map);
  return map;
}

/** A card's latest decision, or null when none was taken (or the stored value is not one). */
export function readCardDecision(doc: Y.Doc, cardId: string): CardDecision | null {
  const value = mapOf(doc, 'cardDecisions')?.get(cardId);
  return isCardDecision(value) ? { note: value.note, by: value.by, at: value.at } : null;
}

/** Every card's decision, by card id. */
export function readCardDecisions(doc: Y.Doc): Map<string, CardDecision> {
  const result = new Map<string, CardDecision>();
  for (const [id, value] of mapOf(doc, 'cardDecisions')?.entries() ?? []) {
    if (isCardDecision(value)) result.set(id, { note: value.note, by: value.by, at: value.at });
  }
  return result;
}

/** The decision log, oldest first. */
export function readDecisionLog(doc: Y.Doc): DecisionLogEntry[] {
  const entries = [...(mapOf(doc, 'decisionLog')?.entries() ?? [])];
  return entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, value]) => value)
    .filter(isDecisionLogEntry)
    .map(({ cardId, title, agreed, note, by, at }) => ({ cardId, title, agreed, note, by, at }));
}

/** Appends log entries (inside the caller's transaction), dropping the oldest past the cap. */
function appendLog(doc: Y.Doc, entries: DecisionLogEntry[]): void {
  const log = ensureMap(doc, 'decisionLog');
  const keys = [...log.keys()].sort();
  let next = keys.length > 0 ? Number(keys[keys.length - 1]) + 1 : 1;
  for (const entry of entries.slice(-DECISION_LOG_MAX)) {
    log.set(logKey(next), { ...entry });
    keys.push(logKey(next));
    next++;
  }
  for (const key of keys.slice(0, Math.max(0, keys.length - DECISION_LOG_MAX))) log.delete(key);
}

/**
 * Writes one decision: the card's status, its decision and a log entry, in one transaction.
 * The caller has checked the card exists and may be agreed.
 */
export function recordDecision(doc: Y.Doc, entry: DecisionLogEntry, origin: Origin): void {
  doc.transact(() => {
    const card = doc.getMap<Y.Map<unknown>>('cards').get(entry.cardId);
    const status = entry.agreed ? 'agreed' : 'draft';
    if (card && card.get('status') !== status) card.set('status', status);
    ensureMap(doc, 'cardDecisions').set(entry.cardId, { note: entry.note, by: entry.by, at: entry.at });
    appendLog(doc, [entry]);
  }, origin);
}

/** Writes decisions as a plan import has them: the cards' own and the log, as they were. */
export function writeDecisions(
  doc: Y.Doc,
  cards: Map<string, CardDecision>,
  log: DecisionLogEntry[],
  origin: Origin,
): void {
  if (cards.size === 0 && log.length === 0) return;
  doc.transact(() => {
    const map = ensureMap(doc, 'cardDecisions');
    for (const [id, decision] of cards) map.set(id, { note: decision.note, by: decision.by, at: decision.at });
    if (log.length > 0) appendLog(doc, log);
  }, origin);
}
