/**
 * The WebSocket endpoint `/ws/:boardId`. Upgrades are handled on the Node
 * server directly with `ws`, which gives the room the raw socket it needs for
 * pings, backpressure and a payload limit enforced before a message is buffered.
 * Before any sync, an upgrade is checked against the per-address and per-board
 * connection caps (429) and the board's existence (404); every refusal is logged.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WS_PATH } from '../../shared/api.ts';
import { BOARD_ID_PATTERN } from '../../shared/ids.ts';
import type { AddressLimits } from '../http/address-limits.ts';
import { addressKey, clientAddress } from '../http/client-address.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';
import { attachConnection, type ConnectionLimits } from './connection.ts';
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
  addressLimits: AddressLimits;
  /** See TRUST_PROXY: how many proxies in front append to X-Forwarded-For. */
  trustProxy: number;
}

/** What a client at a connection cap is told to wait before trying again (the cap frees as others leave). */
const CONNECTION_CAP_RETRY_SECONDS = 10;

interface Refusal {
  status: number;
  statusText: string;
  error: string;
  retryAfterSeconds?: number;
}

/** Answers a refused upgrade as the HTTP API would: a status and a JSON `{ error }` body. */
function refuse(socket: Duplex, { status, statusText, error, retryAfterSeconds }: Refusal): void {
  const body = JSON.stringify({ error });
  const retry = retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`;
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: application/json\r\n${retry}` +
      `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const NOT_FOUND: Refusal = { status: 404, statusText: 'Not Found', error: 'no board with this id' };

export function attachWsEndpoint(server: Server, deps: WsEndpointDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes });
  const prefix = `${WS_PATH}/`;
  const { wsPerAddress, wsPerBoard } = deps.addressLimits;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], deps.trustProxy);
    const key = addressKey(address);
    // The path only: the query string may carry a token and is never logged.
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const boardId = path.startsWith(prefix) ? path.slice(prefix.length) : '';
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
        { event: 'ws.refused', status: refusal.status, path: validId ? undefined : path.slice(0, 200) },
        `refused a WebSocket upgrade: ${refusal.status} ${refusal.error}`,
      );
      refuse(socket, refusal);
    };

    if (!validId) return refuseAndLog(NOT_FOUND);
    // Counted now, not once the board is read: upgrades arriving together must all see each other.
    if (!wsPerAddress.acquire(key)) {
      return refuseAndLog({
        status: 429,
        statusText: 'Too Many Requests',
        error: `too many connections from this address (at most ${deps.addressLimits.settings.wsPerAddress})`,
        retryAfterSeconds: CONNECTION_CAP_RETRY_SECONDS,
      });
    }
    held = 1;
    // Freed when the socket closes, however that happens (a refusal, a failed handshake, the client leaving).
    socket.once('close', release);
    if (!wsPerBoard.acquire(boardId)) {
      return refuseAndLog({
        status: 429,
        statusText: 'Too Many Requests',
        error: `too many connections to this board (at most ${deps.addressLimits.settings.wsPerBoard})`,
        retryAfterSeconds: CONNECTION_CAP_RETRY_SECONDS,
      });
    }
    held = 2;
    if (deps.rooms.coolingDown(boardId)) {
      return refuseAndLog({
        status: 503,
        statusText: 'Service Unavailable',
        error: 'storage is unavailable, edits kept locally; try again shortly',
      });
    }
    deps.store.getBoard(boardId).then(
      (board) => {
        if (!board) return refuseAndLog(NOT_FOUND);
        if (socket.destroyed) return release();
        wss.handleUpgrade(request, socket, head, (ws) => {
          log.info({ event: 'ws.connected' }, 'WebSocket connected');
          attachConnection(ws, deps.rooms.open(boardId), deps.connection, deps.stats, log);
        });
      },
      () => refuseAndLog({ status: 503, statusText: 'Service Unavailable', error: 'storage is unavailable' }),
    );
  });
  return wss;
}
