/**
 * What the tests of several server processes share (README "Running on several
 * machines"): servers on one store and one Redis, and what each has of a board.
 *
 * `startInProcessCluster` runs the servers in this process, on one SQLite store
 * handed to each through startServer's `wrapStore`: every server keeps its own
 * rooms and relay connections exactly as separate processes do, without a
 * shared database server.
 */
import * as Y from 'yjs';
import type { RunningServer, StartOptions } from '../../server/start.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import type { BoardStore } from '../../server/storage/store.ts';
import { removeDir, startTestServer, tempDataDir } from '../helpers/server.ts';

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
