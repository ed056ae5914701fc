/**
 * Sticky notes and warnings over the real server: a board whose notes carry
 * their goal exports them under that goal as "Anteckningar", an agreed card
 * that lost its Ansvar is warned about, and the canvas contract refuses a note
 * whose meta is anything but its goal, from a raw client, storing nothing of it.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import type { BoardInfo } from '../../shared/api.ts';
import { canvasMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { PLAN_FORMAT_VERSION, type PlanData } from '../../shared/plan/index.ts';
import schema from '../../shared/plan/samverkansplan.schema.json' with { type: 'json' };
import { noteShape } from '../helpers/canvas-records.ts';
import {
  connectClient,
  createBoard,
  removeDir,
  startTestServer,
  tempDataDir,
  waitFor,
  withToken,
} from '../helpers/server.ts';

let dataDir: string;
let server: RunningServer;
let board: BoardInfo;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
  board = await createBoard(server.url, { title: 'Samverkansplan Heby 2025', templateId: 'hsvo-2024-2026' });
  const writer = connectClient(server.url, board.id);
  await writer.synced;
  createCard(writer.doc, {
    id: 'card-agreed',
    goalId: 'A1',
    createdBy: 'Anna',
    status: 'agreed',
    fields: { title: 'Hälsosamtal i skolan', activity: 'Erbjuda hälsosamtal', indicator: 'Genomfört (Ja/Nej)' },
  });
  const canvas = canvasMap(writer.doc);
  canvas.set('shape:note-a1', noteShape('shape:note-a1', 'Fråga elevhälsan\nom tider', { goalId: 'A1' }));
  canvas.set('shape:note-free', noteShape('shape:note-free', 'Utanför alla mål', { goalId: null }));
  const observer = connectClient(server.url, board.id);
  await waitFor(
    'card and notes stored',
    () => canvasMap(observer.doc).size === 2 && observer.doc.getMap('cards').size === 1,
  );
  writer.destroy();
  observer.destroy();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

const exportUrl = (format: string) =>
  withToken(`${server.url}/api/boards/${board.id}/export?format=${format}`, board.id);

describe('exporting a board with notes and an incomplete agreed card', () => {
  it('lists the note under its goal and warns about the card in the JSON, which validates', async () => {
    const plan = (await (await fetch(exportUrl('json'))).json()) as PlanData;
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(schema, plan), JSON.stringify(ajv.errors)).toBe(true);
    expect(plan.formatVersion).toBe(PLAN_FORMAT_VERSION);
    const a1 = plan.focusAreas[0]?.goals.find((g) => g.id === 'A1');
    expect(a1?.notes).toEqual([{ id: 'shape:note-a1', text: 'Fråga elevhälsan\nom tider' }]);
    expect(plan.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.notes))).toHaveLength(1);
    expect(plan.warnings).toEqual([{ kind: 'agreed-missing', cardId: 'card-agreed', fields: ['responsible'] }]);
  });

  it('shows both in the Markdown document', async () => {
    const md = await (await fetch(exportUrl('md'))).text();
    expect(md).toContain('Överenskommen, men saknar: Ansvar');
    expect(md).toContain('**Anteckningar**\n\n- Fråga elevhälsan  \n  om tider');
  });
});

describe('the canvas contract on note meta', () => {
  it('takes a note moved to another goal, and refuses a raw client’s note with other meta (4422), storing nothing', async () => {
    const good = connectClient(server.url, board.id);
    const bad = connectClient(server.url, board.id);
    await Promise.all([good.synced, bad.synced]);
    canvasMap(good.doc).set('shape:note-a1', noteShape('shape:note-a1', 'Fråga elevhälsan', { goalId: 'B1' }));

    const closed = new Promise<number>((resolve) =>
      bad.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );
    canvasMap(bad.doc).set(
      'shape:evil',
      noteShape('shape:evil', 'x', { goalId: 'A1', tracking: 'https://evil.example' }),
    );
    expect(await closed).toBe(4422);

    const fresh = connectClient(server.url, board.id);
    await fresh.synced;
    await waitFor('the moved note', () => {
      const note = canvasMap(fresh.doc).get('shape:note-a1') as { meta?: { goalId?: string } } | undefined;
      return note?.meta?.goalId === 'B1';
    });
    expect(canvasMap(fresh.doc).has('shape:evil')).toBe(false);
    const plan = (await (await fetch(exportUrl('json'))).json()) as PlanData;
    expect(plan.focusAreas[1]?.goals.find((g) => g.id === 'B1')?.notes.map((n) => n.id)).toEqual(['shape:note-a1']);
    for (const client of [good, bad, fresh]) client.destroy();
  });
});
