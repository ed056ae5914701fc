/**
 * The Node server's own limits (README "Limits"), from raw TCP sockets: a
 * request whose headers never finish is answered 408 and closed once the
 * configured time has passed (not after Node's default 60 s plus its 30 s
 * check interval), and past the connection cap a new socket is closed at once
 * while /api/health answers again as soon as a slot is free.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/server.ts';

let server: RunningServer | undefined;
let dataDir = '';
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = undefined;
  removeDir(dataDir);
});

async function start(http: Parameters<typeof startTestServer>[0]['http']): Promise<RunningServer> {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir, http });
  return server;
}

interface Watched {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

/** A raw TCP connection that records what arrives and when it closes. */
function openSocket(port: number): Promise<Watched> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return new Promise((resolve) => socket.once('connect', () => resolve({ socket, received: () => received, closed })));
}

describe('a half-open request', () => {
  it('is answered 408 and closed once the header timeout has passed', async () => {
    const { port } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 1_000 });
    const half = await openSocket(port);
    half.socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    await half.closed;
    expect(half.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('is closed the same way on a WebSocket upgrade whose headers never finish', async () => {
    const { port } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 1_000 });
    const half = await openSocket(port);
    half.socket.write('GET /ws/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n');
    await half.closed;
    expect(half.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('with a body that never finishes is answered 408 and closed once the request timeout has passed', async () => {
    const { port } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const half = await openSocket(port);
    half.socket.write(
      'POST /api/boards HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ti',
    );
    await half.closed;
    expect(half.received()).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('the connection cap', () => {
  it('closes sockets past it at once, and /api/health answers once a slot is free', async () => {
    const { port, url } = await start({ maxConnections: 4 });
    const held = await Promise.all([0, 1, 2, 3].map(() => openSocket(port)));
    await waitFor('the server to count the held sockets', () => held.every((h) => !h.socket.destroyed));

    const refused = await openSocket(port);
    await refused.closed;
    expect(refused.received()).toBe('');

    held[0]?.socket.destroy();
    await held[0]?.closed;
    // The server learns of the freed slot when its side of the socket closes: ask until it has.
    let health: Response | undefined;
    for (let attempt = 0; !health && attempt < 50; attempt++) {
      health = await fetch(`${url}/api/health`).catch(() => undefined);
      if (!health) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(health?.status).toBe(200);
  });
});
