/**
 * SIGTERM during a workshop (README "Stopping and upgrading"): the server
 * process stops taking connections, stores every edit it received, closes the
 * board sockets with 1012 "server restarting" and exits 0 well within 10 s.
 * Started again on the same port, it gets the two writers back on their own
 * (the stock provider's back-off), and every token either typed — before,
 * during and after the restart — is on the board exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_SERVER_RESTARTING } from '../../shared/close-codes.ts';
import { connectClient, createBoard, removeDir, type TestClient, tempDataDir, waitFor } from '../helpers/server.ts';
import {
  type ChildServer,
  closeCodes,
  freePort,
  sleep,
  startChildServer,
  tokensIn,
  typeTokens,
} from './reliability-support.ts';

let dataDir: string | undefined;
let server: ChildServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  server?.child.kill('SIGKILL');
  await server?.exited;
  if (dataDir) removeDir(dataDir);
});

describe('stopping the server with SIGTERM during a workshop', () => {
  it('stores what it received, says it restarts, exits 0, and everyone is back with nothing lost', async () => {
    dataDir = tempDataDir();
    const port = await freePort();
    server = await startChildServer(dataDir, port);
    const board = await createBoard(server.url);
    const writers = ['anna', 'bo'].map(() => connectClient(server?.url as string, board.id));
    clients.push(...writers);
    await Promise.all(writers.map((w) => w.synced));
    const codes = writers.map((w) => closeCodes(w.provider));
    const typed: string[] = [];
    const stops = writers.map((w, i) => typeTokens(w, ['anna', 'bo'][i] as string, () => 15, typed));
    await sleep(400);

    const stoppedAt = Date.now();
    const exitCode = new Promise<number | null>((resolve) => server?.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exitCode).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    for (const seen of codes) expect(seen).toContain(CLOSE_SERVER_RESTARTING);

    // They keep typing while the server is away, then it comes back on the same port.
    await sleep(300);
    server = await startChildServer(dataDir, port);
    await waitFor('both writers back', () => writers.every((w) => w.provider.synced), 15_000);
    await sleep(300);
    for (const stop of stops) stop();

    const verifier = connectClient(server.url, board.id);
    clients.push(verifier);
    await verifier.synced;
    await waitFor('every typed token stored', () => tokensIn(verifier.doc).length === typed.length, 15_000);
    const tokens = tokensIn(verifier.doc);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect([...tokens].sort()).toEqual([...typed].sort());
  }, 60_000);
});
