/**
 * What the tests of several server processes share (README "Running on several
 * machines"): servers on one store and one Redis, and what each has of a board.
 *
 * `startProcesses` spawns real server processes on one PostgreSQL and Redis.
 * `startInProcessCluster` runs the servers in this process, on one SQLite store
 * handed to each through startServer's `wrapStore`: every server keeps its own
 * rooms and relay connections exactly as separate processes do, without a
 * shared database server.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { RunningServer, StartOptions } from '../../server/start.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import type { BoardStore } from '../../server/storage/store.ts';
import { bearer, removeDir, startTestServer, type TestClient, tempDataDir, wsUrl } from '../helpers/server.ts';
import { type ChildServer, freePort, startChildServer } from '../integration/reliability-support.ts';

export interface Cluster {
  servers: RunningServer[];
  /** The store every server writes. */
  store: BoardStore;
  close(): Promise<void>;
}

/** A store's every method but `close`, which the cluster does once for all its servers. */
function sharedView(store: BoardStore): BoardStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'close') return async () => {};
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export async function startInProcessCluster(
  redisUrl: string,
  count: number,
  options: Partial<StartOptions> = {},
): Promise<Cluster> {
  const storeDir = tempDataDir();
  const store = openSqliteStore({ dataDir: storeDir });
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  for (let i = 0; i < count; i++) {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    servers.push(await startTestServer({ dataDir, redisUrl, ...options, wrapStore: () => sharedView(store) }));
  }
  return {
    servers,
    store,
    async close() {
      await Promise.all(servers.map((server) => server.close()));
      await store.close();
      for (const dir of [storeDir, ...dirs]) removeDir(dir);
    },
  };
}

/** The board's document as `store` holds it. */
export async function storedDoc(store: BoardStore, boardId: string): Promise<Y.Doc> {
  const { updates } = await store.loadBoard(boardId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc;
}

/** The status of a server's readiness check (what a balancer polls). */
export async function readiness(url: string): Promise<number> {
  return (await fetch(`${url}/api/ready`)).status;
}

/** Polls an asynchronous check until it holds (or throws with `what` after `timeoutMs`). */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Processes {
  urls: string[];
  children: ChildServer[];
  /** kill -9 of one process; resolves once it is gone. */
  kill(index: number): Promise<void>;
  /** SIGTERM to every process still running; resolves once all have exited. */
  close(): Promise<void>;
}

/**
 * `count` real server processes (`node server/main.ts`, as `npm run serve` runs it)
 * on one PostgreSQL database and one Redis, each on its own port and data folder.
 */
export async function startProcesses(
  count: number,
  env: { DATABASE_URL: string; REDIS_URL: string } & Record<string, string>,
): Promise<Processes> {
  const dirs = Array.from({ length: count }, () => tempDataDir());
  const ports = await Promise.all(dirs.map(() => freePort()));
  const children = await Promise.all(dirs.map((dir, i) => startChildServer(dir, ports[i] as number, env)));
  const stop = async (child: ChildServer, signal: NodeJS.Signals) => {
    if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill(signal);
    await child.exited;
  };
  return {
    urls: children.map((child) => child.url),
    children,
    kill: (index) => stop(children[index] as ChildServer, 'SIGKILL'),
    async close() {
      await Promise.all(children.map((child) => stop(child, 'SIGTERM')));
      for (const dir of dirs) removeDir(dir);
    },
  };
}

/** Points a client at another process and reconnects it, as a balancer does after a failure. */
export function moveClient(client: TestClient, url: string): void {
  client.provider.disconnect();
  client.provider.serverUrl = wsUrl(url);
  client.provider.connect();
}

/** Resolves with the reason of the first "permission denied" auth message on `socket`. */
export function permissionDenied(socket: import('ws').WebSocket): Promise<string> {
  return new Promise((resolve) =>
    socket.on('message', (data: Buffer) => {
      if (data[0] === 2 && data[1] === 0) resolve(data.subarray(3).toString());
    }),
  );
}

/** A y-websocket update frame carrying `update`, as a forged client sends it. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** PATCH /api/boards/:id as the facilitator. */
export const patchBoard = (url: string, boardId: string, body: object) =>
  fetch(`${url}/api/boards/${boardId}`, {
    method: 'PATCH',
    headers: { ...bearer(boardId), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
