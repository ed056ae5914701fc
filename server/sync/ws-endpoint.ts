/**
 * The WebSocket endpoint `/ws/:boardId`. Upgrades are handled on the Node
 * server directly with `ws`, which gives the room the raw socket it needs for
 * pings, backpressure and a payload limit enforced before a message is buffered.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WS_PATH } from '../../shared/api.ts';
import { BOARD_ID_PATTERN } from '../../shared/ids.ts';
import type { Role } from '../../shared/roles.ts';
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
  /**
   * The role a connection writes with. Until boards have role tokens (README "Sync"),
   * whoever has the link is the board's facilitator; tests pass their own.
   */
  roleOf?: (request: IncomingMessage) => Role;
}

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
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const boardId = path.startsWith(prefix) ? path.slice(prefix.length) : '';
    if (!BOARD_ID_PATTERN.test(boardId)) {
      refuse(socket, 404, 'Not Found', 'no board with this id');
      return;
    }
    if (deps.rooms.coolingDown(boardId)) {
      refuse(socket, 503, 'Service Unavailable', 'storage is unavailable, edits kept locally; try again shortly');
      return;
    }
    deps.store.getBoard(boardId).then(
      (board) => {
        if (!board) {
          refuse(socket, 404, 'Not Found', 'no board with this id');
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) =>
          attachConnection(
            ws,
            deps.rooms.open(boardId),
            deps.connection,
            deps.stats,
            deps.log,
            deps.roleOf?.(request) ?? 'facilitator',
          ),
        );
      },
      () => refuse(socket, 503, 'Service Unavailable', 'storage is unavailable'),
    );
  });
  return wss;
}
