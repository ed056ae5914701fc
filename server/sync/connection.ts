/**
 * One WebSocket in a room: turns socket events into room calls and guards the
 * server against dead, slow, flooding and misbehaving clients.
 */
import type { WebSocket } from 'ws';
import {
  CLOSE_MALFORMED,
  CLOSE_ROOM_FAILED,
  CLOSE_TOO_MANY_MESSAGES,
  CLOSE_TOO_SLOW,
  type SyncLimits,
} from './limits.ts';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, ProtocolError } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';
import type { Peer, Room } from './room.ts';
import type { SyncStats } from './stats.ts';

export interface ConnectionLimits
  extends Pick<SyncLimits, 'updateBurst' | 'updatesPerSecond' | 'awarenessBurst' | 'awarenessPerSecond'> {
  /** A socket that has not answered a ping within this time is dropped. */
  pingIntervalMs: number;
  /** A client whose unsent backlog exceeds this is dropped; it reconnects and resyncs. */
  maxBufferedBytes: number;
}

/** How long a client dropped for its backlog gets to read our close frame before the socket is cut. */
const SLOW_CLOSE_GRACE_MS = 1_000;

/**
 * Attaches a socket to the room that `room` resolves to. Messages that arrive
 * while the room is loading are buffered and handled in order once it is ready.
 */
export function attachConnection(
  socket: WebSocket,
  room: Promise<Room>,
  limits: ConnectionLimits,
  stats: SyncStats,
): void {
  const early: Uint8Array[] = [];
  let joined: Room | undefined;
  let alive = true;
  const documentBudget = new TokenBucket(limits.updateBurst, limits.updatesPerSecond);
  const presenceBudget = new TokenBucket(limits.awarenessBurst, limits.awarenessPerSecond);
  stats.connections++;

  const peer: Peer = {
    send(message) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > limits.maxBufferedBytes) {
        stats.refused++;
        socket.close(CLOSE_TOO_SLOW, 'client too slow, reconnect to resync');
        // A client that does not read will not read the close frame either: cut it so its
        // backlog is freed now rather than after ws's 30 s closing timeout.
        setTimeout(() => socket.terminate(), SLOW_CLOSE_GRACE_MS).unref();
        return;
      }
      socket.send(message);
    },
    close(code, reason) {
      socket.close(code, reason);
    },
  };

  const handle = (bytes: Uint8Array) => {
    if (socket.readyState !== socket.OPEN) return;
    if (!joined) {
      early.push(bytes);
      return;
    }
    try {
      joined.receive(peer, bytes);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      socket.close(CLOSE_MALFORMED, error.message.slice(0, 120));
    }
  };

  /** Presence and document messages have separate budgets, so cursor moves never cost edits. */
  const withinBudget = (bytes: Uint8Array) =>
    bytes[0] === MESSAGE_AWARENESS || bytes[0] === MESSAGE_QUERY_AWARENESS
      ? presenceBudget.take()
      : documentBudget.take();

  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (socket.readyState !== socket.OPEN) return;
    if (!isBinary) {
      socket.close(CLOSE_MALFORMED, 'expected binary y-websocket messages');
      return;
    }
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!withinBudget(bytes)) {
      stats.refused++;
      socket.close(CLOSE_TOO_MANY_MESSAGES, 'too many messages, slow down; reconnect to resync');
      return;
    }
    handle(bytes);
  });
  socket.on('pong', () => {
    alive = true;
  });
  const ping = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, limits.pingIntervalMs);

  socket.on('close', () => {
    clearInterval(ping);
    stats.connections--;
    joined?.leave(peer);
    joined = undefined;
  });
  socket.on('error', () => socket.terminate());

  room.then(
    (loaded) => {
      if (socket.readyState !== socket.OPEN) return;
      joined = loaded;
      loaded.join(peer);
      for (const bytes of early.splice(0)) handle(bytes);
    },
    (error: Error) => socket.close(CLOSE_ROOM_FAILED, `board could not be loaded: ${error.message}`.slice(0, 120)),
  );
}
