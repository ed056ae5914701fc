/** What the reliability tests share: GC, a server in a child process, raw sockets (seeds: ../helpers/random.ts). */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { createCard, getCardText, readCards, setCardText } from '../../shared/card.ts';
import type { TestClient } from '../helpers/server.ts';

/** A full garbage collection, to compare memory before and after without garbage in the way. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port that was free a moment ago (the child server is restarted on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

/**
 * `server/main.ts` in its own process, as `npm run serve` runs it (spawned with
 * this Node directly: npx would add seconds per start).
 */
export async function startChildServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Samtavla is running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it started:\n${output}`)));
  });
  return { url, child, exited };
}

/** Records the close codes the server sent a y-websocket client. */
export function closeCodes(provider: WebsocketProvider): number[] {
  const codes: number[] = [];
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

/** Every token typed on the board: writers type `w1-17;` into their card's activity field. */
export const tokensIn = (doc: Y.Doc): string[] =>
  readCards(doc).flatMap((card) => card.activity.split(';').filter((token) => token.length > 0));

/**
 * A writer types unique tokens (`name-0;`, `name-1;` …) at the end of its own card's activity
 * field, waiting `nextDelay()` ms between two; the tokens go into `written`. Returns the stop.
 */
export function typeTokens(client: TestClient, name: string, nextDelay: () => number, written: string[]): () => void {
  const cardId = createCard(client.doc, { goalId: 'A1', createdBy: name, fields: { title: `Kort ${name}` } });
  let seq = 0;
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const token = `${name}-${seq++}`;
    const current = getCardText(client.doc, cardId, 'activity')?.toString() ?? '';
    setCardText(client.doc, cardId, 'activity', `${current}${token};`);
    written.push(token);
    timer = setTimeout(tick, nextDelay());
  };
  tick();
  return () => clearTimeout(timer);
}
