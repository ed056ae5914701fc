/**
 * The board document layout (contract, schemaVersion 2; board-migration.ts brings older ones up):
 *   meta   Y.Map  schemaVersion, title, templateId, templateVersion, createdAt, locked,
 *                 template (the board's own copy of its template, plain JSON; see board-template.ts)
 *   cards  Y.Map<cardId, Y.Map>  the plan content (see card.ts)
 *   canvas Y.Map<recordId, record>  tldraw records: layout only
 * Every write goes through a function here or in card.ts, inside one
 * transaction with a typed origin, so observers can tell who wrote what.
 */
import type * as Y from 'yjs';
import type { Template } from './template.ts';

/** 2: cards have the Effektmått field (effectMeasure). Bump when the card registry gains a Y.Text field. */
export const SCHEMA_VERSION = 2;

/** Transaction origins. Observers skip their own origin to avoid echo loops. */
export const Origin = {
  /** A person editing in this client. */
  user: 'samtavla:user',
  /** The canvas binding mirroring tldraw's store into the document. */
  canvas: 'samtavla:canvas',
  /**
   * The canvas keeping itself in step (a shape for another person's card, zones
   * repaired): written like Origin.canvas, but no one's own edit, so undo skips it.
   */
  canvasSync: 'samtavla:canvas-sync',
  /** The server creating or importing a board. */
  server: 'samtavla:server',
  /** Plan import. */
  import: 'samtavla:import',
} as const;
export type Origin = (typeof Origin)[keyof typeof Origin];

export interface BoardMeta {
  schemaVersion: number;
  title: string;
  templateId: string;
  templateVersion: string;
  createdAt: string;
  locked: boolean;
}

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const cardsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('cards');
export const canvasMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('canvas');

/** The template as the plain JSON a board keeps in `meta.template` (no undefined members). */
export const templateJson = (template: Template): Record<string, unknown> => JSON.parse(JSON.stringify(template));

/**
 * Writes the meta of a new board. Called once, by the server, when the board is created.
 * With `template`, the board keeps its own copy of it: editing or removing the template later
 * never changes this board.
 */
export function initBoardDoc(
  doc: Y.Doc,
  meta: Omit<BoardMeta, 'schemaVersion' | 'locked'> & { template?: Template },
): void {
  doc.transact(() => {
    const map = metaMap(doc);
    map.set('schemaVersion', SCHEMA_VERSION);
    map.set('title', meta.title);
    map.set('templateId', meta.templateId);
    map.set('templateVersion', meta.templateVersion);
    map.set('createdAt', meta.createdAt);
    map.set('locked', false);
    if (meta.template) map.set('template', templateJson(meta.template));
  }, Origin.server);
}

/** The board's meta, or null while the document has not synced its meta yet. */
export function readMeta(doc: Y.Doc): BoardMeta | null {
  const map = metaMap(doc);
  const schemaVersion = map.get('schemaVersion');
  if (typeof schemaVersion !== 'number') return null;
  return {
    schemaVersion,
    title: String(map.get('title') ?? ''),
    templateId: String(map.get('templateId') ?? ''),
    templateVersion: String(map.get('templateVersion') ?? ''),
    createdAt: String(map.get('createdAt') ?? ''),
    locked: map.get('locked') === true,
  };
}

/**
 * Whether this code may write to a document: a newer schemaVersion than we
 * know is opened read-only, never rewritten.
 */
export function canWrite(meta: BoardMeta | null): boolean {
  return meta !== null && meta.schemaVersion <= SCHEMA_VERSION;
}

/** A board's own plan period (ISO dates), when it differs from its template's years. */
export interface PlanPeriodMeta {
  from: string;
  to: string;
}

/** The plan period stored in meta, or null when the board uses its template's period. */
export function readPlanPeriod(doc: Y.Doc): PlanPeriodMeta | null {
  const value = metaMap(doc).get('planPeriod');
  if (typeof value !== 'object' || value === null) return null;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' ? { from, to } : null;
}

/** Stores a board's own plan period; null goes back to the template's. */
export function setPlanPeriod(doc: Y.Doc, period: PlanPeriodMeta | null, origin: Origin = Origin.user): void {
  doc.transact(() => {
    if (period) metaMap(doc).set('planPeriod', { from: period.from, to: period.to });
    else metaMap(doc).delete('planPeriod');
  }, origin);
}

/** The board a board was started from ("Ny plan från den här"), as the server files it in meta.source. */
export interface SourceBoard {
  id: string;
  title: string;
}

export function isSourceBoard(value: unknown): value is SourceBoard {
  const source = value as Partial<SourceBoard> | null;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof source?.id === 'string' &&
    source.id.length <= 64 &&
    typeof source.title === 'string' &&
    source.title.length <= 200
  );
}

export function readSourceBoard(doc: Y.Doc): SourceBoard | null {
  const value = metaMap(doc).get('source');
  return isSourceBoard(value) ? { id: value.id, title: value.title } : null;
}
