/**
 * History on a 1,000-card board after 20,000 edits (the memory scenario's edits,
 * 20 per card by 100 people) with a named version saved after every 5,000:
 * the storage it takes beside the board's compacted size, and how long the
 * version list, opening a version (download + Y.Doc + plan data, as the page
 * does) and a restore (the facilitator's POST, answered once stored) take.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { docToPlan } from '../../../shared/plan/index.ts';
import { getTemplate } from '../../../shared/template.ts';
import { addCards, connectProvider, createBoard, type Scenario, waitUntil } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import { check, ms, round } from '../stats.ts';
import { generateEdits, sameState, send } from './memory.ts';

const CARDS = 1_000;
const VERSIONS = 4;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(run: () => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Bytes the board takes in the SQLite file: its state, log, versions and deleted cards. */
function storedBytes(dataDir: string, boardId: string): Record<string, number> {
  const db = new Database(join(dataDir, 'samtavla.sqlite'), { readonly: true });
  try {
    const sum = (sql: string) => (db.prepare(sql).get(boardId) as { n: number | null }).n ?? 0;
    return {
      state: sum('SELECT SUM(length(state)) AS n FROM board_states WHERE board_id = ?'),
      log: sum('SELECT SUM(length(data)) AS n FROM board_updates WHERE board_id = ?'),
      versions: sum('SELECT SUM(length(state)) AS n FROM board_versions WHERE board_id = ?'),
      deletedCards: sum('SELECT SUM(length(card)) AS n FROM deleted_cards WHERE board_id = ?'),
    };
  } finally {
    db.close();
  }
}

export const history: Scenario = {
  name: 'history',
  title: 'History of a 1,000-card board after 20,000 edits: storage, version list, open, restore',
  async run(context) {
    const dataDir = mkdtempSync(join(tmpdir(), 'samtavla-bench-history-'));
    const previous = process.env.BENCH_DATA_DIR;
    process.env.BENCH_DATA_DIR = dataDir;
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    try {
      const board = await createBoard(server.url);
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${server.url}/api/boards/${board.id}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
        });
      const generator = new Y.Doc();
      const seeding = connectProvider(server.url, board.room, generator);
      await seeding.synced;
      addCards(generator, CARDS);
      const verifier = connectProvider(server.url, board.room);
      await waitUntil('the seeded board to be stored', () => sameState(generator, verifier.doc));
      // The edits go out through raw sockets only (generateEdits changes the doc's client id).
      seeding.provider.destroy();
      const queues = generateEdits(generator);
      const edits = queues.reduce((sum, q) => sum + q.length, 0);
      // Send the edits in VERSIONS slices, saving a named version after each.
      const slices = queues.map((frames) =>
        Array.from({ length: VERSIONS }, (_, i) =>
          frames.slice(...[i, i + 1].map((k) => Math.round((k * frames.length) / VERSIONS))),
        ),
      );
      const sockets = [];
      for (let v = 0; v < VERSIONS; v++) {
        sockets.push(...(await Promise.all(slices.map((parts) => send(server.url, board.room, parts[v] ?? [])))));
        if (v === VERSIONS - 1) await waitUntil('every edit stored', () => sameState(generator, verifier.doc));
        else await new Promise((resolve) => setTimeout(resolve, 500));
        const saved = await api('/versions', { method: 'POST', body: JSON.stringify({ name: `Efter del ${v + 1}` }) });
        if (saved.status !== 201) throw new Error(`saving a version: ${saved.status}`);
      }
      for (const socket of sockets) socket.close();
      context.log(`  edits sent and stored; ${VERSIONS} versions saved`);
      const versions = (await (await api('/versions')).json()) as { id: string }[];
      // Storage with the versions kept, before the restores below add their backups (WAL: readable while it runs).
      const bytes = storedBytes(dataDir, board.id);
      const listMs = await timed(() => api('/versions').then((r) => r.json()), 20);
      const template = getTemplate('hsvo-2024-2026');
      if (!template) throw new Error('template missing');
      const openMs = await timed(async () => {
        const bytes = new Uint8Array(await (await api(`/versions/${versions.at(-1)?.id}/state`)).arrayBuffer());
        const doc = new Y.Doc();
        Y.applyUpdate(doc, bytes);
        docToPlan(doc, template);
        doc.destroy();
      }, 10);
      // Alternate between the first and the last version, so each restore changes every edited card.
      let k = 0;
      const restoreMs = await timed(async () => {
        const target = k++ % 2 === 0 ? versions.at(-1) : versions[0];
        const answer = await api(`/versions/${target?.id}/restore`, { method: 'POST' });
        if (answer.status !== 200) throw new Error(`restore: ${answer.status}`);
      }, 6);
      verifier.provider.destroy();

      const compacted = Y.encodeStateAsUpdate(generator).byteLength;
      const total = Object.values(bytes).reduce((a, b) => a + b, 0);
      const ratio = total / compacted;
      context.log(
        `  ${edits.toLocaleString('en-US')} edits, ${versions.length} versions kept (named, plus restore backups)`,
      );
      context.log(
        `  stored: state ${bytes.state} + log ${bytes.log} + versions ${bytes.versions} + deleted cards ${bytes.deletedCards} B = ${total} B; compacted board ${compacted} B → ${round(ratio)}×`,
      );
      context.log(`  version list ${ms(listMs)}, open a version ${ms(openMs)}, restore ${ms(restoreMs)} (medians)`);
      return {
        name: 'history',
        figures: {
          cards: CARDS,
          edits,
          versions: versions.length,
          ...bytes,
          total,
          compacted,
          ratio,
          listMs,
          openMs,
          restoreMs,
        },
        checks: [
          check('restore of a 1,000-card board (server, median)', restoreMs, 'ms', '<=', 300),
          check('open a version (median)', openMs, 'ms', '<=', 500),
          check('storage with versions ÷ compacted board', ratio, '×', '<=', 4),
        ],
      };
    } finally {
      await server.stop();
      if (previous === undefined) delete process.env.BENCH_DATA_DIR;
      else process.env.BENCH_DATA_DIR = previous;
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
