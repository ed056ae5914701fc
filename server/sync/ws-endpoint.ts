/**
 * The WebSocket endpoint `/ws/:boardId`. Upgrades are handled on the Node
 * server directly with `ws`, which gives the room the raw socket it needs for
 * pings, backpressure and a payload limit enforced before a message is buffered.
 * Before any sync, an upgrade is checked against the Origin (403), the
 * per-address and per-board connection caps (429), too many wrong tokens from
 * the address (429), the board and its token (404/401/403); every refusal is
 * logged, never with the query string.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WS_PATH } from '../../shared/api.ts';
import { BOARD_ID_PATTERN } from '../../shared/ids.ts';
import { isRefusal, REFUSED, resolveAccess } from '../auth/board-access.ts';
import { originAllowed } from '../auth/origin.ts';
import { hashToken } from '../auth/tokens.ts';
import type { AddressLimits } from '../http/address-limits.ts';
import { addressKey, clientAddress } from '../http/client-address.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';
import { attachConnection, type ConnectionLimits } from './connection.ts';
import { startHeartbeat } from './heartbeat.ts';
import type { RoomRegistry } from './room-registry.ts';
import type { SyncStats } from './stats.ts';

export interface WsEndpointDeps {
  store: BoardStore;
  rooms: RoomRegistry;
  /** Larger messages close the connection with 1009 (ws's "message too big"). */
  maxMessageBytes: number;
  connection: ConnectionLimits;
  stats: SyncStats;
  log: Logger;
  /** Origins besides the server's own whose pages may open a board's socket (ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[];
  addressLimits: AddressLimits;
  /** See TRUST_PROXY: how many proxies in front append to X-Forwarded-For. */
  trustProxy: number;
}

/** What a client at a connection cap is told to wait before trying again (the cap frees as others leave). */
const CONNECTION_CAP_RETRY_SECONDS = 10;

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

interface Refusal {
  status: number;
  error: string;
  retryAfterSeconds?: number;
}

/** Answers a refused upgrade as the HTTP API would: a status and a JSON `{ error }` body. */
function refuse(socket: Duplex, { status, error, retryAfterSeconds }: Refusal): void {
  const body = JSON.stringify({ error });
  const retry = retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Forbidden'}\r\nContent-Type: application/json\r\n${retry}` +
      `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function attachWsEndpoint(server: Server, deps: WsEndpointDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes });
  const prefix = `${WS_PATH}/`;
  const { wsPerAddress, wsPerBoard, settings } = deps.addressLimits;
  startHeartbeat(wss);

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], deps.trustProxy);
    const key = addressKey(address);
    // The query string carries the token: it is read here and never logged.
    const url = new URL(request.url ?? '/', 'http://localhost');
    const boardId = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
    const validId = BOARD_ID_PATTERN.test(boardId);
    const log = deps.log.child({ board: validId ? boardId : undefined, address });

    let held = 0; // 1: a per-address slot, 2: and a per-board slot
    const release = () => {
      if (held >= 1) wsPerAddress.release(key);
      if (held >= 2) wsPerBoard.release(boardId);
      held = 0;
    };
    const refuseAndLog = (refusal: Refusal) => {
      release();
      log.warn(
        { event: 'ws.refused', status: refusal.status, path: validId ? undefined : url.pathname.slice(0, 200) },
        `refused a WebSocket upgrade: ${refusal.status} ${refusal.error}`,
      );
      refuse(socket, refusal);
    };

    // A page on another site could otherwise open the board in its visitor's browser and read it.
    if (!originAllowed(request.headers.origin, request.headers.host, deps.allowedOrigins)) {
      return refuseAndLog({ status: 403, error: 'WebSocket connections from this origin are not allowed' });
    }
    if (!validId) return refuseAndLog(REFUSED.noBoard);
    // Counted now, not once the board is read: upgrades arriving together must all see each other.
    if (!wsPerAddress.acquire(key)) {
      return refuseAndLog({
        status: 429,
        error: `too many connections from this address (at most ${settings.wsPerAddress})`,
        retryAfterSeconds: CONNECTION_CAP_RETRY_SECONDS,
      });
    }
    held = 1;
    // Freed when the socket closes, however that happens (a refusal, a failed handshake, the client leaving).
    socket.once('close', release);
    if (!wsPerBoard.acquire(boardId)) {
      return refuseAndLog({
        status: 429,
        error: `too many connections to this board (at most ${settings.wsPerBoard})`,
        retryAfterSeconds: CONNECTION_CAP_RETRY_SECONDS,
      });
    }
    held = 2;
    if (deps.rooms.coolingDown(boardId)) {
      return refuseAndLog({ status: 503, error: 'storage is unavailable, edits kept locally; try again shortly' });
    }
    const { failedAuth } = deps.addressLimits;
    const wait = failedAuth.blocked(address);
    if (wait > 0) {
      return refuseAndLog({
        status: 429,
        error: `too many wrong tokens from this address; try again in ${wait} s`,
        retryAfterSeconds: wait,
      });
    }
    resolveAccess(deps.store, boardId, url.searchParams.get('token') ?? undefined).then(
      (access) => {
        if (access === REFUSED.badToken) failedAuth.note(address);
        if (isRefusal(access)) return refuseAndLog(access);
        if (socket.destroyed) return release();
        wss.handleUpgrade(request, socket, head, (ws) => {
          log.info({ event: 'ws.connected', role: access.role }, 'WebSocket connected');
          const tokenHash = hashToken(url.searchParams.get('token') ?? '');
          attachConnection(ws, access.role, deps.rooms.open(boardId), deps.connection, deps.stats, log, tokenHash);
        });
      },
      () => refuseAndLog({ status: 503, error: 'storage is unavailable' }),
    );
  });
  return wss;
}
