/**
 * The WebSocket endpoint `/ws/:boardId`. Upgrades are handled on the Node
 * server directly with `ws`, which gives the room the raw socket it needs for
 * pings, backpressure and a payload limit enforced before a message is buffered.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WS_PATH } from '../../shared/api.ts';
import { isRefusal, resolveAccess } from '../auth/board-access.ts';
import { originAllowed } from '../auth/origin.ts';
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
  log: (message: string) => void;
  /** Origins besides the server's own whose pages may open a board's socket (ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[];
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** Answers a refused upgrade with a plain HTTP error and a JSON `{ error }` body. */
function refuse(socket: Duplex, status: number, statusText: string, error: string): void {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function attachWsEndpoint(server: Server, deps: WsEndpointDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes });
  const prefix = `${WS_PATH}/`;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    const boardId = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
    // A page on another site could otherwise open the board in its visitor's browser and read it.
    if (!originAllowed(request.headers.origin, request.headers.host, deps.allowedOrigins)) {
      refuse(socket, 403, 'Forbidden', 'WebSocket connections from this origin are not allowed');
      return;
    }
    if (deps.rooms.coolingDown(boardId)) {
      refuse(socket, 503, 'Service Unavailable', 'storage is unavailable, edits kept locally; try again shortly');
      return;
    }
    resolveAccess(deps.store, boardId, url.searchParams.get('token') ?? undefined).then(
      (access) => {
        if (isRefusal(access)) {
          refuse(socket, access.status, STATUS_TEXT[access.status] ?? 'Forbidden', access.error);
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) =>
          attachConnection(ws, access.role, deps.rooms.open(boardId), deps.connection, deps.stats, deps.log),
        );
      },
      () => refuse(socket, 503, 'Service Unavailable', 'storage is unavailable'),
    );
  });
  return wss;
}
