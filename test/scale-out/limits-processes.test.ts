/**
 * The facilitator's controls and the limits across real server processes on one
 * PostgreSQL and Redis (README "Running on several machines"): the attempt comes
 * through another process than the one that set them, and they hold.
 */
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { cardsMap, metaMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { CLOSE_BOARD_FULL, CLOSE_RESYNC, CLOSE_TOKEN_REVOKED } from '../../shared/close-codes.ts';
import { MAX_CARDS_PER_BOARD } from '../../shared/limits.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import {
  bearer,
  boardSocketUrl,
  connectClient,
  createBoard,
  rawSocket,
  type TestClient,
  upgradeAnswer,
  waitFor,
} from '../helpers/server.ts';
import { closeCodes } from '../integration/reliability-support.ts';
import { type Processes, patchBoard, permissionDenied, startProcesses, updateFrame } from './scale-out-support.ts';

let processes: Processes;
let a: string;
let b: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  const databaseUrl = await createDatabase(inject('postgresUrl'));
  processes = await startProcesses(2, { DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl') });
  [a, b] = processes.urls as [string, string];
  return () => processes.close();
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

function client(url: string, boardId: string, role: 'facilitator' | 'participant' = 'facilitator'): TestClient {
  const c = connectClient(url, boardId, new Y.Doc(), role);
  clients.push(c);
  return c;
}

describe('controls and limits across processes', () => {
  it('a link rotated through one process closes its sockets on the other, which refuses the old token', async () => {
    const board = await createBoard(a);
    const oldToken = { token: board.tokens.participant };
    const participant = client(b, board.id, 'participant');
    await participant.synced;
    const codes = closeCodes(participant.provider);
    const rotated = await fetch(`${a}/api/boards/${board.id}/tokens/participant/rotate`, {
      method: 'POST',
      headers: bearer(board.id),
    });
    expect(rotated.status).toBe(200);
    await waitFor('the participant closed on the other process', () => codes.includes(CLOSE_TOKEN_REVOKED));
    expect((await upgradeAnswer(boardSocketUrl(b, board.id, oldToken))).status, 'the old link is refused there').toBe(
      403,
    );
  });

  it('a lock set through one process refuses a participant through the other; the unlock resyncs it there', async () => {
    const board = await createBoard(a);
    const observer = client(b, board.id, 'participant');
    await observer.synced;
    expect((await patchBoard(a, board.id, { locked: true })).status).toBe(200);
    await waitFor('the lock seen through the other process', () => metaMap(observer.doc).get('locked') === true);
    const raw = await rawSocket(b, board.id, 'participant');
    const denied = permissionDenied(raw.socket);
    const forged = new Y.Doc();
    createCard(forged, { id: 'while-locked', goalId: 'A1', createdBy: 'Mallory' });
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(forged)));
    expect(await denied).toMatch(/locked/);
    expect((await patchBoard(a, board.id, { locked: false })).status).toBe(200);
    expect((await raw.closed).code).toBe(CLOSE_RESYNC);
    const fresh = client(a, board.id);
    await fresh.synced;
    expect(cardsMap(fresh.doc).has('while-locked')).toBe(false);
  });

  it('the card limit counts the cards added through the other process', async () => {
    const board = await createBoard(a);
    const filler = client(a, board.id);
    const late = client(b, board.id);
    await Promise.all([filler.synced, late.synced]);
    for (let start = 0; start < MAX_CARDS_PER_BOARD; start += 100) {
      filler.doc.transact(() => {
        for (let i = start; i < start + 100; i++) createCard(filler.doc, { goalId: 'A1', createdBy: `fyll ${i}` });
      });
    }
    await waitFor('every card at the other process', () => cardsMap(late.doc).size === MAX_CARDS_PER_BOARD, 20_000);
    const codes = closeCodes(late.provider);
    createCard(late.doc, { id: 'one-too-many', goalId: 'A1', createdBy: 'Bo' });
    await waitFor('the card past the limit refused', () => codes.includes(CLOSE_BOARD_FULL));
    const fresh = client(a, board.id);
    await fresh.synced;
    await waitFor('the fresh client loaded', () => cardsMap(fresh.doc).size >= MAX_CARDS_PER_BOARD, 20_000);
    expect(cardsMap(fresh.doc).size).toBe(MAX_CARDS_PER_BOARD);
    expect(cardsMap(fresh.doc).has('one-too-many')).toBe(false);
  });
});
