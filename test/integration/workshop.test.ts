/**
 * The workshop's timer and phases (README "Running the workshop") against a
 * real server and real Yjs clients: only the facilitator drives them, a client
 * cannot forge them, and a phase's restriction is the server's to enforce.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import { cardsMap, metaMap } from '../../shared/board-doc.ts';
import { createCard, deleteCard, readCard, setCardText } from '../../shared/card.ts';
import type { Role } from '../../shared/roles.ts';
import type { Agenda, Phase } from '../../shared/workshop/agenda.ts';
import type { TimerState } from '../../shared/workshop/timer.ts';
import {
  bearer,
  createBoard,
  editOfCopy,
  forgedCloseCode,
  rawSocket,
  serverPerTest,
  type TestClient,
  waitFor,
} from '../helpers/server.ts';

const ctx = serverPerTest();

const PHASES: Phase[] = [
  { id: 'ideas', name: 'Idéer', minutes: 10, restriction: 'none' },
  { id: 'prio', name: 'Prioritering', restriction: 'voting-only' },
  { id: 'beslut', name: 'Beslut', restriction: 'locked' },
];

function call(boardId: string, method: string, path: string, body: unknown, role: Role = 'facilitator') {
  return fetch(`${ctx.server.url}/api/boards/${boardId}${path}`, {
    method,
    headers: { ...bearer(boardId, role), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function setPhase(boardId: string, phaseId: string | null): Promise<void> {
  expect((await call(boardId, 'POST', '/agenda/current', { phaseId })).status).toBe(200);
}

/** A forged update of `doc` sent as a participant over a raw socket: resolves with the close code. */
const forgeAs = (boardId: string, doc: Y.Doc, edit: (doc: Y.Doc) => void): Promise<number> =>
  forgedCloseCode(ctx.server.url, boardId, doc, edit);

/**
 * A forged participant update over a raw socket: resolves with the "permission denied" reason
 * (the room's gate) or the close code (the update rules, e.g. before the room knows the phase).
 */
async function refusedAs(boardId: string, doc: Y.Doc, edit: (doc: Y.Doc) => void): Promise<string> {
  const update = editOfCopy(doc, edit);
  const { socket, closed } = await rawSocket(ctx.server.url, boardId, 'participant');
  const denied = new Promise<string>((resolve) =>
    socket.on('message', (data: Buffer) => {
      if (data[0] === 2 && data[1] === 0) resolve(`denied: ${data.subarray(3).toString()}`);
    }),
  );
  socket.send(encodeUpdate(update));
  const answer = await Promise.race([denied, closed.then(({ code }) => `closed: ${code}`)]);
  socket.close();
  return answer;
}

const titleOf = (client: TestClient, id: string) => readCard(client.doc, id)?.title;

async function boardWithCard(): Promise<{ id: string; facilitator: TestClient }> {
  const board = await createBoard(ctx.server.url);
  const facilitator = ctx.client(board.id);
  await facilitator.synced;
  createCard(facilitator.doc, { id: 'c1', goalId: 'A1', createdBy: 'Karin', fields: { title: 'Första' } });
  expect((await call(board.id, 'PUT', '/agenda', { phases: PHASES })).status).toBe(200);
  return { id: board.id, facilitator };
}

