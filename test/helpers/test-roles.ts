/**
 * Connections with a chosen role, until boards have role tokens: the test
 * server reads the role from a request header (StartOptions.peerRole).
 */
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Role } from '../../shared/roles.ts';
import type { RawSocket, TestClient } from './server.ts';
import { wsUrl } from './server.ts';

const ROLE_HEADER = 'x-test-role';

/** StartOptions.peerRole for tests: the header's role, the facilitator without one. */
export const roleFromHeader = (request: IncomingMessage): Role =>
  request.headers[ROLE_HEADER] === 'participant' ? 'participant' : 'facilitator';

/** A raw WebSocket to a board with `role`, resolved once open, with how the server closed it. */
export function rawSocketAs(baseUrl: string, boardId: string, role: Role): Promise<RawSocket> {
  const socket = new WebSocket(`${wsUrl(baseUrl)}/${boardId}`, { headers: { [ROLE_HEADER]: role } });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, closed }));
    socket.on('error', reject);
  });
}

/** A stock y-websocket client with `role` (BroadcastChannel off: one process). */
export function connectClientAs(baseUrl: string, boardId: string, role: Role, doc = new Y.Doc()): TestClient {
  class RoleSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { [ROLE_HEADER]: role } });
    }
  }
  const provider = new WebsocketProvider(wsUrl(baseUrl), boardId, doc, {
    WebSocketPolyfill: RoleSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
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
