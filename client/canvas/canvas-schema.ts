/**
 * Decides whether this client may write to a board's canvas, given the tldraw
 * schema the canvas was last written with (kept in `meta`, see
 * shared/canvas-schema.ts). tldraw records carry no version of their own, so
 * a client with another tldraw version could otherwise silently write records
 * the others cannot read.
 */
import type { SerializedSchema, StoreSchema, TLRecord } from 'tldraw';

export type SchemaCheck =
  /** No canvas schema stored yet: this client records its own. */
  | 'unset'
  /** Same schema: read and write freely. */
  | 'same'
  /** Stored schema is older: migrate the records up, then write them and our schema back. */
  | 'upgrade'
  /** Stored schema is newer or unknown to us: open read-only, never rewrite. */
  | 'incompatible';

type AnySchema = StoreSchema<TLRecord, unknown>;

function sequencesOf(schema: object): Record<string, unknown> | null {
  const sequences = (schema as { sequences?: unknown }).sequences;
  return sequences && typeof sequences === 'object' ? (sequences as Record<string, unknown>) : null;
}

export function checkCanvasSchema(ours: AnySchema, stored: object | null): SchemaCheck {
  if (stored === null) return 'unset';
  let migrations: ReturnType<AnySchema['getMigrationsSince']>;
  try {
    migrations = ours.getMigrationsSince(stored as SerializedSchema);
  } catch {
    return 'incompatible';
  }
  if (!migrations.ok) return 'incompatible';
  const ourSequences = ours.serialize().sequences;
  const storedSequences = sequencesOf(stored);
  // A shape type we have never heard of means a newer client wrote the canvas.
  if (storedSequences && Object.keys(storedSequences).some((id) => !(id in ourSequences))) return 'incompatible';
  if (migrations.value.length > 0) return 'upgrade';
  return JSON.stringify(ourSequences) === JSON.stringify(storedSequences) ? 'same' : 'upgrade';
}

/** Migrates stored records up to our schema; null when tldraw cannot. */
export function migrateRecords(ours: AnySchema, stored: object, records: TLRecord[]): TLRecord[] | null {
  const snapshot = Object.fromEntries(records.map((r) => [r.id, r])) as Record<TLRecord['id'], TLRecord>;
  const result = ours.migrateStoreSnapshot({ store: snapshot, schema: stored as SerializedSchema });
  return result.type === 'success' ? Object.values(result.value) : null;
}
