/** What the scenarios share: boards with realistic content, and one measured run with server figures. */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreatedBoard } from '../../shared/api.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import type { ClientPool, PoolReport, PoolRun } from './clients/pool.ts';
import type { BenchServer } from './server-control.ts';
import type { ServerStats } from './server-process.ts';
import type { TargetCheck } from './stats.ts';

export interface ScenarioContext {
  quick: boolean;
  /** Write a CPU profile of each scenario's server here. */
  cpuProfDir?: string;
  /** The bare WebSocket echo round-trip p50 of this run, for the latency ratio. */
  echoP50?: number;
  log(line: string): void;
}

export interface ScenarioResult {
  name: string;
  figures: Record<string, unknown>;
  checks: TargetCheck[];
}

export interface Scenario {
  name: string;
  title: string;
  run(context: ScenarioContext): Promise<ScenarioResult>;
}

export const wsBase = (url: string): string => `${url.replace(/^http/, 'ws')}/ws`;

/**
 * A board the bench made, with `room`: the y-websocket room name that carries the
 * facilitator's token (`<id>?token=…`). The stock provider and the protocol client
 * both put the room name last in the socket's URL, so one string per board is all
 * the client threads need.
 */
export interface BenchBoard extends CreatedBoard {
  room: string;
}

export async function createBoard(url: string, title = 'Samverkansplan Heby 2025'): Promise<BenchBoard> {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, templateId: 'hsvo-2024-2026' }),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  const board = (await response.json()) as CreatedBoard;
  return { ...board, room: `${board.id}?token=${board.tokens.facilitator}` };
}

const GOALS = ['A1', 'A2', 'B1', 'B2', 'C1', 'D1'];
const PARTIES = ['Region Uppsala', 'Heby kommun', 'Tierps kommun', 'Enköpings kommun', 'Uppsala kommun'];

/** Creates `count` cards with workshop-like content in `doc`, 50 to a transaction (as an import would). */
export function addCards(doc: Y.Doc, count: number, prefix = 'seed'): void {
  for (let start = 0; start < count; start += 50) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + 50); i++) {
        createCard(doc, {
          goalId: GOALS[i % GOALS.length] ?? null,
          createdBy: `${prefix}-${i % 40}`,
          parties: [PARTIES[i % PARTIES.length] ?? 'Region Uppsala'],
          fields: {
            title: `Aktivitet ${i}: samordnad individuell plan`,
            activity: 'Vi ordnar träffar för föräldrar i skolan varje termin, tillsammans med socialtjänsten.',
            indicator: 'Antal genomförda träffar\nAndel nöjda deltagare',
            responsible: PARTIES[(i + 1) % PARTIES.length],
            targetGroup: 'Barn och unga 6–15 år',
            period: '2025–2026',
            priorityArea: 'Psykisk hälsa',
          },
        });
      }
    });
  }
}

/** A stock y-websocket client in the bench process (for seeding and checks, not for measured traffic). */
export function connectProvider(url: string, boardId: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(wsBase(url), boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
  return { doc, provider, synced };
}

export async function waitUntil(what: string, check: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A board with `cards` cards written through a real client and confirmed stored (relayed to a second client). */
export async function seedBoard(url: string, cards: number): Promise<BenchBoard> {
  const board = await createBoard(url);
  const writer = connectProvider(url, board.room);
  const observer = connectProvider(url, board.room);
  await Promise.all([writer.synced, observer.synced]);
  addCards(writer.doc, cards);
  await waitUntil('seeded cards to be stored', () => cardsMap(observer.doc).size >= cards);
  for (const client of [writer, observer]) {
    client.provider.destroy();
    client.doc.destroy();
  }
  return board;
}

/** Waits until the server has no room open (the last client left and the room was unloaded). */
export async function roomsClosed(server: BenchServer): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await server.stats()).openRooms > 0) {
    if (Date.now() > deadline) throw new Error('the rooms did not close');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface Measured {
  report: PoolReport;
  serverCpuPercent: number;
  /**
   * CPU the whole machine used over the run (every process and the kernel, so
   * also whatever else runs beside the bench), in % of one core; undefined
   * where /proc/stat is missing.
   */
  machineCpuPercent?: number;
  server: ServerStats;
  updatesInPerSecond: number;
  deliveriesOutPerSecond: number;
}

/** Busy and total time of all cores so far (Linux /proc/stat, in clock ticks); undefined elsewhere. */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const ticks = fields.slice(0, 8);
    const total = ticks.reduce((sum, n) => sum + n, 0);
    return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
  } catch {
    return undefined;
  }
}

/** One measured run of the pool against the server, with the server's CPU and memory over the window. */
export async function measure(server: BenchServer, pool: ClientPool, run: PoolRun): Promise<Measured> {
  const before = await server.stats();
  const machineBefore = machineTicks();
  const started = performance.now();
  const report = await pool.run(run);
  const elapsed = performance.now() - started;
  const machineAfter = machineTicks();
  const after = await server.stats();
  const cores = availableParallelism();
  return {
    report,
    serverCpuPercent: ((after.cpuMicros - before.cpuMicros) / 1000 / elapsed) * 100,
    ...(machineBefore && machineAfter && machineAfter.total > machineBefore.total
      ? {
          machineCpuPercent:
            ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * cores * 100,
        }
      : {}),
    server: after,
    updatesInPerSecond: report.editsSent / (run.durationMs / 1000),
    deliveriesOutPerSecond: report.deliveries / (run.durationMs / 1000),
  };
}
