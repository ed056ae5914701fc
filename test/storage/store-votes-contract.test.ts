/**
 * The voting part of the storage contract (VoteStore in server/storage/store.ts),
 * unchanged against every adapter: caps checked in the store, ballots per voter,
 * totals at the close, and nothing left once a round is forgotten or the board deleted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardStore } from '../../server/storage/store.ts';
import { ADAPTERS, boardInfo, type StoreLocation, tokenHashes } from './store-adapters.ts';

describe.each(ADAPTERS)('votes in the $name store', (adapter) => {
  let location: StoreLocation;
  let store: BoardStore;
  let boardId: string;

  beforeEach(async () => {
    location = await adapter.fresh();
    store = await location.open();
    const info = boardInfo();
    boardId = info.id;
    await store.createBoard(info, Y.encodeStateAsUpdate(new Y.Doc()), tokenHashes(info.id));
  });
  afterEach(async () => {
    await store.close();
    location.remove();
  });

  it('keeps each voter’s votes within the cap and the round within its voters', async () => {
    await store.openVoteRound(boardId, 'r1', 3, 2);
    expect(await store.castVote(boardId, 'r1', 'anna', 'c1', 2)).toEqual({ ballot: { c1: 2 } });
    expect(await store.castVote(boardId, 'r1', 'anna', 'c2', 1)).toEqual({ ballot: { c1: 2, c2: 1 } });
    expect(await store.castVote(boardId, 'r1', 'anna', 'c3', 1)).toEqual({ refused: 'over' });
    // Moving votes between cards stays within the cap: c1 goes from 2 to 1, then c3 takes one.
    expect(await store.castVote(boardId, 'r1', 'anna', 'c1', 1)).toEqual({ ballot: { c1: 1, c2: 1 } });
    expect(await store.castVote(boardId, 'r1', 'anna', 'c3', 1)).toEqual({ ballot: { c1: 1, c2: 1, c3: 1 } });
    expect(await store.castVote(boardId, 'r1', 'bo', 'c1', 3)).toEqual({ ballot: { c1: 3 } });
    expect(await store.castVote(boardId, 'r1', 'cilla', 'c1', 1)).toEqual({ refused: 'voters' });
    expect(await store.castVote(boardId, 'r1', 'bo', 'c1', 0)).toEqual({ ballot: {} });
    expect(await store.ballotOf(boardId, 'r1', 'anna')).toEqual({ c1: 1, c2: 1, c3: 1 });
    expect(await store.ballotOf(boardId, 'r1', 'nobody')).toEqual({});
    expect(await store.castVote(boardId, 'other-round', 'anna', 'c1', 1)).toEqual({ refused: 'closed' });
  });

  it('closes a round with its totals, refuses votes after, and forgets it on a new round', async () => {
    await store.openVoteRound(boardId, 'r1', 5, 10);
    await store.castVote(boardId, 'r1', 'anna', 'c1', 2);
    await store.castVote(boardId, 'r1', 'bo', 'c1', 1);
    await store.castVote(boardId, 'r1', 'bo', 'c2', 4);
    expect(await store.closeVoteRound(boardId, 'r1')).toEqual({ totals: { c1: 3, c2: 4 }, voters: 2 });
    expect(await store.closeVoteRound(boardId, 'r1')).toEqual({ totals: { c1: 3, c2: 4 }, voters: 2 });
    expect(await store.closeVoteRound(boardId, 'nope')).toBeUndefined();
    expect(await store.castVote(boardId, 'r1', 'anna', 'c2', 1)).toEqual({ refused: 'closed' });
    await store.openVoteRound(boardId, 'r2', 1, 10);
    expect(await store.ballotOf(boardId, 'r1', 'anna')).toEqual({});
    expect(await store.castVote(boardId, 'r2', 'anna', 'c2', 1)).toEqual({ ballot: { c2: 1 } });
  });

  it('forgets rounds and ballots, and a deleted board takes them with it', async () => {
    await store.openVoteRound(boardId, 'r1', 5, 10);
    await store.castVote(boardId, 'r1', 'anna', 'c1', 2);
    await store.deleteVoteRounds(boardId);
    expect(await store.closeVoteRound(boardId, 'r1')).toBeUndefined();
    await store.openVoteRound(boardId, 'r2', 5, 10);
    await store.castVote(boardId, 'r2', 'anna', 'c1', 2);
    expect(await store.deleteBoard(boardId)).toBe(true);
    expect(await store.ballotOf(boardId, 'r2', 'anna')).toEqual({});
  });
});