describe('workshop routes', () => {
  it('answers 403 to participants and viewers, 4xx JSON to bad input, and tells the server’s time', async () => {
    const board = await createBoard(ctx.server.url);
    for (const role of ['participant', 'viewer'] as Role[]) {
      for (const [method, path, body] of [
        ['POST', '/timer', { action: 'start', seconds: 60 }],
        ['PUT', '/agenda', { phases: PHASES }],
        ['POST', '/agenda/current', { phaseId: 'ideas' }],
      ] as const) {
        const response = await call(board.id, method, path, body, role);
        expect(response.status, `${role} ${path}`).toBe(403);
        expect(await response.json()).toHaveProperty('error');
      }
    }
    const bad: [string, string, unknown, number][] = [
      ['POST', '/timer', { action: 'explode' }, 400],
      ['POST', '/timer', { action: 'start', seconds: -5 }, 400],
      ['POST', '/timer', { action: 'start' }, 400],
      ['POST', '/timer', '{not json', 400],
      ['POST', '/timer', { action: 'pause' }, 409],
      ['PUT', '/agenda', { phases: [{ id: 'x', name: 'x'.repeat(61), restriction: 'none' }] }, 400],
      ['PUT', '/agenda', { phases: Array.from({ length: 13 }, (_, i) => ({ ...PHASES[0], id: `p${i}` })) }, 400],
      ['PUT', '/agenda', { phases: [{ id: 'x', name: 'X', restriction: 'everything' }] }, 400],
      ['POST', '/agenda/current', { phaseId: 'nowhere' }, 404],
    ];
    for (const [method, path, body, status] of bad) {
      const response = await call(board.id, method, path, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(await response.json()).toHaveProperty('error');
    }
    const time = (await (await fetch(`${ctx.server.url}/api/time`)).json()) as { now: number };
    expect(Number.isSafeInteger(time.now)).toBe(true);
  });

  it('brings the timer to every client, and a phase with minutes starts it', async () => {
    const board = await createBoard(ctx.server.url);
    const participant = ctx.client(board.id, 'participant');
    await participant.synced;
    const timer = () => metaMap(participant.doc).get('timer') as TimerState | null | undefined;
    const started = await call(board.id, 'POST', '/timer', { action: 'start', seconds: 120, by: 'Karin' });
    const answer = (await started.json()) as { timer: TimerState; now: number };
    expect(answer.timer).toMatchObject({ state: 'running', endsAt: answer.now + 120_000, startedBy: 'Karin' });
    await waitFor('the timer on the participant’s page', () => timer()?.state === 'running');
    expect(timer()).toEqual(answer.timer);

    expect((await call(board.id, 'POST', '/timer', { action: 'pause' })).status).toBe(200);
    await waitFor('the pause', () => timer()?.state === 'paused');
    const added = (await (await call(board.id, 'POST', '/timer', { action: 'add', seconds: 60 })).json()) as {
      timer: TimerState & { state: 'paused' };
    };
    expect(added.timer.remainingMs).toBeGreaterThan(120_000);
    expect((await call(board.id, 'POST', '/timer', { action: 'stop' })).status).toBe(200);
    await waitFor('the stop', () => timer() === null);

    expect((await call(board.id, 'PUT', '/agenda', { phases: PHASES })).status).toBe(200);
    await setPhase(board.id, 'ideas');
    await waitFor('the phase’s ten minutes', () => timer()?.durationMs === 600_000);
    expect((metaMap(participant.doc).get('agenda') as Agenda).currentPhaseId).toBe('ideas');
  });

  it('refuses a participant’s forged timer and agenda', async () => {
    const { id, facilitator } = await boardWithCard();
    const forgedTimer = { state: 'running', endsAt: 1, durationMs: 1, startedBy: 'Mallory' };
    expect(await forgeAs(id, facilitator.doc, (d) => metaMap(d).set('timer', forgedTimer))).toBe(4422);
    expect(await forgeAs(id, facilitator.doc, (d) => metaMap(d).set('agenda', null))).toBe(4422);
    const fresh = ctx.client(id);
    await fresh.synced;
    expect(metaMap(fresh.doc).get('timer')).toBeUndefined();
    expect((metaMap(fresh.doc).get('agenda') as Agenda).phases).toHaveLength(3);
  });
});

describe('phase restrictions', () => {
  it('in a locked phase refuses a participant’s edit, lets the facilitator’s through, and resends it once the phase opens', async () => {
    const { id, facilitator } = await boardWithCard();
    await setPhase(id, 'beslut');
    expect(await refusedAs(id, facilitator.doc, (d) => setCardText(d, 'c1', 'title', 'Deltagarens'))).toMatch(
      /denied: .*locked/,
    );
    setCardText(facilitator.doc, 'c1', 'activity', 'Facilitatorns aktivitet');
    const observer = ctx.client(id, 'viewer');
    await waitFor('the facilitator’s edit', () => readCard(observer.doc, 'c1')?.activity === 'Facilitatorns aktivitet');
    expect(titleOf(observer, 'c1')).toBe('Första');

    // After a restart the phase still holds: it lives in the document.
    await ctx.restart();
    const again = ctx.client(id);
    await again.synced;
    expect(await refusedAs(id, again.doc, (d) => setCardText(d, 'c1', 'title', 'Förfalskat'))).toMatch(
      /denied: .*locked|closed: 4000/,
    );

    const writer = ctx.client(id, 'participant');
    await writer.synced;
    setCardText(writer.doc, 'c1', 'title', 'Efter låset');
    await setPhase(id, 'ideas');
    await waitFor('the participant’s edit once the phase opened', () => titleOf(again, 'c1') === 'Efter låset');
  });

  it('refuses a participant’s restore of a deleted card while the phase restricts them', async () => {
    const { id, facilitator } = await boardWithCard();
    deleteCard(facilitator.doc, 'c1');
    await expect
      .poll(
        async () => ((await (await call(id, 'GET', '/deleted-cards', undefined, 'participant')).json()) as []).length,
      )
      .toBe(1);
    await setPhase(id, 'beslut');
    const refused = await call(id, 'POST', '/deleted-cards/c1/restore', undefined, 'participant');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/phase/);
    await setPhase(id, 'ideas');
    expect((await call(id, 'POST', '/deleted-cards/c1/restore', undefined, 'participant')).status).toBe(200);
    await waitFor('the restored card', () => readCard(facilitator.doc, 'c1') !== undefined);
  });

  // Votes go through the voting routes (test/integration/voting.test.ts), never the document.
  it('in a voting-only phase refuses every participant edit of the document', async () => {
    const { id, facilitator } = await boardWithCard();
    await setPhase(id, 'prio');
    expect(await forgeAs(id, facilitator.doc, (d) => setCardText(d, 'c1', 'title', 'Nej'))).toBe(4000);
    expect(
      await forgeAs(id, facilitator.doc, (d) =>
        createCard(d, { id: 'c2', goalId: 'A1', createdBy: 'Mallory', fields: { title: 'Nytt' } }),
      ),
    ).toBe(4000);
    expect(await forgeAs(id, facilitator.doc, (d) => cardsMap(d).delete('c1'))).toBe(4000);
    setCardText(facilitator.doc, 'c1', 'title', 'Facilitatorn får');
    const fresh = ctx.client(id, 'viewer');
    await waitFor('the facilitator’s edit', () => titleOf(fresh, 'c1') === 'Facilitatorn får');
    expect(cardsMap(fresh.doc).has('c2')).toBe(false);
  });
});
