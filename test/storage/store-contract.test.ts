/**
 * The storage contract (server/storage/store.ts): the same tests, unchanged,
 * against every adapter — SQLite in a temp folder and PostgreSQL on the run's
 * private server — with real Yjs updates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_DELETED_CARDS } from '../../server/storage/sqlite-history.ts';
import { type BoardStore, StorageError, type VersionInfo } from '../../server/storage/store.ts';
import { mergeMany } from '../../server/sync/merge.ts';
import { ADAPTERS, boardInfo, type StoreLocation, tokenHashes } from './store-adapters.ts';

/** A document whose edits are recorded as the updates a client would send. */
function editor() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return {
    doc,
    /** Appends to the text `key` and returns the update of that edit. */
    type(key: string, text: string): Uint8Array {
      doc.getText(key).insert(doc.getText(key).length, text);
      return updates.at(-1) as Uint8Array;
    },
    state: () => Y.encodeStateAsUpdate(doc),
  };
}

/** The texts a stored board holds, as a restarted server would load them. */
async function storedTexts(store: BoardStore, id: string, keys: string[]): Promise<string[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany((await store.loadBoard(id)).updates));
  return keys.map((key) => doc.getText(key).toString());
}

const version = (id: string, createdAt: string, name = ''): VersionInfo => ({
  id,
  name,
  createdAt,
  auto: name === '',
  cardCount: 3,
  editors: ['Anna', 'Björn'],
  summary: { added: 1, removed: 0, changed: 2, areas: { A: { added: 1, removed: 0, changed: 2 } } },
});

