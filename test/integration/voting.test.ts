/**
 * Dot voting (README "Dot voting") against a real server and real Yjs clients: only the
 * facilitator runs rounds, ballots stay with the server and their voter until the reveal
 * (never in anyone's document, never on the wire), the cap holds under concurrent votes,
 * and nothing a client writes into the document can vote or change a result.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import { createCard, deleteCard, readCard, readCards, setVote } from '../../shared/card.ts';
import type { Role } from '../../shared/roles.ts';
import type { VotingRound } from '../../shared/voting/voting.ts';
import type { BallotAnswer, VotingAnswer } from '../../shared/voting/voting-api.ts';
import { VOTER_HEADER } from '../../shared/voting/voting-api.ts';
import type { Phase } from '../../shared/workshop/agenda.ts';
import { bearer, createBoard, forgedCloseCode, serverPerTest, type TestClient, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest();
const ANNA = 'anna-voter-key-0123456789abcdef';
const BO = 'bo-voter-key-0123456789abcdefgh';

function call(
  boardId: string,
  method: string,
  path: string,
  body?: unknown,
  role: Role = 'facilitator',
  voter?: string,
) {
  const headers: Record<string, string> = { ...bearer(boardId, role), 'content-type': 'application/json' };
  if (voter) headers[VOTER_HEADER] = voter;
  return fetch(`${ctx.server.url}/api/boards/${boardId}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const vote = (boardId: string, cardId: string, count: number, voter: string, role: Role = 'participant') =>
  call(boardId, 'PUT', `/voting/votes/${cardId}`, { count }, role, voter);

async function open(boardId: string, body: unknown): Promise<VotingRound> {
  const response = await call(boardId, 'POST', '/voting', body);
  expect(response.status).toBe(200);
  return ((await response.json()) as VotingAnswer).voting as VotingRound;
}

/** A board with cards in areas A (A1) and B (B1), and a facilitator's client on it. */
async function boardWithCards(): Promise<{ id: string; facilitator: TestClient }> {
  const board = await createBoard(ctx.server.url);
  const facilitator = ctx.client(board.id);
  await facilitator.synced;
  const cards: [string, string][] = [
    ['a1', 'A1'],
    ['a2', 'A1'],
    ['b1', 'B1'],
  ];
  for (const [id, goalId] of cards) {
    createCard(facilitator.doc, { id, goalId, createdBy: 'Karin', fields: { title: `Kort ${id}` } });
  }
  const viewer = ctx.client(board.id, 'viewer');
  await waitFor('the cards stored', () => readCards(viewer.doc).length === 3);
  return { id: board.id, facilitator };
}

/** Every vote count any card's `votes` holds in this document. */
const votesIn = (doc: Y.Doc) => readCards(doc).flatMap((card) => Object.values(card.votes));

