/**
 * One WebSocket in a room: turns socket events into room calls and guards the
 * server against dead, slow, flooding and misbehaving clients.
 */
import type { WebSocket } from 'ws';
import type { Role } from '../../shared/roles.ts';
import type { Logger } from '../log/logger.ts';
import {
  CLOSE_INTERNAL_ERROR,
  CLOSE_MALFORMED,
  CLOSE_ROOM_FAILED,
  CLOSE_TOO_MANY_MESSAGES,
  CLOSE_TOO_SLOW,
  type SyncLimits,
} from './limits.ts';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, ProtocolError } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';
import type { Peer, Room } from './room.ts';
import { countClose, type SyncStats } from './stats.ts';

export interface ConnectionLimits
  extends Pick<SyncLimits, 'updateBurst' | 'updatesPerSecond' | 'awarenessBurst' | 'awarenessPerSecond'> {
  /** A socket that has not answered a ping within this time is dropped. */
  pingIntervalMs: number;
  /** A client whose unsent backlog exceeds this is dropped; it reconnects and resyncs. */
  maxBufferedBytes: number;
}

/** How long a client dropped for its backlog gets to read our close frame before the socket is cut. */
const SLOW_CLOSE_GRACE_MS = 1_000;

/** The WebSocket protocol allows 123 bytes of close reason; ws throws on more. */
const MAX_CLOSE_REASON_BYTES = 123;

/**
 * Cuts a close reason to what a close frame can carry, at a character boundary.
 * Reasons quote client input (a root or card name), and one too long would
 * otherwise throw out of the message handler.
 */
export function fitCloseReason(reason: string): string {
  const bytes = Buffer.from(reason);
  if (bytes.length <= MAX_CLOSE_REASON_BYTES) return reason;
  let end = MAX_CLOSE_REASON_BYTES;
  // A continuation byte (10xxxxxx) right after the cut means the cut splits a character.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString();
}

/**
 * Attaches a socket to the room that `room` resolves to. Messages that arrive
 * while the room is loading are buffered and handled in order once it is ready.
 */
export function attachConnection(
  socket: WebSocket,
  role: Role,
  room: Promise<Room>,
  limits: ConnectionLimits,
  stats: SyncStats,
  /** Bound to the board and the client address (see ws-endpoint.ts): every close we make is logged. */
  log: Logger,
  /** The hash of the token it connected with (see Peer.tokenHash). */
  tokenHash?: string,
): void {
  const early: Uint8Array[] = [];
  let joined: Room | undefined;
  let alive = true;
  const documentBudget = new TokenBucket(limits.updateBurst, limits.updatesPerSecond);
  const presenceBudget = new TokenBucket(limits.awarenessBurst, limits.awarenessPerSecond);
  stats.connections++;
  let refusals = 0;

  /** Closes the connection for a reason of ours, with one log line (code and reason, never client bytes beyond it). */
  const closeWith = (code: number, reason: string) => {
    const fitted = fitCloseReason(reason);
    log.warn({ event: 'ws.closed', code, reason: fitted }, `closed a connection: ${code} ${fitted}`);
    countClose(stats, code);
    socket.close(code, fitted);
  };

  const peer: Peer = {
    role,
    tokenHash,
    send(message) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > limits.maxBufferedBytes) {
        stats.refused++;
        closeWith(CLOSE_TOO_SLOW, 'client too slow, reconnect to resync');
        // A client that does not read will not read the close frame either: cut it so its
        // backlog is freed now rather than after ws's 30 s closing timeout.
        setTimeout(() => socket.terminate(), SLOW_CLOSE_GRACE_MS).unref();
        return;
      }
      socket.send(message);
    },
    close(code, reason) {
      closeWith(code, reason);
    },
    refused(reason) {
      // The first refusal of a connection is logged; a client that keeps sending would flood the log.
      refusals++;
      if (refusals === 1) log.warn({ event: 'ws.update-refused', reason }, `refused an update: ${reason}`);
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
      if (error instanceof ProtocolError) {
        peer.close(CLOSE_MALFORMED, error.message);
        return;
      }
      // A fault of ours must cost this client its connection, never the process every board runs in.
      log.error({ event: 'ws.internal-error', err: error }, 'closing a connection after an internal error');
      peer.close(CLOSE_INTERNAL_ERROR, 'internal error; reconnect to resync');
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
      closeWith(CLOSE_MALFORMED, 'expected binary y-websocket messages');
      return;
    }
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!withinBudget(bytes)) {
      stats.refused++;
      closeWith(CLOSE_TOO_MANY_MESSAGES, 'too many messages, slow down; reconnect to resync');
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
    if (refusals > 1) {
      log.warn(
        { event: 'ws.update-refused', count: refusals },
        `refused ${refusals} updates in all on this connection`,
      );
    }
    joined?.leave(peer);
    joined = undefined;
  });
  socket.on('error', () => socket.terminate());

  room.then(
    (loaded) => {
      if (socket.readyState !== socket.OPEN) {
        // Gone while the board loaded: pass through the room so that, left empty, it unloads.
        loaded.join(peer);
        loaded.leave(peer);
        return;
      }
      joined = loaded;
      loaded.join(peer);
      for (const bytes of early.splice(0)) handle(bytes);
    },
    (error: Error) => peer.close(CLOSE_ROOM_FAILED, `board could not be loaded: ${error.message}`),
  );
}
