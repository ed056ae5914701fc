/**
 * The board-document contract as data (README "The board document"): which
 * key of which container holds what. The accessors in board-doc.ts, card.ts and
 * canvas-schema.ts write exactly this; the server checks every incoming update
 * against it (server/sync/update-rules.ts). The limits are the editor's own, from
 * card-schema.ts, so the editor and the server read the same numbers.
 */

import { isSourceBoard } from './board-doc.ts';
import { CANVAS_KEY_MAX, canvasRecordProblem } from './canvas-contract.ts';
import {
  CARD_ORDER_MAX,
  CARD_STATUSES,
  CARD_TEXT_FIELDS,
  CO_AUTHORS_MAX,
  FOLLOW_UP_LABEL_MAX,
  FOLLOW_UP_PERIODS_MAX,
  FOLLOW_UP_STATUSES,
  fieldMax,
  ID_MAX,
  PARTIES_MAX,
  PARTY_NAME_MAX,
  TEXT_FIELD_MAX,
  VOTERS_MAX,
} from './card-schema.ts';
import { isCardDecision, isDecisionLogEntry } from './decisions/decisions.ts';
import { isIndicatorAnswer } from './follow-up/entry-map.ts';
import {
  INDICATOR_KEY_MAX,
  INDICATOR_VALUE_MAX,
  INDICATOR_VALUES_MAX,
  ROUND_LABEL_MAX,
  ROUND_PLACES_MAX,
  ROUNDS_MAX,
} from './follow-up/round-limits.ts';
import { isRoundList } from './follow-up/round-meta.ts';
import { MAX_CANVAS_RECORDS, MAX_TEMPLATE_JSON_BYTES } from './limits.ts';
import { WORKSHOP_META_SLOTS } from './workshop/workshop-slots.ts';

/** The kinds of Yjs type in a board document: the three roots and what cards nest. */
export const CONTAINERS = [
  'meta',
  'cards',
  'canvas',
  'card',
  'text',
  'parties',
  'followUp',
  'followUpEntry',
  'votes',
  // Appended, never inserted: a container's index is its role number in the server's document index.
  'indicatorValues',
  'roundComments',
  'roundPlaces',
  'cardDecisions',
  'decisionLog',
] as const;
export type Container = (typeof CONTAINERS)[number];
export const ROOTS: readonly Container[] = ['meta', 'cards', 'canvas'];

/** Who may change a meta key from a client. The server's own writes (REST calls) are not checked. */
export type MetaOwner = 'server' | 'facilitator' | 'first-writer';

/** What a key of a container may hold. `problem` says why a JSON value does not fit, or null. */
export type Slot =
  | { kind: 'text'; max: number }
  | { kind: 'map'; holds: Container; owner?: MetaOwner }
  | { kind: 'value'; problem: (value: unknown, key: string) => string | null; owner?: MetaOwner };

/** A map container's cap on live entries (refused only when an update grows past it). */
export const ENTRY_CAPS: Partial<Record<Container, number>> = {
  canvas: MAX_CANVAS_RECORDS,
  parties: PARTIES_MAX,
  followUp: FOLLOW_UP_PERIODS_MAX,
  indicatorValues: INDICATOR_VALUES_MAX,
  votes: VOTERS_MAX,
  roundComments: ROUNDS_MAX,
  roundPlaces: ROUND_PLACES_MAX,
};

/**
 * Containers whose entries a client may add but never remove: a round's comment texts (one per
 * focus area and goal) are made by the server when the round starts, and a version restore
 * writes into them rather than making them again (README "Follow-up rounds").
 */
export const KEPT_ENTRIES: ReadonlySet<Container> = new Set<Container>(['roundComments', 'roundPlaces']);

/**
 * Containers only the server writes in, entries and all: no client's update may add to them or
 * delete from them, whatever its role (the decisions, README "Decisions").
 */
export const SERVER_WRITTEN: ReadonlySet<Container> = new Set<Container>(['cardDecisions', 'decisionLog']);

/**
 * Containers a client makes empty with their card (and deletes with it) but never puts an entry
 * in: a card's `votes` hold the totals the server writes when it reveals a voting round (README
 * "Dot voting"), so no client can vote in the document or change a result.
 */
export const SERVER_FILLED: ReadonlySet<Container> = new Set<Container>(['votes']);

const expect =
  (what: string, ok: (value: unknown) => boolean) =>
  (value: unknown): string | null =>
    ok(value) ? null : `must be ${what}`;
const isString = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const string = (max: number) => expect(`a string of at most ${max} characters`, isString(max));
const oneOf = (values: readonly string[]) => expect(`one of ${values.join(', ')}`, (v) => values.includes(v as string));
const isoDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && v.length <= ID_MAX;

const text = (max: number): Slot => ({ kind: 'text', max });
const value = (problem: (value: unknown, key: string) => string | null, owner?: MetaOwner): Slot => ({
  kind: 'value',
  problem,
  owner,
});

