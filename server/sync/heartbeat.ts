/**
 * The heartbeat that lets a client notice a dead network within seconds
 * (README "Sync", weak networks): one server-wide interval sends every open
 * socket an empty awareness update — 3 bytes the stock y-websocket client
 * applies as a no-op but counts as "a message arrived". Clients treat 2.5 s of
 * silence as a lost connection (client/sync/reconnect.ts). Nothing is expected
 * back, so a client that never answers costs nothing new; a socket with unsent
 * data is skipped (data is on its way, and a dead one should not pile up beats).
 */
import type { WebSocketServer } from 'ws';
import { MESSAGE_AWARENESS } from './protocol.ts';

export const HEARTBEAT_INTERVAL_MS = 1_000;

/** varUint(awareness) + varUint8Array(an awareness update of 0 entries). */
export const HEARTBEAT_MESSAGE: Uint8Array = Uint8Array.of(MESSAGE_AWARENESS, 1, 0);

/** Starts beating for all of `wss`'s sockets; stops when `wss` closes. */
export function startHeartbeat(wss: WebSocketServer, intervalMs = HEARTBEAT_INTERVAL_MS): void {
  const beat = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState === socket.OPEN && socket.bufferedAmount === 0) socket.send(HEARTBEAT_MESSAGE);
    }
  }, intervalMs);
  beat.unref();
  wss.once('close', () => clearInterval(beat));
}
