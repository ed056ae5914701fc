/**
 * Several processes on one PostgreSQL (README "PostgreSQL storage"): each
 * "process" is a store with its own pool and its own document of the board.
 * They migrate at the same moment, append to the same board at once and compact
 * it repeatedly with what their own document holds — never the other's edits,
 * the worst case of a relay that has not delivered yet — and nothing is lost.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { mergeHere } from '../../server/storage/postgres-compaction.ts';
import { POSTGRES_SCHEMA_VERSION } from '../../server/storage/postgres-schema.ts';
import { openPostgresStore } from '../../server/storage/postgres-store.ts';
import type { BoardStore } from '../../server/storage/store.ts';
import { mergeMany } from '../../server/sync/merge.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import { boardInfo, tokenHashes } from './store-adapters.ts';

let url: string;
const stores: BoardStore[] = [];
const open = async () => {
  const store = await openPostgresStore({ connectionString: url });
  stores.push(store);
  return store;
};

beforeEach(async () => {
  url = await createDatabase(inject('postgresUrl'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** One server process's view of a board: its store and its own document, fed only by its own edits. */
async function processOn(store: BoardStore, boardId: string, name: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany((await store.loadBoard(boardId)).updates));
  let lastSeq = 0;
  const sent: Uint8Array[] = [];
  return {
    sent,
    /** Types into its own text and the shared one, and stores the edit as a room does (append, then apply). */
    async edit(i: number) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      const before = Y.encodeStateVector(copy);
      copy.getText(name).insert(copy.getText(name).length, `${i} `);
      copy.getText('shared').insert(0, `${name}${i}`);
      const update = Y.encodeStateAsUpdate(copy, before);
      lastSeq = await store.appendUpdates(boardId, [update]);
      Y.applyUpdate(doc, update);
      sent.push(update);
    },
    /** Folds its own document through its own last sequence number. */
    compact: () => store.compact(boardId, Y.encodeStateAsUpdate(doc), lastSeq),
  };
}

/** Two "processes" (stores with their own pools and documents) on one new board. */
async function twoProcessesOnOneBoard() {
  const [first, second] = await Promise.all([open(), open()]);
  if (!first || !second) throw new Error('two stores');
  const info = boardInfo();
  await first.createBoard(info, Y.encodeStateAsUpdate(new Y.Doc()), tokenHashes(info.id));
  return { first, second, info, a: await processOn(first, info.id, 'a'), b: await processOn(second, info.id, 'b') };
}

const texts = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany(updates));
  return { a: doc.getText('a').toString(), b: doc.getText('b').toString(), shared: doc.getText('shared').toString() };
};

describe('several processes on one PostgreSQL', () => {
  it('migrate at the same moment: one does it, the others find it done', async () => {
    await Promise.all([open(), open(), open()]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
    await client.end();
    expect(rows.map((row) => row.version)).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('append to one board and compact it concurrently without losing an update', async () => {
    const { info, a, b } = await twoProcessesOnOneBoard();
    const run = async (p: typeof a) => {
      for (let i = 0; i < 60; i++) {
        await p.edit(i);
        // Compactions overlap the other's appends and compactions; some are not awaited before the next edit.
        if (i % 3 === 2) await p.compact();
        else if (i % 5 === 0) void p.compact();
      }
      await p.compact();
    };
    await Promise.all([run(a), run(b)]);

    const expected = texts([...a.sent, ...b.sent]);
    expect(expected.a.split(' ')).toHaveLength(61);
    const reader = await open();
    expect(texts((await reader.loadBoard(info.id)).updates)).toEqual(expected);
  });

  it('fold what storage holds while both append, as processes on one relay do, without losing an update', async () => {
    const { first, second, info, a, b } = await twoProcessesOnOneBoard();
    const fold = async (updates: Uint8Array[]) => mergeHere(updates);
    const run = async (p: typeof a, store: BoardStore) => {
      for (let i = 0; i < 60; i++) {
        await p.edit(i);
        // Folds overlap the other's appends and folds; some are not awaited before the next edit.
        if (i % 4 === 3) await store.foldStored(info.id, fold);
        else if (i % 5 === 0) void store.foldStored(info.id, fold);
      }
    };
    await Promise.all([run(a, first), run(b, second)]);
    await first.foldStored(info.id, fold);
    expect(await first.pendingUpdateCount(info.id), 'the last fold took every row').toBe(0);
    const reader = await open();
    expect(texts((await reader.loadBoard(info.id)).updates)).toEqual(texts([...a.sent, ...b.sent]));
  });

  it('ignores a compaction older than the stored state', async () => {
    const { first, second, info, a, b } = await twoProcessesOnOneBoard();
    await a.edit(1);
    const stale = { state: Y.encodeStateAsUpdate(new Y.Doc()), seq: 1 };
    await b.edit(2);
    await a.edit(3);
    await a.compact();
    const compacted = (await first.loadBoard(info.id)).updates;
    expect(compacted).toHaveLength(1);
    // Through update 1, with a state that holds none of it: a compactor that fell behind.
    await second.compact(info.id, stale.state, stale.seq);
    expect((await second.loadBoard(info.id)).updates).toEqual(compacted);
    expect(texts(compacted)).toEqual(texts([...a.sent, ...b.sent]));
  });

  it('hold a voter to the cap when their votes come through both at once', async () => {
    const [first, second] = await Promise.all([open(), open()]);
    if (!first || !second) throw new Error('two stores');
    const info = boardInfo();
    await first.createBoard(info, Y.encodeStateAsUpdate(new Y.Doc()), tokenHashes(info.id));
    await first.openVoteRound(info.id, 'r1', 3, 100);
    const casts = Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? first : second).castVote(info.id, 'r1', 'anna', `card-${i}`, 1),
    );
    const results = await Promise.all(casts);
    expect(results.filter((result) => 'ballot' in result)).toHaveLength(3);
    const ballot = await second.ballotOf(info.id, 'r1', 'anna');
    expect(Object.values(ballot).reduce((sum, n) => sum + n, 0)).toBe(3);
  });
});
