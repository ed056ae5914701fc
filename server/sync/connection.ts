/**
 * One WebSocket in a room: turns socket events into room calls and guards the
 * server against dead, slow and misbehaving clients.
 */
import type { WebSocket } from 'ws';
import { ProtocolError } from './protocol.ts';
import type { Peer, Room } from './room.ts';

export interface ConnectionLimits {
  /** A socket that has not answered a ping within this time is dropped. */
  pingIntervalMs: number;
  /** A client whose unsent backlog exceeds this is dropped; it reconnects and resyncs. */
  maxBufferedBytes: number;
}

/** Close codes (4000–4999 are ours); reasons are readable for people and logs. */
export const CLOSE_MALFORMED = 1007;
export const CLOSE_TOO_SLOW = 4008;
export const CLOSE_ROOM_FAILED = 1011;

/**
 * Attaches a socket to the room that `room` resolves to. Messages that arrive
 * while the room is loading are buffered and handled in order once it is ready.
 */
export function attachConnection(socket: WebSocket, room: Promise<Room>, limits: ConnectionLimits): void {
  const early: Uint8Array[] = [];
  let joined: Room | undefined;
  let alive = true;

  const peer: Peer = {
    send(message) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > limits.maxBufferedBytes) {
        socket.close(CLOSE_TOO_SLOW, 'client too slow, reconnect to resync');
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

  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) {
      socket.close(CLOSE_MALFORMED, 'expected binary y-websocket messages');
      return;
    }
    handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
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
