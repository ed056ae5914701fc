/**
 * The real server on PostgreSQL (DATABASE_URL; README "PostgreSQL storage"):
 * two stock y-websocket clients edit one board, the server restarts, and a
 * new client finds every edit; nothing of the board is in the data folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SQLITE_FILE } from '../../server/storage/sqlite-store.ts';
import { createCard, getCardText, readCards } from '../../shared/card.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import { createBoard, docContent, serverPerTest, waitFor } from '../helpers/server.ts';

// A small compactEvery, so compaction runs while they type and before the restart.
const ctx = serverPerTest(async () => ({ databaseUrl: await createDatabase(inject('postgresUrl')), compactEvery: 5 }));

describe('the server on PostgreSQL', () => {
  it('keeps what two clients typed across a restart', async () => {
    const board = await createBoard(ctx.server.url);
    const a = ctx.client(board.id);
    const b = ctx.client(board.id);
    await Promise.all([a.synced, b.synced]);
    createCard(a.doc, { id: 'shared', goalId: 'A1', createdBy: 'a' });
    await waitFor('the card to reach b', () => getCardText(b.doc, 'shared', 'activity') !== undefined);
    const textOf = (doc: typeof a.doc) => getCardText(doc, 'shared', 'activity');
    for (let i = 0; i < 30; i++) {
      textOf(a.doc)?.insert(0, `a${i};`);
      textOf(b.doc)?.insert(textOf(b.doc)?.length ?? 0, `b${i};`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor('both to converge', () => docContent(a.doc) === docContent(b.doc));
    const expected = docContent(a.doc);
    expect(textOf(a.doc)?.toString().split(';')).toHaveLength(61);

    await ctx.restart();
    const fresh = ctx.client(board.id);
    await fresh.synced;
    await waitFor('the board to load', () => readCards(fresh.doc).length === 1);
    expect(docContent(fresh.doc)).toBe(expected);
    expect(existsSync(join(ctx.dataDir, SQLITE_FILE)), 'no SQLite store is made').toBe(false);
    expect((await ctx.server.store.listBoards()).map((info) => info.id)).toEqual([board.id]);
  });
});