/** Card keys (card.ts createCard); the text fields come from the card field registry. */
const CARD_SLOTS: Record<string, Slot> = {
  id: value(expect('a card id', (v) => isString(ID_MAX)(v) && (v as string).length > 0)),
  goalId: value(expect('a goal id or null', (v) => v === null || isString(ID_MAX)(v))),
  status: value(oneOf(CARD_STATUSES)),
  order: value(
    expect(
      `a number of at most ${CARD_ORDER_MAX} either way`,
      (v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= CARD_ORDER_MAX,
    ),
  ),
  createdAt: value(string(ID_MAX)),
  createdBy: value(string(PARTY_NAME_MAX)),
  coAuthors: value(
    expect(
      `at most ${CO_AUTHORS_MAX} names of at most ${PARTY_NAME_MAX} characters`,
      (v) => Array.isArray(v) && v.length <= CO_AUTHORS_MAX && v.every(isString(PARTY_NAME_MAX)),
    ),
  ),
  // Every Y.Text field of the card registry (shared/fields/card-fields.ts), bounded by its own limit.
  ...Object.fromEntries(CARD_TEXT_FIELDS.map((field) => [field, text(fieldMax(field))])),
  parties: { kind: 'map', holds: 'parties' },
  followUp: { kind: 'map', holds: 'followUp' },
  votes: { kind: 'map', holds: 'votes' },
};

/** One round's follow-up entry of a card (follow-up/entry-map.ts). */
const FOLLOW_UP_ENTRY_SLOTS: Record<string, Slot> = {
  status: value(oneOf(FOLLOW_UP_STATUSES)),
  comment: text(TEXT_FIELD_MAX),
  effect: text(TEXT_FIELD_MAX),
  indicators: { kind: 'map', holds: 'indicatorValues' },
  updatedAt: value(string(ID_MAX)),
  updatedBy: value(string(PARTY_NAME_MAX)),
};

/** Meta keys (board-doc.ts, canvas-schema.ts) and who may write them from a client. */
const META_SLOTS: Record<string, Slot> = {
  schemaVersion: value(expect('an integer', Number.isInteger), 'server'),
  title: value(string(200), 'server'),
  templateId: value(string(ID_MAX), 'server'),
  templateVersion: value(string(ID_MAX), 'server'),
  // The board's own copy of its template (board-template.ts): written by the server at creation and
  // by PUT /api/boards/:id/template only, never by a client.
  template: value(
    expect(
      'a board template',
      (v) => typeof v === 'object' && v !== null && JSON.stringify(v).length <= MAX_TEMPLATE_JSON_BYTES,
    ),
    'server',
  ),
  createdAt: value(string(ID_MAX), 'server'),
  locked: value(
    expect('a boolean', (v) => typeof v === 'boolean'),
    'server',
  ),
  planPeriod: value(
    expect('{ from, to } ISO dates', (v) => {
      const period = v as { from?: unknown; to?: unknown } | null;
      return typeof v === 'object' && v !== null && isoDate(period?.from) && isoDate(period?.to);
    }),
    'facilitator',
  ),
  // Follow-up rounds (follow-up/round-meta.ts): started and switched by POST/PUT …/rounds only.
  rounds: value(expect(`at most ${ROUNDS_MAX} rounds with distinct labels`, isRoundList), 'server'),
  currentRound: value(string(ROUND_LABEL_MAX), 'server'),
  // The map is made by the server when the first round starts; the comment texts in it are anyone's.
  roundComments: { kind: 'map', holds: 'roundComments', owner: 'server' },
  // The board this one was started from ("Ny plan från den här").
  source: value(expect('{ id, title } of a board', isSourceBoard), 'server'),
  // The facilitator's decisions (decisions/decisions.ts): written by POST …/decisions and imports only.
  cardDecisions: { kind: 'map', holds: 'cardDecisions', owner: 'server' },
  decisionLog: { kind: 'map', holds: 'decisionLog', owner: 'server' },
  // tldraw's serialized schema: { schemaVersion, sequences: { id: version } } (≈ 1 KB).
  canvasSchema: value(
    expect('a tldraw schema', (v) => typeof v === 'object' && v !== null && JSON.stringify(v).length <= 16_384),
    'first-writer',
  ),
  // The workshop timer and agenda (workshop/workshop-slots.ts): written by their REST routes only.
  ...WORKSHOP_META_SLOTS,
};

const keyOf =
  (max: number, slot: Slot) =>
  (key: string): Slot | null =>
    key.length > 0 && key.length <= max ? slot : null;

const CANVAS_RECORD = value((record, key) => canvasRecordProblem(key, record));

const SLOTS: Record<Container, (key: string) => Slot | null> = {
  meta: (key) => META_SLOTS[key] ?? null,
  cards: keyOf(ID_MAX, { kind: 'map', holds: 'card' }),
  canvas: (key) => (key.length <= CANVAS_KEY_MAX ? CANVAS_RECORD : null),
  card: (key) => CARD_SLOTS[key] ?? null,
  // A text holds characters only: no keys (attributes), checked as such by the server.
  text: () => null,
  parties: keyOf(PARTY_NAME_MAX, value(expect('true or false', (v) => typeof v === 'boolean'))),
  followUp: keyOf(FOLLOW_UP_LABEL_MAX, { kind: 'map', holds: 'followUpEntry' }),
  followUpEntry: (key) => FOLLOW_UP_ENTRY_SLOTS[key] ?? null,
  indicatorValues: keyOf(
    INDICATOR_KEY_MAX,
    value(expect(`yes/no, a number or at most ${INDICATOR_VALUE_MAX} characters`, isIndicatorAnswer)),
  ),
  votes: keyOf(ID_MAX, value(expect('an integer', Number.isSafeInteger))),
  roundComments: keyOf(ROUND_LABEL_MAX, { kind: 'map', holds: 'roundPlaces' }),
  roundPlaces: keyOf(ID_MAX, text(TEXT_FIELD_MAX)),
  cardDecisions: keyOf(ID_MAX, value(expect('a decision { note, by, at }', isCardDecision))),
  decisionLog: keyOf(ID_MAX, value(expect('a decision log entry', isDecisionLogEntry))),
};

/** What `key` of a `container` may hold; null when the contract has no such key. */
export const slotOf = (container: Container, key: string): Slot | null => SLOTS[container](key);
