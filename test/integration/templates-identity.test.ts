/**
 * An own layout never passes for a template the server offers: a design, a
 * file or an edited layout under a built-in's id but with other areas gets an
 * id of its own, so its exports re-import on its own areas, not the built-in's.
 */
import { describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import { getTemplate, type Template } from '../../shared/template.ts';
import { bearer, createBoard, rememberBoard, serverPerTest } from '../helpers/server.ts';
import { createOwnBoard } from '../helpers/templates.ts';

const ctx = serverPerTest();

const hsvo = () => structuredClone(getTemplate('hsvo-2024-2026') as Template);

async function templateOf(boardId: string): Promise<Template> {
  const answer = await fetch(`${ctx.server.url}/api/boards/${boardId}/template`, {
    headers: bearer(boardId, 'viewer'),
  });
  expect(answer.status).toBe(200);
  return (await answer.json()) as Template;
}

/** The board's JSON export imported as a new board: the template the new board was laid out on. */
async function reimported(boardId: string): Promise<Template> {
  const plan = (await (
    await fetch(`${ctx.server.url}/api/boards/${boardId}/export?format=json`, { headers: bearer(boardId) })
  ).json()) as PlanData;
  const answer = await fetch(`${ctx.server.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(plan),
  });
  expect(answer.status).toBe(201);
  const board = rememberBoard((await answer.json()) as CreatedBoard);
  return templateOf(board.id);
}

describe('an own layout under an offered template’s id', () => {
  it('keeps the id when the layout is the offered one, unchanged', async () => {
    const board = await createOwnBoard(ctx.server.url, hsvo());
    expect(board.templateId).toBe('hsvo-2024-2026');
  });

  it('gets an id of its own when it differs, and its export re-imports on its own areas', async () => {
    const design = hsvo();
    (design.focusAreas[0] as Template['focusAreas'][number]).title = { sv: 'Skola och fritid', en: 'School' };
    const board = await createOwnBoard(ctx.server.url, design);
    expect(board.templateId).toBe('hsvo-2024-2026-eget');
    expect((await templateOf(board.id)).id).toBe('hsvo-2024-2026-eget');
    expect((await reimported(board.id)).focusAreas[0]?.title.sv).toBe('Skola och fritid');
  });

  it('gets one when a board on a built-in template is laid out anew, and keeps it for later edits', async () => {
    const board = await createBoard(ctx.server.url);
    const edit = async (title: string) => {
      const next = await templateOf(board.id);
      (next.focusAreas[1] as Template['focusAreas'][number]).title = { sv: title, en: title };
      const answer = await fetch(`${ctx.server.url}/api/boards/${board.id}/template`, {
        method: 'PUT',
        headers: { ...bearer(board.id), 'content-type': 'application/json' },
        body: JSON.stringify({ template: next }),
      });
      expect(answer.status).toBe(200);
      return templateOf(board.id);
    };
    expect((await edit('Nära vård i Heby')).id).toBe('hsvo-2024-2026-eget');
    const again = await edit('Nära vård i Heby kommun');
    expect(again.id).toBe('hsvo-2024-2026-eget');
    expect((await reimported(board.id)).focusAreas[1]?.title.sv).toBe('Nära vård i Heby kommun');
  });
});
