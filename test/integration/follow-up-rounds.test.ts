/**
 * Follow-up rounds against a real server and stock y-websocket clients (README
 * "Follow-up rounds"): the facilitator starts and switches rounds over REST,
 * everyone connected sees it at once, participants fill the round in together,
 * and only the server writes the rounds themselves.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import type { RoundsAnswer } from '../../shared/api.ts';
import { metaMap } from '../../shared/board-doc.ts';
import { createCard, readCard } from '../../shared/card.ts';
import { CLOSE_LAYOUT_BROKEN } from '../../shared/close-codes.ts';
import {
  resetFollowUpEntry,
  setFollowUpStatus,
  setFollowUpText,
  setIndicatorValue,
} from '../../shared/follow-up/follow-up-entry.ts';
import { ROUND_LABEL_MAX } from '../../shared/follow-up/round-limits.ts';
import { currentRoundLabel, readRounds } from '../../shared/follow-up/round-meta.ts';
import { readRoundComments, setRoundComment, startRound } from '../../shared/follow-up/rounds.ts';
import { docToPlan, type PlanData, writePlan } from '../../shared/plan/index.ts';
import type { FollowUpReport } from '../../shared/report/index.ts';
import type { Role } from '../../shared/roles.ts';
import { getTemplate, type Template } from '../../shared/template.ts';
import {
  bearer,
  createBoard,
  forgedCloseCode,
  rawSocket,
  rememberBoard,
  serverPerTest,
  type TestClient,
  waitFor,
  withToken,
} from '../helpers/server.ts';
import { converged } from './cards-clients.ts';

const ctx = serverPerTest();
const HSVO = getTemplate('hsvo-2024-2026') as Template;
const LABEL = 'Uppföljning 2025';

function rounds(boardId: string, body: unknown, role: Role = 'facilitator', path = ''): Promise<Response> {
  return fetch(`${ctx.server.url}/api/boards/${boardId}/rounds${path}`, {
    method: path ? 'PUT' : 'POST',
    headers: { 'content-type': 'application/json', ...bearer(boardId, role) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function exportJson(boardId: string): Promise<PlanData> {
  const response = await fetch(withToken(`${ctx.server.url}/api/boards/${boardId}/export?format=json`, boardId));
  expect(response.status).toBe(200);
  return (await response.json()) as PlanData;
}

/** Types `text` at `index` one keystroke at a time, as a bound comment input would. */
function typeComment(client: TestClient, cardId: string, index: number, text: string, by: string): void {
  let at = index;
  for (const char of text) {
    const now = readCard(client.doc, cardId)?.followUp[LABEL]?.comment ?? '';
    setFollowUpText(client.doc, cardId, LABEL, 'comment', now.slice(0, at) + char + now.slice(at), by);
    at++;
  }
}

/** The plan without what differs between two boards of the same content. */
const comparable = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (key, v) =>
      ['id', 'exportedAt', 'createdAt', 'updatedAt'].includes(key) && typeof v === 'string' ? '…' : v,
    ),
  );

