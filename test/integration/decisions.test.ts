/**
 * Decisions (README "Decisions") against a real server and stock y-websocket clients: the
 * facilitator decides and everyone sees it live, nobody else may, no client can forge a
 * decision or the log, and the exports and a JSON import carry them.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { CreatedBoard } from '../../shared/api.ts';
import { metaMap } from '../../shared/board-doc.ts';
import { createCard, readCard } from '../../shared/card.ts';
import { readCardDecision, readDecisionLog } from '../../shared/decisions/decisions.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import type { Role } from '../../shared/roles.ts';
import {
  bearer,
  createBoard,
  forgedCloseCode,
  rememberBoard,
  serverPerTest,
  type TestClient,
  waitFor,
  withToken,
} from '../helpers/server.ts';

const ctx = serverPerTest();

const COMPLETE = { title: 'SIP i primärvården', activity: 'Samordna', indicator: 'Antal', responsible: 'Kommunen' };

function decide(boardId: string, body: unknown, role: Role = 'facilitator') {
  return fetch(`${ctx.server.url}/api/boards/${boardId}/decisions`, {
    method: 'POST',
    headers: { ...bearer(boardId, role), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function boardWithCard(): Promise<{ id: string; facilitator: TestClient; participant: TestClient }> {
  const board = await createBoard(ctx.server.url);
  const facilitator = ctx.client(board.id);
  const participant = ctx.client(board.id, 'participant');
  await Promise.all([facilitator.synced, participant.synced]);
  createCard(facilitator.doc, { id: 'c1', goalId: 'A1', createdBy: 'Karin', fields: COMPLETE });
  createCard(facilitator.doc, { id: 'c2', goalId: 'A1', createdBy: 'Karin', fields: { title: 'Halv' } });
  await waitFor('the cards at the participant', () => readCard(participant.doc, 'c2') !== undefined);
  return { id: board.id, facilitator, participant };
}

describe('POST /api/boards/:id/decisions', () => {
  it('marks a card agreed with the note; a second client sees the status, the decision and the log', async () => {
    const { id, participant } = await boardWithCard();
    const response = await decide(id, { cardId: 'c1', agreed: true, note: '  Vi kör från mars  ', by: '  Karin L  ' });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { entry: { at: string; by: string; note: string; title: string } };
    expect(answer.entry).toMatchObject({ by: 'Karin L', note: 'Vi kör från mars', title: 'SIP i primärvården' });
    await waitFor('the decision at the participant', () => readCardDecision(participant.doc, 'c1') !== null);
    expect(readCard(participant.doc, 'c1')?.status).toBe('agreed');
    expect(readCardDecision(participant.doc, 'c1')).toEqual({
      note: 'Vi kör från mars',
      by: 'Karin L',
      at: answer.entry.at,
    });
    expect(readDecisionLog(participant.doc)).toEqual([answer.entry]);
  });

  it('answers 403 to participants and viewers, 400 to a bad body, 404 to an unknown card, 422 to an incomplete card', async () => {
    const { id, participant } = await boardWithCard();
    for (const role of ['participant', 'viewer'] as Role[]) {
      const response = await decide(id, { cardId: 'c1', agreed: true, note: '' }, role);
      expect(response.status, role).toBe(403);
      expect(await response.json()).toHaveProperty('error');
    }
    const bad: [unknown, number][] = [
      ['{not json', 400],
      [{ cardId: 'c1', agreed: 'yes', note: '' }, 400],
      [{ cardId: 'c1', agreed: true }, 400],
      [{ cardId: 'c1', agreed: true, note: 'x'.repeat(501) }, 400],
      [{ cardId: '', agreed: true, note: '' }, 400],
      [{ cardId: 'c1', agreed: true, note: '', by: 'x'.repeat(201) }, 400],
      [{ cardId: 'nope', agreed: true, note: '' }, 404],
      [{ cardId: 'c2', agreed: true, note: '' }, 422],
    ];
    for (const [body, status] of bad) {
      const response = await decide(id, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(await response.json()).toHaveProperty('error');
    }
    // Nothing refused was written.
    expect(readDecisionLog(participant.doc)).toEqual([]);
    expect(readCard(participant.doc, 'c2')?.status).toBe('draft');
  });

  it('refuses a forged decision or log entry sent over a raw socket, by any role', async () => {
    const { id, facilitator } = await boardWithCard();
    expect((await decide(id, { cardId: 'c1', agreed: true, note: 'Äkta', by: 'Karin' })).status).toBe(200);
    await waitFor('the decision at the facilitator', () => readCardDecision(facilitator.doc, 'c1') !== null);
    const forged = { note: 'Förfalskat', by: 'Någon', at: '2026-12-02T19:00:00.000Z' };
    const inner = (doc: Y.Doc, key: string) => metaMap(doc).get(key) as Y.Map<unknown>;
    for (const role of ['participant', 'facilitator'] as Role[]) {
      const edits: ((doc: Y.Doc) => void)[] = [
        (doc) => inner(doc, 'cardDecisions').set('c1', forged),
        (doc) => inner(doc, 'decisionLog').clear(),
        (doc) => metaMap(doc).delete('cardDecisions'),
      ];
      for (const edit of edits) {
        expect(await forgedCloseCode(ctx.server.url, id, facilitator.doc, edit, role), role).toBe(4422);
      }
    }
    const board = await (await fetch(withToken(`${ctx.server.url}/api/boards/${id}/export?format=json`, id))).json();
    expect(JSON.stringify(board)).not.toContain('Förfalskat');
    expect((board as PlanData).decisions).toHaveLength(1);
  });

  it('exports the note and who in JSON and Word, and a JSON import writes them back for another export', async () => {
    const { id } = await boardWithCard();
    expect((await decide(id, { cardId: 'c1', agreed: true, note: 'Beslutat i plenum', by: 'Karin' })).status).toBe(200);
    const exportOf = (boardId: string, format: string) =>
      fetch(withToken(`${ctx.server.url}/api/boards/${boardId}/export?format=${format}`, boardId));

    const plan = (await (await exportOf(id, 'json')).json()) as PlanData;
    const card = plan.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.cards)).find((c) => c.id === 'c1');
    expect(card?.decision).toMatchObject({ note: 'Beslutat i plenum', by: 'Karin' });
    expect(plan.decisions).toMatchObject([{ cardId: 'c1', agreed: true, note: 'Beslutat i plenum', by: 'Karin' }]);

    const docx = await JSZip.loadAsync(await (await exportOf(id, 'docx')).arrayBuffer());
    const text = ((await docx.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, ' ');
    expect(text).toContain('Beslutat i plenum');
    expect(text).toContain('(Karin)');
    expect(text).toContain('Beslutslogg');

    const imported = await fetch(`${ctx.server.url}/api/boards/import?format=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(plan),
    });
    expect(imported.status).toBe(201);
    const copy = rememberBoard((await imported.json()) as CreatedBoard);
    const again = (await (await exportOf(copy.id, 'json')).json()) as PlanData;
    expect(again.decisions).toEqual(plan.decisions);
    const cardAgain = again.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.cards)).find((c) => c.id === 'c1');
    expect(cardAgain?.decision).toEqual(card?.decision);
    expect(cardAgain?.status).toBe('agreed');
  });
});
