/**
 * What every simulated participant does, whichever client carries it: own a
 * card, type into its fields (each edit carries its send time as «ms since the
 * bench epoch»), show a tldraw-like presence and move its cursor.
 */
import type * as Y from 'yjs';
import { createCard, getCardText, setCardText } from '../../../shared/card.ts';
import type { CardTextField } from '../../../shared/card-schema.ts';

/** Fields typed into in turn (not the title: its 200-character limit would fill up in long runs). */
const FIELDS: CardTextField[] = ['activity', 'indicator', 'targetGroup', 'responsible', 'priorityArea', 'period'];

export interface Observation {
  /** When the edit was sent (ms since the epoch) and how long it took to arrive here. */
  sentAt: number;
  latency: number;
}

/** A participant as the worker drives it. */
export interface Participant {
  readonly boardId: string;
  readonly synced: Promise<void>;
  createOwnCard(): void;
  edit(sentAt: number): void;
  initPresence(): void;
  moveCursor(step: number): void;
  /** Cards this client sees on its board; undefined when it does not keep the board's content. */
  readonly cardCount: number | undefined;
  destroy(): void;
}

/** Milliseconds since `epochNs` on the monotonic clock every thread of the process shares. */
export const clockMs = (epochNs: bigint): number => Number(process.hrtime.bigint() - epochNs) / 1e6;

export function createOwnCard(doc: Y.Doc, index: number): string {
  return createCard(doc, {
    goalId: 'A1',
    createdBy: `bench-${index}`,
    fields: { title: `Aktivitet ${index}`, responsible: 'Heby kommun' },
  });
}

/**
 * The send time with the sender's tag (0–9, its server in the scale-out bench) as its
 * third decimal: the receiver tells a same-server edit from a cross-server one (±0.01 ms).
 */
export const taggedTime = (sentAt: number, tag: number | undefined): number =>
  tag === undefined ? sentAt : Math.floor(sentAt * 100) / 100 + tag / 1000;

/** The tag `taggedTime` put into a send time. */
export const tagOf = (sentAt: number): number => Math.round(sentAt * 1000) % 10;

/** Types a short word carrying the send time at the end of one of the card's fields (edit number `n`). */
export function typeToken(doc: Y.Doc, cardId: string, n: number, sentAt: number): void {
  const field = FIELDS[n % FIELDS.length] ?? 'activity';
  const current = getCardText(doc, cardId, field)?.toString() ?? '';
  // Start the field over now and then so long runs stay under the field limit, as people do.
  const base = current.length > 2_000 ? '' : current;
  setCardText(doc, cardId, field, `${base} «${sentAt.toFixed(3)}»`);
}

/** The shape of a tldraw presence record (user, cursor, camera, selection), ≈ 300 bytes of JSON. */
export function presenceState(index: number, step = 0): Record<string, unknown> {
  return {
    user: { id: `user:bench-${index}`, name: `Deltagare ${index}`, color: '#0072B2' },
    presence: {
      cursor: { x: (step * 37) % 1440, y: (step * 53) % 900, type: 'default', rotation: 0 },
      camera: { x: 0, y: 0, z: 1 },
      selectedShapeIds: [],
      screenBounds: { x: 0, y: 0, w: 1440, h: 900 },
      currentPageId: 'page:page',
      lastActivityTimestamp: Date.now(),
    },
  };
}

const TOKEN = /«(\d+\.\d+)»/g;

/** Reports every send-time token in a piece of inserted text. */
export function observeText(text: string, now: number, observe: (o: Observation) => void): void {
  if (!text.includes('«')) return;
  for (const match of text.matchAll(TOKEN)) {
    const sentAt = Number(match[1]);
    observe({ sentAt, latency: now - sentAt });
  }
}

/**
 * Reports every send-time token in raw update bytes, without a Y.Doc: typed
 * strings are stored as UTF-8, so «123.45» is the bytes C2 AB, digits, C2 BB.
 */
export function observeBytes(bytes: Uint8Array, now: number, observe: (o: Observation) => void): void {
  for (let i = bytes.indexOf(0xc2); i >= 0 && i < bytes.length - 1; i = bytes.indexOf(0xc2, i + 1)) {
    if (bytes[i + 1] !== 0xab) continue;
    let value = '';
    let j = i + 2;
    for (; j < bytes.length; j++) {
      const byte = bytes[j] as number;
      if ((byte >= 0x30 && byte <= 0x39) || byte === 0x2e) value += String.fromCharCode(byte);
      else break;
    }
    if (bytes[j] === 0xc2 && bytes[j + 1] === 0xbb && value.length > 0) {
      const sentAt = Number(value);
      observe({ sentAt, latency: now - sentAt });
    }
    i = j;
  }
}