describe('follow-up rounds over REST and live', () => {
  it('a started round reaches every client at once, and two participants fill it in together', async () => {
    const board = await createBoard(ctx.server.url);
    const anna = ctx.client(board.id, 'participant');
    const bo = ctx.client(board.id, 'participant');
    await Promise.all([anna.synced, bo.synced]);
    createCard(anna.doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna', fields: { title: 'Hälsosamtal' } });
    await converged([anna, bo]);

    const started = await rounds(board.id, { label: LABEL, date: '2025-11-30', by: 'Fia' });
    expect(started.status).toBe(201);
    const answer = (await started.json()) as RoundsAnswer;
    expect(answer.currentRound).toBe(LABEL);
    expect(answer.rounds).toEqual([
      { label: LABEL, date: '2025-11-30', startedAt: expect.any(String), startedBy: 'Fia' },
    ]);
    for (const client of [anna, bo]) {
      await waitFor('the round to reach the client', () => currentRoundLabel(client.doc) === LABEL);
      expect(readRounds(client.doc)).toEqual(answer.rounds);
    }

    // At once: Anna sets the status and both type into the comment the round start made.
    setFollowUpStatus(anna.doc, 'c1', LABEL, 'ongoing', 'Anna');
    typeComment(anna, 'c1', 0, 'Fyra skolor.', 'Anna');
    typeComment(bo, 'c1', 0, 'Bo: ', 'Bo');
    setRoundComment(bo.doc, LABEL, 'A1', 'Bra start');
    await converged([anna, bo]);
    const entry = readCard(anna.doc, 'c1')?.followUp[LABEL];
    expect(entry?.status).toBe('ongoing');
    expect(entry?.comment.length).toBe('Fyra skolor.Bo: '.length);
    expect(entry?.comment).toContain('Bo: ');
    expect(entry?.comment.replace('Bo: ', '')).toBe('Fyra skolor.');

    // Converged means relayed, and the server stores an update before it relays it.
    const plan = await exportJson(board.id);
    const card = plan.focusAreas.flatMap((a) => a.goals).find((g) => g.id === 'A1')?.cards[0];
    expect(card?.followUp).toEqual([
      expect.objectContaining({ period: LABEL, status: 'ongoing', comment: entry?.comment }),
    ]);
    expect(plan.rounds).toEqual([
      { label: LABEL, date: '2025-11-30', current: true, comments: [{ placeId: 'A1', text: 'Bra start' }] },
    ]);
  });

  it('switches the current round, and refuses what is not the facilitator’s or not a round', async () => {
    const board = await createBoard(ctx.server.url);
    expect((await rounds(board.id, { label: LABEL })).status).toBe(201);
    const second = (await (await rounds(board.id, { label: 'Uppföljning 2026', date: null })).json()) as RoundsAnswer;
    expect(second.rounds.map((r) => [r.label, r.startedBy])).toEqual([
      [LABEL, 'facilitator'],
      ['Uppföljning 2026', 'facilitator'],
    ]);
    expect(second.currentRound).toBe('Uppföljning 2026');

    const back = await rounds(board.id, { label: LABEL }, 'facilitator', '/current');
    expect(back.status).toBe(200);
    expect(((await back.json()) as RoundsAnswer).currentRound).toBe(LABEL);
    const none = await rounds(board.id, { label: null }, 'facilitator', '/current');
    expect(((await none.json()) as RoundsAnswer).currentRound).toBeNull();

    const refusals: [Response, number][] = [
      [await rounds(board.id, { label: 'X' }, 'participant'), 403],
      [await rounds(board.id, { label: 'X' }, 'viewer'), 403],
      [await rounds(board.id, { label: LABEL }, 'participant', '/current'), 403],
      [await rounds(board.id, '{"label":', 'facilitator'), 400],
      [await rounds(board.id, { label: 42 }), 400],
      [await rounds(board.id, { label: '' }), 400],
      [await rounds(board.id, { label: 'X', date: 'nästa år' }), 400],
      [await rounds(board.id, { label: 'X', by: 'x'.repeat(201) }), 400],
      [await rounds(board.id, { label: 'x'.repeat(ROUND_LABEL_MAX + 1) }), 400],
      [await rounds(board.id, { label: LABEL }), 409],
      [await rounds(board.id, { label: 'Uppföljning 1999' }, 'facilitator', '/current'), 404],
      [await rounds('AAAAAAAAAAAAAAAAAAAAAA', { label: 'X' }), 404],
    ];
    for (const [response, status] of refusals) {
      expect(response.status).toBe(status);
      expect(typeof ((await response.json()) as { error: unknown }).error).toBe('string');
    }
    const noToken = await fetch(`${ctx.server.url}/api/boards/${board.id}/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"label":"X"}',
    });
    expect(noToken.status).toBe(401);
    // The start dialog's input stops at the same length the server names.
    const long = await rounds(board.id, { label: 'x'.repeat(ROUND_LABEL_MAX + 1) });
    expect(await long.json()).toEqual({ error: `label: must be at most ${ROUND_LABEL_MAX} characters` });
    expect((await exportJson(board.id)).rounds.map((r) => r.label)).toEqual([LABEL, 'Uppföljning 2026']);
  });

  it('lets a participant set a card back to not followed up, which every export then says', async () => {
    const board = await createBoard(ctx.server.url);
    const anna = ctx.client(board.id, 'participant');
    const observer = ctx.client(board.id, 'viewer');
    await Promise.all([anna.synced, observer.synced]);
    createCard(anna.doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna', fields: { indicator: 'Andel elever' } });
    await waitFor('the card', () => readCard(observer.doc, 'c1') !== undefined);
    expect((await rounds(board.id, { label: LABEL })).status).toBe(201);
    await waitFor('the round', () => currentRoundLabel(anna.doc) === LABEL);
    setFollowUpStatus(anna.doc, 'c1', LABEL, 'done', 'Anna');
    setFollowUpText(anna.doc, 'c1', LABEL, 'comment', 'Klart', 'Anna');
    setIndicatorValue(anna.doc, 'c1', LABEL, 'Andel elever', 62, 'Anna');
    await waitFor('the entry', () => readCard(observer.doc, 'c1')?.followUp[LABEL]?.indicators['Andel elever'] === 62);

    resetFollowUpEntry(anna.doc, 'c1', LABEL);
    // What reaches another client was stored (and so accepted): the server stores before it relays.
    await waitFor('the reset', () => Object.keys(readCard(observer.doc, 'c1')?.followUp ?? { x: 1 }).length === 0);
    expect(anna.provider.wsconnected).toBe(true);
    const card = (await exportJson(board.id)).focusAreas.flatMap((a) => a.goals).find((g) => g.id === 'A1')?.cards[0];
    expect(card?.followUp).toEqual([]);
    const report = await fetch(withToken(`${ctx.server.url}/api/boards/${board.id}/report?format=json`, board.id));
    expect(report.status).toBe(200);
    const { total } = (await report.json()) as FollowUpReport;
    expect(total).toMatchObject({ none: 1, done: 0, 'not-started': 0 });
  });

  it('refuses a round the board’s document has no room for, and stores nothing of it', async () => {
    const board = await createBoard(ctx.server.url);
    const fia = ctx.client(board.id);
    const observer = ctx.client(board.id, 'viewer');
    await Promise.all([fia.synced, observer.synced]);
    // A round gives each of these cards an entry: ≈ 25 KB for 300 cards.
    fia.doc.transact(() => {
      for (let i = 0; i < 300; i++) createCard(fia.doc, { id: `c${i}`, goalId: 'A1', createdBy: 'Fia' });
    });
    await waitFor('the cards to be stored', () => readCard(observer.doc, 'c299') !== undefined);
    const stored = await ctx.server.store.loadBoard(board.id);
    const before = stored.updates.reduce((sum, update) => sum + update.byteLength, 0);

    await ctx.restart({ limits: { maxDocumentBytes: before + 4096 } });
    const refused = await rounds(board.id, { label: LABEL });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: string }).error).toMatch(/too full for a follow-up round/);
    expect((await exportJson(board.id)).rounds).toEqual([]);
    const late = ctx.client(board.id, 'viewer');
    await late.synced;
    expect(currentRoundLabel(late.doc)).toBeNull();
    expect(readCard(late.doc, 'c0')?.followUp).toEqual({});

    // With room for it, the same round starts.
    await ctx.restart({ limits: { maxDocumentBytes: before + 64 * 1024 } });
    expect((await rounds(board.id, { label: LABEL })).status).toBe(201);
  });

  it('closes a client that writes the rounds or the current round itself', async () => {
    const board = await createBoard(ctx.server.url);
    expect((await rounds(board.id, { label: LABEL })).status).toBe(201);
    const facilitator = ctx.client(board.id);
    await facilitator.synced;
    await waitFor('the round', () => currentRoundLabel(facilitator.doc) === LABEL);

    const forge = (role: Role, edit: (doc: Y.Doc) => void): Promise<number> =>
      forgedCloseCode(ctx.server.url, board.id, facilitator.doc, edit, role);
    const forged = { label: 'Forged', date: null, startedAt: '2025-01-01T00:00:00Z', startedBy: 'x' };
    const roundCommentMaps = (d: Y.Doc) => metaMap(d).get('roundComments') as Y.Map<Y.Map<Y.Text>>;
    const placesOf = (d: Y.Doc) => roundCommentMaps(d).get(LABEL) as Y.Map<Y.Text>;
    for (const role of ['participant', 'facilitator'] as const) {
      expect(await forge(role, (d) => metaMap(d).set('currentRound', 'Forged'))).toBe(CLOSE_LAYOUT_BROKEN);
      expect(await forge(role, (d) => metaMap(d).set('rounds', [...readRounds(d), forged]))).toBe(CLOSE_LAYOUT_BROKEN);
      expect(await forge(role, (d) => startRound(d, forged, []))).toBe(CLOSE_LAYOUT_BROKEN);
      // The round's comment texts inside the server's map: neither a round's nor a place's may go.
      // (Setting a place's text anew leaves it a text, like a conflict's winner: that is allowed.)
      expect(await forge(role, (d) => roundCommentMaps(d).delete(LABEL))).toBe(CLOSE_LAYOUT_BROKEN);
      expect(await forge(role, (d) => placesOf(d).delete('A1'))).toBe(CLOSE_LAYOUT_BROKEN);
    }
    // Writing into a comment, and one for a place the round had none for, is anyone's.
    const anna = ctx.client(board.id, 'participant');
    await anna.synced;
    setRoundComment(anna.doc, LABEL, 'A1', 'Ny text');
    setRoundComment(anna.doc, LABEL, 'Z9', 'Ny plats');
    await waitFor('the comments to be relayed', () => readRoundComments(facilitator.doc, LABEL).Z9 === 'Ny plats');
    const plan = await exportJson(board.id);
    expect(plan.rounds.map((r) => [r.label, r.current])).toEqual([[LABEL, true]]);
    const fresh = ctx.client(board.id, 'viewer');
    await fresh.synced;
    expect(readRoundComments(fresh.doc, LABEL)).toMatchObject({ A1: 'Ny text', Z9: 'Ny plats' });
    expect(placesOf(fresh.doc).has('A')).toBe(true);
  });

  it('takes a client’s resync after two people wrote the first comment on one place at once', async () => {
    const board = await createBoard(ctx.server.url);
    expect((await rounds(board.id, { label: LABEL })).status).toBe(201);
    const facilitator = ctx.client(board.id);
    await facilitator.synced;
    await waitFor('the round comments', () =>
      (metaMap(facilitator.doc).get('roundComments') as Y.Map<unknown>)?.has(LABEL),
    );
    const base = Y.encodeStateAsUpdate(facilitator.doc);
    // Two people each make the place's comment text: Yjs keeps one, and each client deletes the other.
    const firstComment = (clientID: number, text: string) => {
      const doc = new Y.Doc();
      doc.clientID = clientID;
      Y.applyUpdate(doc, base);
      const before = Y.encodeStateVector(doc);
      setRoundComment(doc, LABEL, 'NEW-PLACE', text);
      return Y.encodeStateAsUpdate(doc, before);
    };
    const sendAsParticipant = async (update: Uint8Array): Promise<number | 'open'> => {
      const { socket, closed } = await rawSocket(ctx.server.url, board.id, 'participant');
      socket.send(encodeUpdate(update));
      const outcome = await Promise.race([
        closed.then((close) => close.code),
        new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 1_000)),
      ]);
      socket.close();
      return outcome;
    };
    expect(await sendAsParticipant(firstComment(111_111, 'Anna'))).toBe('open');
    expect(await sendAsParticipant(firstComment(222_222, 'Bengt'))).toBe('open');
    const late = ctx.client(board.id, 'participant');
    await late.synced;
    await waitFor(
      'both comments',
      () => Y.encodeStateVector(late.doc).length > Y.encodeStateVector(facilitator.doc).length - 1,
    );
    // A reconnect's sync step 2 carries the whole delete set, the conflict's loser among it: not a removal.
    const resync = Y.encodeStateAsUpdate(late.doc, Y.encodeStateVector(new Y.Doc()));
    expect(await sendAsParticipant(resync)).toBe('open');
    // Removing the place's only comment is still refused.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(late.doc));
    const before = Y.encodeStateVector(doc);
    ((metaMap(doc).get('roundComments') as Y.Map<Y.Map<unknown>>).get(LABEL) as Y.Map<unknown>).delete('NEW-PLACE');
    expect(await sendAsParticipant(Y.encodeStateAsUpdate(doc, before))).toBe(CLOSE_LAYOUT_BROKEN);
  });

  it('imports a plan with rounds, comments and indicator values and exports it again unchanged', async () => {
    const board = await createBoard(ctx.server.url);
    const source = ctx.client(board.id);
    await source.synced;
    createCard(source.doc, {
      id: 'c1',
      goalId: 'A1',
      createdBy: 'Anna',
      fields: { title: 'Hälsosamtal', indicator: 'Andel elever\nKlart i alla skolor' },
    });
    await waitFor('the card', () => readCard(source.doc, 'c1') !== undefined);
    expect((await rounds(board.id, { label: LABEL, date: '2025-11-30', by: 'Fia' })).status).toBe(201);
    await waitFor('the round', () => currentRoundLabel(source.doc) === LABEL);
    setFollowUpStatus(source.doc, 'c1', LABEL, 'done', 'Anna');
    setIndicatorValue(source.doc, 'c1', LABEL, 'Andel elever', 80, 'Anna');
    setIndicatorValue(source.doc, 'c1', LABEL, 'Klart i alla skolor', true, 'Anna');
    setRoundComment(source.doc, LABEL, 'A', 'Området går bra');
    const plan = docToPlan(source.doc, HSVO);

    const file = await writePlan(plan, 'json');
    const created = await fetch(`${ctx.server.url}/api/boards/import?format=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file.body as string,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const imported = rememberBoard((await created.json()) as Awaited<ReturnType<typeof createBoard>>);
    const again = await exportJson(imported.id);
    expect(comparable({ rounds: again.rounds, focusAreas: again.focusAreas })).toEqual(
      comparable({ rounds: plan.rounds, focusAreas: plan.focusAreas }),
    );
    const card = again.focusAreas.flatMap((a) => a.goals).find((g) => g.id === 'A1')?.cards[0];
    expect(card?.followUp[0]?.indicators).toEqual([
      { text: 'Andel elever', value: 80 },
      { text: 'Klart i alla skolor', value: true },
    ]);
    expect(again.rounds[0]?.comments).toEqual([{ placeId: 'A', text: 'Området går bra' }]);
  });

  it('a restore during a round brings back indicator values and round comments', async () => {
    const board = await createBoard(ctx.server.url);
    const anna = ctx.client(board.id, 'participant');
    // What reaches another client is stored: the server stores an update before it relays it.
    const observer = ctx.client(board.id, 'viewer');
    await Promise.all([anna.synced, observer.synced]);
    const stored = (value: number, comment: string) =>
      waitFor(
        'the edits to be stored',
        () =>
          readCard(observer.doc, 'c1')?.followUp[LABEL]?.indicators['Andel elever'] === value &&
          readRoundComments(observer.doc, LABEL).A1 === comment,
      );
    createCard(anna.doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna', fields: { indicator: 'Andel elever' } });
    await waitFor('the card', () => readCard(observer.doc, 'c1') !== undefined);
    expect((await rounds(board.id, { label: LABEL })).status).toBe(201);
    await waitFor('the round', () => currentRoundLabel(anna.doc) === LABEL);
    setIndicatorValue(anna.doc, 'c1', LABEL, 'Andel elever', 62, 'Anna');
    setRoundComment(anna.doc, LABEL, 'A1', 'Bra start');
    await stored(62, 'Bra start');
    const api = (path: string, body?: string) =>
      fetch(`${ctx.server.url}/api/boards/${board.id}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(board.id) },
        body,
      });
    const version = (await (await api('/versions', '{"name":"Före"}')).json()) as { id: string };

    setIndicatorValue(anna.doc, 'c1', LABEL, 'Andel elever', 70, 'Anna');
    setRoundComment(anna.doc, LABEL, 'A1', 'Ändrat');
    await stored(70, 'Ändrat');
    const restored = await api(`/versions/${version.id}/restore`);
    expect(restored.status, await restored.clone().text()).toBe(200);
    await waitFor(
      'the restore to reach the client',
      () =>
        readCard(anna.doc, 'c1')?.followUp[LABEL]?.indicators['Andel elever'] === 62 &&
        readRoundComments(anna.doc, LABEL).A1 === 'Bra start',
    );
    expect((await exportJson(board.id)).rounds[0]?.comments).toEqual([{ placeId: 'A1', text: 'Bra start' }]);
  });
});
