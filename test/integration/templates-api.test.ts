/** Own templates through the API: a board's own copy, creation from a whole template, the template routes. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import { metaMap } from '../../shared/board-doc.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { getTemplate } from '../../shared/template.ts';
import { bearer, createBoard, rawSocket, serverPerTest, withToken } from '../helpers/server.ts';
import { createOwnBoard, ownTemplate, postBoard } from '../helpers/templates.ts';

const ctx = serverPerTest();

describe('a board keeps its own copy of its template', () => {
  it('writes the built-in template into meta.template at creation', async () => {
    const board = await createBoard(ctx.server.url);
    const client = ctx.client(board.id, 'viewer');
    await client.synced;
    expect(metaMap(client.doc).get('template')).toEqual(JSON.parse(JSON.stringify(getTemplate('hsvo-2024-2026'))));
    expect(readBoardTemplate(client.doc)?.id).toBe('hsvo-2024-2026');
  });

  it('refuses meta.template from any client, the facilitator too (4422), and keeps the copy', async () => {
    const board = await createOwnBoard(ctx.server.url, ownTemplate(['Ett', 'Två']));
    const facilitator = ctx.client(board.id);
    await facilitator.synced;
    for (const role of ['facilitator', 'participant'] as const) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(facilitator.doc));
      const updates: Uint8Array[] = [];
      copy.on('update', (update: Uint8Array) => updates.push(update));
      metaMap(copy).set('template', { ...ownTemplate(['Förfalskad']) });
      const { socket, closed } = await rawSocket(ctx.server.url, board.id, role);
      socket.send(encodeUpdate(Y.mergeUpdates(updates)));
      expect((await closed).code).toBe(4422);
    }
    const answer = await fetch(withToken(`${ctx.server.url}/api/boards/${board.id}/template`, board.id, 'viewer'));
    expect(((await answer.json()) as { focusAreas: unknown[] }).focusAreas).toHaveLength(2);
  });
});

describe('POST /api/boards with a whole template', () => {
  it('creates a board laid out on it, and GET /api/boards/:id/template gives it back to any role', async () => {
    const template = ownTemplate(['Trygg uppväxt', 'Psykisk hälsa', 'Äldres hälsa', 'Digital vård']);
    const board = await createOwnBoard(ctx.server.url, template, 'Egen plan Tierp');
    expect(board.templateId).toBe('egen-plan');
    for (const role of ['viewer', 'participant', 'facilitator'] as const) {
      const answer = await fetch(`${ctx.server.url}/api/boards/${board.id}/template`, {
        headers: bearer(board.id, role),
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(template);
    }
    const download = await fetch(
      withToken(`${ctx.server.url}/api/boards/${board.id}/template?download=1`, board.id, 'viewer'),
    );
    expect(download.headers.get('content-disposition')).toContain('egen-plan.template.json');
    expect(await download.json()).toEqual(template);
    expect((await fetch(`${ctx.server.url}/api/boards/${board.id}/template`)).status).toBe(401);
  });

  it('answers 400 naming the broken field, and creates nothing', async () => {
    const broken = ownTemplate(['Ett']);
    (broken.focusAreas[0] as { title: { en: string } }).title.en = '';
    const cases: [unknown, RegExp][] = [
      [{ title: 'T', template: broken }, /template\.focusAreas\.0\.title\.en/],
      [{ title: 'T', template: { ...ownTemplate(['Ett']), focusAreas: [] } }, /template\.focusAreas/],
      [
        { title: 'T', template: ownTemplate(Array.from({ length: 13 }, (_, i) => `Område ${i}`)) },
        /template\.focusAreas/,
      ],
      [{ title: 'T', template: ownTemplate(['Ett'], 25) }, /template\.focusAreas\.0\.goals/],
      [
        {
          title: 'T',
          template: {
            ...ownTemplate(['Ett']),
            parties: Array.from({ length: 301 }, (_, i) => ({ id: `p${i}`, name: `P ${i}`, type: 'other' })),
          },
        },
        /template\.parties/,
      ],
      [{ title: 'T', template: { ...ownTemplate(['Ett']), id: 'Inte En Slug' } }, /template\.id/],
      [{ title: 'T', template: 'hsvo' }, /template: expected a board template/],
      [
        { title: 'T', template: ownTemplate(['Ett']), templateId: 'hsvo-2024-2026' },
        /either templateId .* or template/,
      ],
      [{ title: 'T' }, /either templateId/],
      [{ title: 'T', templateId: 'no-such' }, /templateId: unknown template/],
    ];
    for (const [body, error] of cases) {
      const { status, json } = await postBoard(ctx.server.url, body);
      expect(status, JSON.stringify(json)).toBe(400);
      expect(json.error).toMatch(error);
    }
    const duplicate = ownTemplate(['Ett', 'Två'], 1);
    (duplicate.focusAreas[1] as { id: string }).id = 'area-1';
    expect((await postBoard(ctx.server.url, { title: 'T', template: duplicate })).json.error).toMatch(/duplicate/);
  });

  it('takes a realistic large template and refuses a body over the template limit with 413', async () => {
    const big = ownTemplate(
      Array.from({ length: 12 }, (_, i) => `Fokusområde ${i + 1}`),
      24,
    );
    expect((await postBoard(ctx.server.url, { title: 'Stor', template: big })).status).toBe(201);
    const huge = { ...big, vision: { sv: 'x'.repeat(300_000), en: 'x' } };
    expect((await postBoard(ctx.server.url, { title: 'T', template: huge })).status).toBe(413);
  });
});

describe('template routes', () => {
  it('lists templates with their source, gives one whole (404 unknown) and publishes the JSON Schema', async () => {
    const list = (await (await fetch(`${ctx.server.url}/api/templates`)).json()) as { id: string; source: string }[];
    expect(list.map((t) => [t.id, t.source])).toEqual([
      ['hsvo-2024-2026', 'built-in'],
      ['nsu-2019', 'built-in'],
    ]);
    const nsu = await fetch(`${ctx.server.url}/api/templates/nsu-2019`);
    expect(await nsu.json()).toEqual(JSON.parse(JSON.stringify(getTemplate('nsu-2019'))));
    const unknown = await fetch(`${ctx.server.url}/api/templates/no-such`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/no template/);
    const schema = await fetch(`${ctx.server.url}/api/templates/schema.json`);
    expect(schema.headers.get('content-type')).toContain('application/schema+json');
    expect(((await schema.json()) as { $id: string }).$id).toBe('urn:samtavla:schema:board-template:1');
  });
});