describe('dot voting', () => {
  it('lets only the facilitator run rounds, only participants and facilitators vote, and says why not', async () => {
    const { id } = await boardWithCards();
    for (const role of ['participant', 'viewer'] as Role[]) {
      for (const path of ['/voting', '/voting/reveal', '/voting/end']) {
        const response = await call(id, 'POST', path, { votesPerPerson: 3 }, role);
        expect(response.status, `${role} ${path}`).toBe(403);
        expect(await response.json()).toHaveProperty('error');
      }
    }
    expect((await vote(id, 'a1', 1, ANNA)).status).toBe(409); // no round yet
    const bad: [unknown, number][] = [
      [{ votesPerPerson: 0 }, 400],
      [{ votesPerPerson: 21 }, 400],
      [{ votesPerPerson: 2.5 }, 400],
      [{}, 400],
      ['{nope', 400],
      [{ votesPerPerson: 3, areaId: 'Z' }, 404],
    ];
    for (const [body, status] of bad) {
      const response = await call(id, 'POST', '/voting', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(await response.json()).toHaveProperty('error');
    }
    await open(id, { votesPerPerson: 3 });
    expect((await call(id, 'POST', '/voting', { votesPerPerson: 3 })).status).toBe(409);
    const refusals: [Response, number][] = [
      [await vote(id, 'a1', 1, ANNA, 'viewer'), 403],
      [await call(id, 'PUT', '/voting/votes/a1', { count: 1 }, 'participant'), 400], // no voter key
      [await vote(id, 'a1', 1, 'short'), 400],
      [await vote(id, 'nowhere', 1, ANNA), 404],
      [await vote(id, 'a1', -1, ANNA), 400],
      [await vote(id, 'a1', 4, ANNA), 422],
      [await call(id, 'PUT', '/voting/votes/a1', '{"count":', 'participant', ANNA), 400],
    ];
    for (const [response, status] of refusals) {
      expect(response.status).toBe(status);
      expect(await response.json()).toHaveProperty('error');
    }
  });

  it('keeps ballots from every client until the reveal, then writes each card its total', async () => {
    const { id, facilitator } = await boardWithCards();
    const observer = ctx.client(id, 'participant');
    await observer.synced;
    const received: Uint8Array[] = [];
    observer.doc.on('update', (update: Uint8Array) => received.push(update));
    const round = await open(id, { votesPerPerson: 3 });
    await waitFor(
      'the open round on every page',
      () => (metaMap(observer.doc).get('voting') as VotingRound)?.stage === 'open',
    );

    expect((await vote(id, 'a1', 2, ANNA)).status).toBe(200);
    const annaAnswer = (await (await vote(id, 'b1', 1, ANNA)).json()) as BallotAnswer;
    expect(annaAnswer).toMatchObject({ roundId: round.id, ballot: { a1: 2, b1: 1 }, left: 0 });
    expect((await vote(id, 'a1', 1, BO, 'facilitator')).status).toBe(200);
    // Each voter reads their own ballot, nobody else's.
    const bo = (await (await call(id, 'GET', '/voting/ballot', undefined, 'participant', BO)).json()) as BallotAnswer;
    expect(bo.ballot).toEqual({ a1: 1 });
    const fresh = (await (
      await call(id, 'GET', '/voting/ballot', undefined, 'participant', `${ANNA}x`)
    ).json()) as BallotAnswer;
    expect(fresh).toMatchObject({ ballot: {}, left: 3 });

    // Nothing of the ballots reached any document: neither a count nor a change to a card.
    const late = ctx.client(id, 'viewer');
    await late.synced;
    for (const doc of [observer.doc, facilitator.doc, late.doc]) expect(votesIn(doc)).toEqual([]);
    const wire = new Y.Doc();
    for (const update of received) Y.applyUpdate(wire, update);
    expect(votesIn(wire)).toEqual([]);
    expect(received.every((u) => !new TextDecoder().decode(u).includes(ANNA.slice(0, 10)))).toBe(true);

    const revealed = await call(id, 'POST', '/voting/reveal');
    expect(((await revealed.json()) as VotingAnswer).voting).toMatchObject({ stage: 'revealed', voters: 2 });
    await waitFor('the totals on the participant’s page', () => readCard(observer.doc, 'a1')?.votes[round.id] === 3);
    expect(readCard(observer.doc, 'b1')?.votes).toEqual({ [round.id]: 1 });
    expect(readCard(observer.doc, 'a2')?.votes).toEqual({});
    expect((await vote(id, 'a2', 1, BO)).status).toBe(409); // closed at the reveal

    const plan = (await (await call(id, 'GET', '/export?format=json')).json()) as {
      focusAreas: { goals: { cards: { id: string; votes: number }[] }[] }[];
    };
    const activities = plan.focusAreas.flatMap((area) => area.goals.flatMap((goal) => goal.cards));
    expect(Object.fromEntries(activities.map((a) => [a.id, a.votes]))).toEqual({ a1: 3, a2: 0, b1: 1 });

    // A later round replaces the totals of the cards it is on; ending keeps them.
    const second = await open(id, { votesPerPerson: 2, areaId: 'A' });
    expect((await vote(id, 'b1', 1, BO)).status).toBe(422); // another area
    expect((await vote(id, 'a2', 2, BO)).status).toBe(200);
    expect((await call(id, 'POST', '/voting/reveal')).status).toBe(200);
    await waitFor('the second round’s totals', () => readCard(observer.doc, 'a2')?.votes[second.id] === 2);
    expect(readCard(observer.doc, 'a1')?.votes).toEqual({});
    expect(readCard(observer.doc, 'b1')?.votes).toEqual({ [round.id]: 1 });
    expect((await call(id, 'POST', '/voting/end')).status).toBe(200);
    await waitFor('the round ended', () => metaMap(observer.doc).get('voting') === null);
    expect(readCard(observer.doc, 'a2')?.votes).toEqual({ [second.id]: 2 });
  });

  it('holds the cap when one voter sends many votes at once', async () => {
    const { id, facilitator } = await boardWithCards();
    for (let i = 0; i < 12; i++) {
      createCard(facilitator.doc, { id: `x${i}`, goalId: 'C1', createdBy: 'Karin', fields: { title: `X ${i}` } });
    }
    await waitFor('the cards', () => readCards(facilitator.doc).length === 15);
    const viewer = ctx.client(id, 'viewer');
    await waitFor('the cards stored', () => readCards(viewer.doc).length === 15);
    await open(id, { votesPerPerson: 5 });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => vote(id, `x${i}`, 1, ANNA)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 422)).toHaveLength(7);
    const ballot = (await (
      await call(id, 'GET', '/voting/ballot', undefined, 'participant', ANNA)
    ).json()) as BallotAnswer;
    expect(Object.values(ballot.ballot).reduce((a, b) => a + b, 0)).toBe(5);
    expect(ballot.left).toBe(0);
  });

  it('refuses votes written into the document, whatever the role, and lets a card with votes be deleted', async () => {
    const { id, facilitator } = await boardWithCards();
    const round = await open(id, { votesPerPerson: 3 });
    expect((await vote(id, 'a1', 2, ANNA)).status).toBe(200);
    expect(await forgedCloseCode(ctx.server.url, id, facilitator.doc, (d) => setVote(d, 'a1', 'mallory', 9))).toBe(
      4422,
    );
    expect((await call(id, 'POST', '/voting/reveal')).status).toBe(200);
    const participant = ctx.client(id, 'participant');
    await waitFor('the total', () => readCard(participant.doc, 'a1')?.votes[round.id] === 2);
    expect(await forgedCloseCode(ctx.server.url, id, participant.doc, (d) => setVote(d, 'a1', round.id, 50))).toBe(
      4422,
    );
    const forgedMeta = { ...round, stage: 'open' };
    expect(
      await forgedCloseCode(ctx.server.url, id, participant.doc, (d) => metaMap(d).set('voting', forgedMeta)),
    ).toBe(4422);
    deleteCard(participant.doc, 'a1');
    await waitFor('the deletion on the facilitator’s page', () => readCard(facilitator.doc, 'a1') === undefined);
  });

  it('lets participants vote in a voting-only phase but not in a locked one or on a locked board', async () => {
    const { id } = await boardWithCards();
    const phases: Phase[] = [
      { id: 'prio', name: 'Prioritering', restriction: 'voting-only' },
      { id: 'beslut', name: 'Beslut', restriction: 'locked' },
    ];
    expect((await call(id, 'PUT', '/agenda', { phases })).status).toBe(200);
    await open(id, { votesPerPerson: 3 });
    expect((await call(id, 'POST', '/agenda/current', { phaseId: 'prio' })).status).toBe(200);
    expect((await vote(id, 'a1', 1, ANNA)).status).toBe(200);
    expect((await call(id, 'POST', '/agenda/current', { phaseId: 'beslut' })).status).toBe(200);
    const locked = await vote(id, 'a1', 2, ANNA);
    expect(locked.status).toBe(409);
    expect(((await locked.json()) as { error: string }).error).toMatch(/phase/);
    expect((await vote(id, 'a1', 2, BO, 'facilitator')).status).toBe(200);
    expect((await call(id, 'POST', '/agenda/current', { phaseId: null })).status).toBe(200);
    expect((await call(id, 'PATCH', '', { locked: true })).status).toBe(200);
    expect((await vote(id, 'a2', 1, ANNA)).status).toBe(409);
  });

  it('keeps ballots across a restart of the server', async () => {
    const { id } = await boardWithCards();
    const round = await open(id, { votesPerPerson: 4 });
    expect((await vote(id, 'b1', 3, ANNA)).status).toBe(200);
    await ctx.restart();
    const ballot = (await (
      await call(id, 'GET', '/voting/ballot', undefined, 'participant', ANNA)
    ).json()) as BallotAnswer;
    expect(ballot).toMatchObject({ roundId: round.id, ballot: { b1: 3 }, left: 1 });
    expect((await call(id, 'POST', '/voting/reveal')).status).toBe(200);
    const viewer = ctx.client(id, 'viewer');
    await waitFor('the total after the restart', () => readCard(viewer.doc, 'b1')?.votes[round.id] === 3);
  });
});
