/**
 * One open board's end of its relay channel in this process (README "Running
 * on several machines"). It numbers what this room publishes, drops what comes
 * back from this process, and watches every other publisher's numbers: a gap
 * means a lost message, and the room then catches up from storage. Messages
 * that arrive before the room has loaded wait here, in order.
 *
 * The first number heard of a publisher is its baseline, not a gap: the room
 * reads the board from storage only after Redis confirmed the channel's
 * subscription (RedisRelay.join; a later confirmation makes it catch up), and
 * whatever a publisher sent before that was stored before it was published
 * (updates, and the lock, links and deletion the announcements tell of), so
 * the room's load has it (presence is not stored, and no catch-up brings it:
 * y-protocols clients renew theirs every 15 s). A publisher that lost a
 * message of its own (its Redis connection dropped) sends a `tick` as its next
 * one: heard first, that is a possible loss after our subscription, and the
 * room catches up.
 */
import type { RelayEvent, RelayMessage } from './relay-message.ts';

/** What a room does with what other processes tell it. */
export interface RelayListener {
  event(event: RelayEvent): void;
  /** Messages may have been lost (a gap, a reconnect to Redis): the room reloads what it lacks from storage. */
  missed(): void;
}

export interface ChannelTransport {
  send(boardId: string, message: RelayMessage): void;
  leave(channel: BoardChannel): void;
}

export class BoardChannel {
  private counter = 0;
  private listener: RelayListener | undefined;
  private waiting: RelayEvent[] = [];
  private missedBeforeAttach = false;
  /** The last counter seen of each other publisher. */
  private readonly lastSeen = new Map<string, number>();

  readonly boardId: string;
  /** This process's room of the board, as others see it; `processId/…` so our own messages are known. */
  readonly publisher: string;
  private readonly processId: string;
  private readonly transport: ChannelTransport;

  constructor(boardId: string, processId: string, nonce: string, transport: ChannelTransport) {
    this.boardId = boardId;
    this.processId = processId;
    this.publisher = `${processId}/${nonce}`;
    this.transport = transport;
  }

  /** Hands events to the room from now on, first those that arrived while it loaded. */
  attach(listener: RelayListener): void {
    this.listener = listener;
    const waiting = this.waiting;
    this.waiting = [];
    for (const event of waiting) listener.event(event);
    if (this.missedBeforeAttach) listener.missed();
    this.missedBeforeAttach = false;
  }

  publish(event: RelayEvent): void {
    this.transport.send(this.boardId, { publisher: this.publisher, counter: ++this.counter, event });
  }

  /** A message from the channel (every process's, ours included). */
  receive({ publisher, counter, event }: RelayMessage): void {
    if (publisher.startsWith(`${this.processId}/`)) return;
    // An uncounted tick: a process that could not announce a lock, a rotation or a deletion asks
    // everyone to read the board's lock, links and existence again (RedisRelay.announce).
    if (counter === 0 && event.kind === 'tick') {
      this.missed();
      return;
    }
    if (counter > 0) {
      const last = this.lastSeen.get(publisher);
      this.lastSeen.set(publisher, counter);
      // A first message is a baseline (see above), unless it is the tick of a publisher that may have lost some.
      if (last === undefined ? event.kind === 'tick' && counter > 1 : counter !== last + 1) this.missed();
    }
    if (this.listener) this.listener.event(event);
    else this.waiting.push(event);
  }

  missed(): void {
    if (this.listener) this.listener.missed();
    else this.missedBeforeAttach = true;
  }

  /** Stops listening (the room unloads); a later room of the board gets a new channel. */
  leave(): void {
    this.listener = undefined;
    this.waiting = [];
    this.transport.leave(this);
  }
}