describe.each(ADAPTERS)('the $name store', (adapter) => {
  let location: StoreLocation;
  let store: BoardStore;

  beforeEach(async () => {
    location = await adapter.fresh();
    store = await location.open();
  });
  afterEach(async () => {
    await store.close();
    location.remove();
  });

  async function newBoard(overrides = {}) {
    const info = boardInfo(overrides);
    const initial = editor();
    initial.type('title', 'Start');
    await store.createBoard(info, initial.state(), tokenHashes(info.id));
    return { info, initial };
  }

  it('keeps a board with its info and token hashes, and knows no other', async () => {
    const { info } = await newBoard();
    expect(await store.getBoard(info.id)).toEqual(info);
    expect(await store.tokenHashes(info.id)).toEqual(tokenHashes(info.id));
    expect(await store.getBoard('no-such-board')).toBeUndefined();
    expect(await store.tokenHashes('no-such-board')).toBeUndefined();
  });

  it('lists boards newest first', async () => {
    const older = await newBoard({ createdAt: '2024-01-01T00:00:00.000Z' });
    const newer = await newBoard({ createdAt: '2025-06-01T00:00:00.000Z' });
    expect((await store.listBoards()).map((b) => b.id)).toEqual([newer.info.id, older.info.id]);
  });

  it('renames, locks and unlocks, and rotates one role’s token alone', async () => {
    const { info } = await newBoard();
    await store.updateBoard(info.id, { title: 'Ny titel' });
    await store.updateBoard(info.id, { locked: true });
    expect(await store.getBoard(info.id)).toEqual({ ...info, title: 'Ny titel', locked: true });
    await store.updateBoard(info.id, { locked: false });
    expect((await store.getBoard(info.id))?.locked).toBe(false);
    await store.setTokenHash(info.id, 'viewer', 'f'.repeat(64));
    expect(await store.tokenHashes(info.id)).toEqual({ ...tokenHashes(info.id), viewer: 'f'.repeat(64) });
  });

  it('appends updates in order with rising sequence numbers and loads state then log', async () => {
    const { info, initial } = await newBoard();
    const first = await store.appendUpdates(info.id, [initial.type('a', 'ett '), initial.type('a', 'två ')]);
    const second = await store.appendUpdates(info.id, [initial.type('a', 'tre')]);
    expect(second).toBeGreaterThan(first);
    const loaded = await store.loadBoard(info.id);
    expect(loaded.updates).toHaveLength(4);
    expect(loaded.lastSeq).toBe(second);
    expect(await store.pendingUpdateCount(info.id)).toBe(3);
    expect(await storedTexts(store, info.id, ['title', 'a'])).toEqual(['Start', 'ett två tre']);
  });

  it('refuses an append to an unknown board with StorageError', async () => {
    await expect(store.appendUpdates('no-such-board', [editor().type('a', 'x')])).rejects.toBeInstanceOf(StorageError);
  });

  it('compacts the log through a sequence number and keeps what came after', async () => {
    const { info, initial } = await newBoard();
    await store.appendUpdates(info.id, [initial.type('a', 'ett ')]);
    const through = await store.appendUpdates(info.id, [initial.type('a', 'två ')]);
    const folded = initial.state();
    const later = await store.appendUpdates(info.id, [initial.type('a', 'tre')]);
    await store.compact(info.id, folded, through);
    expect(await store.pendingUpdateCount(info.id)).toBe(1);
    const loaded = await store.loadBoard(info.id);
    expect(loaded.updates).toHaveLength(2);
    expect(loaded.lastSeq).toBe(later);
    expect(await storedTexts(store, info.id, ['title', 'a'])).toEqual(['Start', 'ett två tre']);
  });

  it('folds what it stores (several processes), keeping an update appended while the fold runs', async () => {
    const { info, initial } = await newBoard();
    await store.appendUpdates(info.id, [initial.type('a', 'ett ')]);
    await store.appendUpdates(info.id, [initial.type('a', 'två ')]);
    const folds: number[] = [];
    await store.foldStored(info.id, async (updates) => {
      folds.push(updates.length);
      // Another process appends meanwhile: its update is not among what is folded, and must stay.
      await store.appendUpdates(info.id, [initial.type('a', 'tre')]);
      return mergeMany(updates);
    });
    expect(folds, 'the stored state and both log rows, read once').toEqual([3]);
    expect(await store.pendingUpdateCount(info.id)).toBe(1);
    expect(await storedTexts(store, info.id, ['title', 'a'])).toEqual(['Start', 'ett två tre']);
  });

  it('keeps everything across a close and reopen', async () => {
    const { info, initial } = await newBoard();
    await store.appendUpdates(info.id, [initial.type('a', 'sparad')]);
    await store.addVersion(info.id, version('v1', '2025-03-01T10:00:00.000Z', 'Före mötet'), initial.state());
    await store.close();
    store = await location.open();
    expect(await store.getBoard(info.id)).toEqual(info);
    expect(await storedTexts(store, info.id, ['a'])).toEqual(['sparad']);
    expect((await store.listVersions(info.id)).map((v) => v.id)).toEqual(['v1']);
  });

  it('tracks use and deletes a board unused since a time, keeping one used after it', async () => {
    const stale = await newBoard();
    const used = await newBoard();
    await store.touchBoard(stale.info.id, '2025-01-01T00:00:00.000Z');
    await store.touchBoard(used.info.id, '2025-05-01T00:00:00.000Z');
    expect(await store.boardLastUsed(used.info.id)).toBe('2025-05-01T00:00:00.000Z');
    expect(await store.boardLastUsed('no-such-board')).toBeUndefined();
    expect(await store.unusedBoards('2025-03-01T00:00:00.000Z')).toEqual([stale.info.id]);
    expect(await store.deleteBoard(used.info.id, '2025-03-01T00:00:00.000Z')).toBe(false);
    expect(await store.deleteBoard(stale.info.id, '2025-03-01T00:00:00.000Z')).toBe(true);
    expect((await store.listBoards()).map((b) => b.id)).toEqual([used.info.id]);
  });

  it('deletes a board with its log, tokens, versions and trash', async () => {
    const { info, initial } = await newBoard();
    await store.appendUpdates(info.id, [initial.type('a', 'x')]);
    await store.addVersion(info.id, version('v-del', '2025-03-01T10:00:00.000Z'), initial.state());
    await store.addDeletedCards(info.id, [
      { cardId: 'c1', deletedAt: '2025-03-01T10:00:00.000Z', deletedBy: 'Anna', card: {} },
    ]);
    expect(await store.deleteBoard(info.id)).toBe(true);
    expect(await store.deleteBoard(info.id)).toBe(false);
    expect(await store.getBoard(info.id)).toBeUndefined();
    expect(await store.tokenHashes(info.id)).toBeUndefined();
    expect((await store.loadBoard(info.id)).updates).toEqual([]);
    expect(await store.listVersions(info.id)).toEqual([]);
    expect(await store.listDeletedCards(info.id)).toEqual([]);
    // Its ids are free again: a board with the same id starts empty.
    await store.createBoard(info, editor().state(), tokenHashes('again'));
    expect(await store.tokenHashes(info.id)).toEqual(tokenHashes('again'));
  });

  it('keeps versions with their states, newest first, and deletes chosen ones', async () => {
    const { info, initial } = await newBoard();
    const before = initial.state();
    await store.addVersion(info.id, version('v1', '2025-03-01T10:00:00.000Z', 'Före'), before);
    initial.type('a', 'efter');
    await store.addVersion(info.id, version('v2', '2025-03-01T11:00:00.000Z'), initial.state());
    await store.addVersion(info.id, version('v3', '2025-03-01T11:00:00.000Z'), initial.state());
    expect((await store.listVersions(info.id)).map((v) => v.id)).toEqual(['v3', 'v2', 'v1']);
    expect(await store.latestVersion(info.id)).toEqual(version('v3', '2025-03-01T11:00:00.000Z'));
    expect((await store.listVersions(info.id))[2]).toEqual(version('v1', '2025-03-01T10:00:00.000Z', 'Före'));
    expect(await store.versionState(info.id, 'v1')).toEqual(before);
    expect(await store.versionState(info.id, 'nope')).toBeUndefined();
    await store.deleteVersions(info.id, ['v2', 'v3']);
    expect((await store.listVersions(info.id)).map((v) => v.id)).toEqual(['v1']);
    expect(await store.latestVersion('no-such-board')).toBeUndefined();
  });

  it('keeps a trash of the newest deletion of each card, bounded, and forgets restored cards', async () => {
    const { info } = await newBoard();
    const deletion = (cardId: string, at: string, title: string) => ({
      cardId,
      deletedAt: at,
      deletedBy: 'Anna',
      card: { id: cardId, activity: title },
    });
    await store.addDeletedCards(info.id, [deletion('c1', '2025-03-01T10:00:00.000Z', 'första')]);
    await store.addDeletedCards(info.id, [deletion('c2', '2025-03-01T10:01:00.000Z', 'andra')]);
    await store.addDeletedCards(info.id, [deletion('c1', '2025-03-01T10:02:00.000Z', 'igen')]);
    expect(await store.listDeletedCards(info.id)).toEqual([
      deletion('c1', '2025-03-01T10:02:00.000Z', 'igen'),
      deletion('c2', '2025-03-01T10:01:00.000Z', 'andra'),
    ]);
    await store.forgetDeletedCard(info.id, 'c1');
    expect((await store.listDeletedCards(info.id)).map((c) => c.cardId)).toEqual(['c2']);
    const many = Array.from({ length: MAX_DELETED_CARDS + 5 }, (_, i) =>
      deletion(`m${i}`, '2025-03-02T00:00:00.000Z', `kort ${i}`),
    );
    await store.addDeletedCards(info.id, many);
    const trash = await store.listDeletedCards(info.id);
    expect(trash).toHaveLength(MAX_DELETED_CARDS);
    expect(trash[0]?.cardId).toBe(`m${MAX_DELETED_CARDS + 4}`);
  });
});
