/**
 * A room's presence (y-protocols awareness): who is here, cursors, selections.
 *
 * Relays are coalesced: changes are collected and sent to every peer as one
 * message at most every `intervalMs` (the first after a quiet spell goes out at
 * once). With N people moving cursors the server would otherwise send N²
 * messages a second; coalesced, each peer gets at most 1000 / intervalMs.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwareness } from './protocol.ts';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Presence {
  /** The awareness needs a Y.Doc only for its own client id; this one stays empty. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly changed = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = 0;

  private readonly intervalMs: number;
  private readonly broadcast: (message: Uint8Array) => void;

  /** `onChange` sees every change with its origin (the peer that sent it), before it is relayed. */
  constructor(
    intervalMs: number,
    broadcast: (message: Uint8Array) => void,
    onChange: (change: AwarenessChange, origin: unknown) => void,
  ) {
    this.intervalMs = intervalMs;
    this.broadcast = broadcast;
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => {
      onChange(change, origin);
      for (const id of [...change.added, ...change.updated, ...change.removed]) this.changed.add(id);
      this.schedule();
    });
  }

  apply(update: Uint8Array, origin: unknown): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
  }

  remove(clientIds: number[]): void {
    if (clientIds.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clientIds, null);
  }

  /** Every current state, for a peer that joins or asks. */
  snapshot(): Uint8Array | undefined {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwareness(this.awareness, ids) : undefined;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    this.lastFlush = performance.now();
    if (this.changed.size === 0) return;
    const message = encodeAwareness(this.awareness, [...this.changed]);
    this.changed.clear();
    this.broadcast(message);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.awareness.destroy();
  }
}
