/**
 * Compaction with several writers on one board (README "PostgreSQL storage").
 *
 * A process folds what its own document holds: its own appends, and whatever
 * it received of other processes' (through the relay, maybe not yet). Deleting
 * the log through `throughSeq` could therefore drop an update of another
 * process that its state never folded. So, under a per-board advisory lock
 * (two compactors of one board take turns):
 * - a compaction through a sequence number the stored state already covers is
 *   ignored, so an older one never replaces a newer state;
 * - every row it deletes is folded into the stored state by the store itself:
 *   rows other store instances wrote are folded in (a Yjs merge is a union: an
 *   update already in the state adds nothing, and the fold goes through a
 *   Y.Doc so deleted text stays dropped), and so is the stored state unless it
 *   is this instance's own earlier fold.
 * A single process writes only its own rows and folds its own state, so it never
 * pays for the merge. This relies on one store instance feeding one document per
 * board at a time, as the room registry does.
 *
 * With a relay (REDIS_URL) the rooms use `foldStoredBoard` instead: it folds
 * exactly what storage holds, read under the same lock, so it needs no room's
 * document at all and reads and folds the board once.
 */
import type { PoolClient } from 'pg';
import * as Y from 'yjs';

/** First key of the per-board compaction lock (the second is the board id's hash). */
const COMPACTION_LOCK_CLASS = 0x5a43;

export interface CompactionOutcome {
  /** False when the stored state already covered `throughSeq` (or the board is gone). */
  applied: boolean;
  /** Whether other writers' rows or state had to be merged in. */
  merged: boolean;
}

/** Takes the board's compaction lock until the transaction ends (a deletion takes it too, so the two never deadlock). */
export async function lockBoardCompaction(client: PoolClient, boardId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACTION_LOCK_CLASS, boardId]);
}

/**
 * Folds Yjs updates into one state through a Y.Doc (the server hands it its state worker's 'fold').
 * Not a bare Y.mergeUpdates: where one input holds a deleted range as a GC struct and another the
 * same range with its content, the byte merge may keep the content.
 */
export type MergeUpdates = (updates: Uint8Array[]) => Promise<Uint8Array>;

export const mergeHere: MergeUpdates = async (updates) => {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};

export async function compactBoard(
  client: PoolClient,
  boardId: string,
  state: Uint8Array,
  throughSeq: number,
  writer: string,
  mergeUpdates: MergeUpdates = mergeHere,
): Promise<CompactionOutcome> {
  await lockBoardCompaction(client, boardId);
  const stored = await client.query<{ through_seq: string; folded_by: string }>(
    'SELECT through_seq, folded_by FROM board_states WHERE board_id = $1 FOR UPDATE',
    [boardId],
  );
  const current = stored.rows[0];
  if (!current || Number(current.through_seq) >= throughSeq) return { applied: false, merged: false };
  const foreign = await client.query<{ data: Buffer }>(
    'SELECT data FROM board_updates WHERE board_id = $1 AND seq <= $2 AND writer <> $3 ORDER BY seq',
    [boardId, throughSeq, writer],
  );
  const mustMerge = current.folded_by !== writer || foreign.rows.length > 0;
  let folded = state;
  if (mustMerge) {
    const old = await client.query<{ state: Buffer }>('SELECT state FROM board_states WHERE board_id = $1', [boardId]);
    // The new state first: where it holds a deleted range without its content, the merge keeps that.
    folded = await mergeUpdates([
      state,
      ...old.rows.map((row) => new Uint8Array(row.state)),
      ...foreign.rows.map((row) => new Uint8Array(row.data)),
    ]);
  }
  // Merged, it holds what no single document may hold: the next compaction merges again.
  await replaceState(client, boardId, folded, throughSeq, mustMerge ? '' : writer);
  return { applied: true, merged: mustMerge };
}

/**
 * Folds the board's stored state and whole log into one state (foldStored), under the compaction
 * lock. Appends need not wait: a board's sequence numbers are taken under its row's lock, so they
 * commit in order and what this reads is every row through the last one it sees; a later append
 * gets a higher number and is not deleted.
 */
export async function foldStoredBoard(client: PoolClient, boardId: string, fold: MergeUpdates): Promise<void> {
  await lockBoardCompaction(client, boardId);
  const stored = await client.query<{ state: Buffer }>(
    'SELECT state FROM board_states WHERE board_id = $1 FOR UPDATE',
    [boardId],
  );
  const state = stored.rows[0];
  if (!state) return;
  const log = await client.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = $1 ORDER BY seq',
    [boardId],
  );
  const last = log.rows.at(-1);
  if (!last) return;
  const folded = await fold([new Uint8Array(state.state), ...log.rows.map((row) => new Uint8Array(row.data))]);
  // Folded by no single document: a later compact() merges it in.
  await replaceState(client, boardId, folded, Number(last.seq), '');
}

/** Writes the board's new state, folded through `throughSeq` by `foldedBy`, and deletes the log rows it holds. */
async function replaceState(
  client: PoolClient,
  boardId: string,
  state: Uint8Array,
  throughSeq: number,
  foldedBy: string,
): Promise<void> {
  await client.query(
    'UPDATE board_states SET state = $2, compacted_at = $3, through_seq = $4, folded_by = $5 WHERE board_id = $1',
    [boardId, state, new Date().toISOString(), throughSeq, foldedBy],
  );
  await client.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [boardId, throughSeq]);
}
