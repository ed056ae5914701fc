/**
 * What a record in the board document's `canvas` map may be: the document-scope
 * tldraw records the board's canvas writes (client/canvas/yjs-binding.ts writes
 * every document-scope record of its store; session records such as the camera,
 * the instance and the pointer never reach the document). The server checks
 * every incoming canvas value against this; a unit test keeps these lists equal
 * to the types the client's tldraw store knows.
 *
 * Zones and card shapes are not canvas records: every client lays them out
 * from the template and the cards (shared/board-layout.ts), so they are never
 * stored, and an old board's stored ones are ignored by the clients.
 *
 * No resource a record makes browsers load may come from another origin: an
 * image at another address would be fetched by everyone who opens the board (a
 * tracking pixel). Links people click (a bookmark's page, a link in a text) are
 * not loads and stay free.
 */
import { NOTE_TYPE, noteMetaProblem } from './canvas-notes.ts';
import { MAX_CANVAS_ASSET_CHARS, MAX_CANVAS_RECORD_CHARS } from './limits.ts';

/** Record types of document scope in the board's tldraw store. */
export const CANVAS_RECORD_TYPES = ['asset', 'binding', 'document', 'page', 'shape', 'user'] as const;

/** tldraw's default shapes (all reachable from its default tools and paste handling). */
export const CANVAS_SHAPE_TYPES = [
  'group',
  'text',
  'bookmark',
  'draw',
  'geo',
  'note',
  'line',
  'frame',
  'arrow',
  'highlight',
  'embed',
  'image',
  'video',
] as const;

/** Samtavla's own shapes, which each client derives from the document and never writes into `canvas`. */
export const LAYOUT_SHAPE_TYPES = ['zone', 'activity-card'] as const;
export const CANVAS_BINDING_TYPES = ['arrow'] as const;
export const CANVAS_ASSET_TYPES = ['image', 'video', 'bookmark'] as const;

/**
 * A board has one page, tldraw's default: the page menu is hidden, and a second page sorted
 * first would take the layout (and everyone's view) to a page nobody works on.
 */
export const BOARD_PAGE_ID = 'page:page';

/** Longest canvas record id (tldraw's are `shape:` and a 21-character nanoid). */
export const CANVAS_KEY_MAX = 128;

const ZONE_KEY_PREFIX = 'shape:zone-';
const CARD_KEY_PREFIX = 'shape:card-';

/** Whether a canvas key held a template zone (older boards stored them; only the facilitator may delete them). */
export const isZoneKey = (key: string): boolean => key.startsWith(ZONE_KEY_PREFIX);

/** Whether a key or record is one of the layout's shapes (a zone or a card shape), which are never stored. */
export function isLayoutRecord(key: string, value?: unknown): boolean {
  if (key.startsWith(ZONE_KEY_PREFIX) || key.startsWith(CARD_KEY_PREFIX)) return true;
  const record = value as { typeName?: unknown; type?: unknown } | null | undefined;
  return record?.typeName === 'shape' && (LAYOUT_SHAPE_TYPES as readonly string[]).includes(record.type as string);
}

const TYPES_BY_RECORD: Record<string, readonly string[]> = {
  shape: CANVAS_SHAPE_TYPES,
  binding: CANVAS_BINDING_TYPES,
  asset: CANVAS_ASSET_TYPES,
};

/**
 * Whether a URL a browser would load stays on this origin: empty, a path on
 * this server, or inline data (`data:`, `blob:`, which tldraw uses for pasted
 * images). `//host/…` and `/\host` are other origins to a browser.
 */
export function isOwnOriginUrl(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value !== 'string') return false;
  const url = value.trim().toLowerCase();
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
}

const field = (value: unknown, ...path: string[]): unknown => {
  let at = value;
  for (const step of path) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[step] : undefined;
  return at;
};

/** The fields of a record that browsers load as a resource, by record. */
function loadedUrls(record: Record<string, unknown>): unknown[] {
  if (record.typeName === 'asset') {
    return [field(record, 'props', record.type === 'bookmark' ? 'image' : 'src'), field(record, 'props', 'favicon')];
  }
  if (record.typeName === 'user') return [record.imageUrl];
  if (record.typeName === 'shape' && record.type === 'embed') return [field(record, 'props', 'url')];
  return [];
}

/** Why `value` cannot be the canvas record stored under `key`, or null when it can (≤ 120 characters). */
export function canvasRecordProblem(key: string, value: unknown): string | null {
  const shown = key.slice(0, 40);
  if (key.length > CANVAS_KEY_MAX) return `canvas key "${shown}…" is too long`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `canvas "${shown}" is not a record`;
  const record = value as Record<string, unknown>;
  const typeName = record.typeName;
  if (typeof typeName !== 'string' || !(CANVAS_RECORD_TYPES as readonly string[]).includes(typeName)) {
    return `canvas "${shown}": record type not allowed`;
  }
  if (record.id !== key || !key.startsWith(`${typeName}:`)) return `canvas "${shown}": id does not match its key`;
  if (isLayoutRecord(key, record)) return `canvas "${shown}": zones and card shapes are laid out, not stored`;
  if (typeName === 'page' && key !== BOARD_PAGE_ID)
    return `canvas "${shown}": a board has one page, "${BOARD_PAGE_ID}"`;
  const types = TYPES_BY_RECORD[typeName];
  if (types && !types.includes(record.type as string)) return `canvas "${shown}": ${typeName} type not allowed`;
  const max = typeName === 'asset' ? MAX_CANVAS_ASSET_CHARS : MAX_CANVAS_RECORD_CHARS;
  if (JSON.stringify(record).length > max) return `canvas "${shown}" is larger than ${max} characters`;
  if (!loadedUrls(record).every(isOwnOriginUrl)) return `canvas "${shown}" loads from another origin`;
  // The plan reads a note's goal from its meta (canvas-notes.ts), so that meta is held to its one key.
  if (typeName === 'shape' && record.type === NOTE_TYPE) {
    const problem = noteMetaProblem(record.meta);
    if (problem) return `canvas "${shown}": ${problem}`;
  }
  return null;
}
