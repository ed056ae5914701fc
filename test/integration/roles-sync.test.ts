/**
 * Roles on the live board (#10): a viewer's and a locked board's participant's
 * updates are refused by the server — not stored, not relayed — whatever the
 * client sends; the facilitator's rename and lock reach everyone live.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { cardsMap, metaMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import type { Role } from '../../shared/roles.ts';
import { bearer, createBoard, rawSocket, serverPerTest, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest();

/** Everything stored for a board: the state and each logged update, as base64. */
async function storedUpdates(boardId: string): Promise<string[]> {
  const { updates } = await ctx.server.store.loadBoard(boardId);
  return updates.map((update) => Buffer.from(update).toString('base64'));
}

/** A sync-step-2 frame carrying `update`, as a forged client would send it. */
function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep2(
    encoder,
    (() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      return doc;
    })(),
  );
  return encoding.toUint8Array(encoder);
}

/** An update that adds a card, made against nothing (as a forged client can make it). */
function forgedCardUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  createCard(doc, { id: `forged-${title}`, goalId: 'A1', createdBy: 'Mallory', fields: { title } });
  return Y.encodeStateAsUpdate(doc);
}

async function patchBoard(boardId: string, body: object): Promise<Response> {
  return fetch(`${ctx.server.url}/api/boards/${boardId}`, {
    method: 'PATCH',
    headers: { ...bearer(boardId), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Resolves with the reason of the first "permission denied" auth message on `socket`. */
function permissionDenied(socket: import('ws').WebSocket): Promise<string> {
  return new Promise((resolve) =>
    socket.on('message', (data: Buffer) => {
      if (data[0] === 2 && data[1] === 0) resolve(data.subarray(3).toString());
    }),
  );
}

describe('refused writers', () => {
  for (const [who, role, lock] of [
    ['a viewer', 'viewer', false],
    ['a participant on a locked board', 'participant', true],
  ] as [string, Role, boolean][]) {
    it(`stores and relays nothing ${who} sends, keeps it connected and tells it`, async () => {
      const board = await createBoard(ctx.server.url);
      const facilitator = ctx.client(board.id);
      await facilitator.synced;
      createCard(facilitator.doc, { id: 'real', goalId: 'A1', createdBy: 'Karin', fields: { title: 'Äkta kort' } });
      const observer = ctx.client(board.id, 'participant');
      await waitFor('real card relayed', () => cardsMap(observer.doc).has('real'));
      if (lock) {
        expect((await patchBoard(board.id, { locked: true })).status).toBe(200);
        await waitFor('lock seen live', () => metaMap(observer.doc).get('locked') === true);
      }
      const before = await storedUpdates(board.id);

      // Through a stock client (what a tampered UI would do) …
      const writer = ctx.client(board.id, role);
      await writer.synced;
      createCard(writer.doc, { id: 'stock-forged', goalId: 'A1', createdBy: 'Mallory', fields: { title: 'Nej' } });
      // … and as raw frames: a sync step 2 and a plain update.
      const raw = await rawSocket(ctx.server.url, board.id, role);
      const denied = permissionDenied(raw.socket);
      raw.socket.send(syncStep2Frame(forgedCardUpdate('step2')));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, forgedCardUpdate('update'));
      raw.socket.send(encoding.toUint8Array(encoder));
      expect(await denied).toMatch(lock ? /locked/ : /viewer/);

      // A later edit of the facilitator still goes through and reaches the refused writer too.
      createCard(facilitator.doc, { id: 'after', goalId: 'B1', createdBy: 'Karin', fields: { title: 'Senare' } });
      await waitFor(
        'later edit relayed',
        () => cardsMap(writer.doc).has('after') && cardsMap(observer.doc).has('after'),
      );
      expect([...cardsMap(observer.doc).keys()].sort()).toEqual(['after', 'real']);
      expect(raw.socket.readyState).toBe(raw.socket.OPEN);

      const stored = ctx.client(board.id, 'viewer');
      await stored.synced;
      expect([...cardsMap(stored.doc).keys()].sort()).toEqual(['after', 'real']);
      // Nothing else was written: what was stored stays as it was, plus the facilitator's card.
      const after = await storedUpdates(board.id);
      expect(after.slice(0, before.length), 'what was stored stays byte-identical').toEqual(before);
      expect(after.length, 'only the facilitator card was added').toBe(before.length + 1);
      expect(Buffer.from(after.at(-1) as string, 'base64').toString('latin1')).toContain('Senare');
      raw.socket.close();
    });
  }

  it('gives a participant editing back live on unlock, and what it typed meanwhile after a resync', async () => {
    const board = await createBoard(ctx.server.url);
    const facilitator = ctx.client(board.id);
    const participant = ctx.client(board.id, 'participant');
    await Promise.all([facilitator.synced, participant.synced]);
    expect((await patchBoard(board.id, { locked: true })).status).toBe(200);
    await waitFor('lock seen live', () => metaMap(participant.doc).get('locked') === true);
    createCard(participant.doc, { id: 'while-locked', goalId: 'A1', createdBy: 'Per', fields: { title: 'Låst' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cardsMap(facilitator.doc).has('while-locked')).toBe(false);

    expect((await patchBoard(board.id, { locked: false })).status).toBe(200);
    await waitFor('resynced after unlock', () => cardsMap(facilitator.doc).has('while-locked'));
    createCard(participant.doc, { id: 'unlocked', goalId: 'A1', createdBy: 'Per', fields: { title: 'Öppen' } });
    await waitFor('edits flow again', () => cardsMap(facilitator.doc).has('unlocked'));
  });
});

describe("the facilitator's board settings", () => {
  it('renames the board for everyone live, in storage and in the document', async () => {
    const board = await createBoard(ctx.server.url);
    const viewer = ctx.client(board.id, 'viewer');
    await viewer.synced;
    const response = await patchBoard(board.id, { title: '  Samverkansplan Tierp 2026 ' });
    expect(await response.json()).toMatchObject({ title: 'Samverkansplan Tierp 2026', role: 'facilitator' });
    await waitFor('title seen live', () => metaMap(viewer.doc).get('title') === 'Samverkansplan Tierp 2026');
    expect((await ctx.server.store.getBoard(board.id))?.title).toBe('Samverkansplan Tierp 2026');
    const bad = await patchBoard(board.id, { title: '' });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as object).toEqual({ error: expect.stringMatching(/title/) });
  });

  it('locks a board nobody has open, and a room loaded later enforces it', async () => {
    const board = await createBoard(ctx.server.url);
    expect((await patchBoard(board.id, { locked: true })).status).toBe(200);
    await ctx.restart();
    const participant = ctx.client(board.id, 'participant');
    await participant.synced;
    expect(metaMap(participant.doc).get('locked')).toBe(true);
    const raw = await rawSocket(ctx.server.url, board.id, 'participant');
    const denied = permissionDenied(raw.socket);
    raw.socket.send(syncStep2Frame(forgedCardUpdate('after-restart')));
    expect(await denied).toMatch(/locked/);
    raw.socket.close();
  });
});
