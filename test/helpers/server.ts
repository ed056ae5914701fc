/** Test harness: a real server on a free port with a temp DATA_DIR, and real y-websocket clients. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { silentLogger } from '../../server/log/logger.ts';
import { type RunningServer, type StartOptions, startServer } from '../../server/start.ts';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import type { CreatedBoard } from '../../shared/api.ts';
import type { BoardTokens, Role } from '../../shared/roles.ts';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'samtavla-test-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function startTestServer(options: Partial<StartOptions> & { dataDir: string }): Promise<RunningServer> {
  return startServer({ port: 0, log: silentLogger(), ...options });
}

/**
 * The tokens of every board the tests created, by board id, so that helpers can
 * connect and call the API as a role without each test passing tokens around.
 */
const knownTokens = new Map<string, BoardTokens>();

/** Remembers a board's tokens (boards made by import or the CLI); returns the board. */
export function rememberBoard<T extends { id: string; tokens: BoardTokens }>(board: T): T {
  knownTokens.set(board.id, board.tokens);
  return board;
}

/** A remembered board's token for `role` (facilitator by default); '' for a board the tests never made. */
export const tokenFor = (boardId: string, role: Role = 'facilitator'): string => knownTokens.get(boardId)?.[role] ?? '';

/** `url` with the board's token for `role` as `?token=` (REST accepts it as curl would send it). */
export function withToken(url: string, boardId: string, role: Role = 'facilitator'): string {
  return `${url}${url.includes('?') ? '&' : '?'}token=${tokenFor(boardId, role)}`;
}

/** An `Authorization` header with the board's token for `role`. */
export const bearer = (boardId: string, role: Role = 'facilitator'): Record<string, string> => ({
  authorization: `Bearer ${tokenFor(boardId, role)}`,
});

export async function createBoard(
  baseUrl: string,
  body: { title: string; templateId: string } = { title: 'Samverkansplan Heby 2025', templateId: 'hsvo-2024-2026' },
): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  return rememberBoard((await response.json()) as CreatedBoard);
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  destroy(): void;
}

export const wsUrl = (baseUrl: string): string => `${baseUrl.replace(/^http/, 'ws')}/ws`;

export interface RawSocket {
  socket: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}

/** The WebSocket URL of a board with the token of `role` (or an explicit token). */
export const boardSocketUrl = (baseUrl: string, boardId: string, role: Role | { token: string } = 'facilitator') =>
  `${wsUrl(baseUrl)}/${boardId}?token=${typeof role === 'string' ? tokenFor(boardId, role) : role.token}`;

/** What `edit` changes in a copy of `doc`, as one update: a forged edit for a raw socket to send. */
export function editOfCopy(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  copy.on('update', (update: Uint8Array) => updates.push(update));
  edit(copy);
  return Y.mergeUpdates(updates);
}

/** Sends `edit` of a copy of `doc` as `role` over a raw socket: resolves with the code the server closes it with. */
export async function forgedCloseCode(
  baseUrl: string,
  boardId: string,
  doc: Y.Doc,
  edit: (copy: Y.Doc) => void,
  role: Role = 'participant',
): Promise<number> {
  const update = editOfCopy(doc, edit);
  const { socket, closed } = await rawSocket(baseUrl, boardId, role);
  socket.send(encodeUpdate(update));
  return (await closed).code;
}

/** A raw WebSocket to a board, resolved once open, with how the server closed it. */
export function rawSocket(
  baseUrl: string,
  boardId: string,
  role: Role | { token: string } = 'facilitator',
): Promise<RawSocket> {
  const socket = new WebSocket(boardSocketUrl(baseUrl, boardId, role));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, closed }));
    // Kept for the socket's life: an error after opening (a reset) must not go unhandled.
    socket.on('error', reject);
  });
}

/**
 * What the server answers to a WebSocket upgrade, as status and body. A plain HTTP
 * request, because ws reports an aborted handshake as an 'error' event after the
 * test has moved on, which vitest counts as an unhandled error.
 */
export function upgradeAnswer(
  url: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const upgrade = request(url.replace(/^ws/, 'http'), {
      headers: {
        ...extraHeaders,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
      },
    });
    upgrade.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: 101, body: '', headers: response.headers });
    });
    upgrade.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    upgrade.on('error', reject);
    upgrade.end();
  });
}

/** A stock y-websocket client in Node, as a browser would connect (BroadcastChannel off: one process). */
export function connectClient(
  baseUrl: string,
  boardId: string,
  doc = new Y.Doc(),
  role: Role | { token: string } = 'facilitator',
): TestClient {
  const token = typeof role === 'string' ? tokenFor(boardId, role) : role.token;
  const provider = new WebsocketProvider(wsUrl(baseUrl), boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` returns true (or throws with `what` after `timeoutMs`). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** JSON with object keys sorted, so equal content compares equal whatever the insertion order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** The doc's whole content, to compare documents between clients. */
export const docContent = (doc: Y.Doc): string =>
  stableJson({
    meta: doc.getMap('meta').toJSON(),
    cards: doc.getMap('cards').toJSON(),
    canvas: doc.getMap('canvas').toJSON(),
  });

/**
 * A fresh server with its own data directory for every test of the calling file,
 * plus the clients the test opened, all closed after each test. `options` may be
 * made anew for each test (a fresh PostgreSQL database, say).
 */
export function serverPerTest(optionsOf: Partial<StartOptions> | (() => Promise<Partial<StartOptions>>) = {}) {
  let options: Partial<StartOptions> = {};
  const context = {
    dataDir: '',
    server: undefined as unknown as RunningServer,
    clients: [] as TestClient[],
    /** A client on `boardId` (as `role`, facilitator by default) that is destroyed after the test. */
    client(boardId: string, role: Role | { token: string } = 'facilitator'): TestClient {
      const c = connectClient(context.server.url, boardId, new Y.Doc(), role);
      context.clients.push(c);
      return c;
    },
    /** Restarts the server on the same data directory (clients are destroyed first). */
    async restart(overrides: Partial<StartOptions> = {}): Promise<void> {
      for (const c of context.clients.splice(0)) c.destroy();
      await context.server.close();
      context.server = await startTestServer({ ...options, ...overrides, dataDir: context.dataDir });
    },
  };
  beforeEach(async () => {
    options = typeof optionsOf === 'function' ? await optionsOf() : optionsOf;
    context.dataDir = tempDataDir();
    context.server = await startTestServer({ ...options, dataDir: context.dataDir });
  });
  afterEach(async () => {
    for (const c of context.clients.splice(0)) c.destroy();
    await context.server.close();
    removeDir(context.dataDir);
  });
  return context;
}
