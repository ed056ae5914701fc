/**
 * The relay between server processes that serve the same boards (REDIS_URL,
 * README "Running on several machines"): Redis pub/sub, one channel per open
 * board, two connections (a subscribed connection cannot publish).
 *
 * Pub/sub keeps nothing: a message published while a process is disconnected
 * never reaches it. That is why nothing relayed is the only copy (every update
 * is stored before it is published) and why, after any reconnect, every open
 * room catches up from storage: on our subscriber's reconnect directly, on a
 * publisher's reconnect through the gap its `tick` shows in its counter.
 */
import { Redis } from 'ioredis';
import { randomId } from '../../../shared/ids.ts';
import type { Logger } from '../../log/logger.ts';
import { BoardChannel, type ChannelTransport } from './board-channel.ts';
import {
  decodeRelayMessage,
  encodeRelayMessage,
  type RelayEvent,
  type RelayMessage,
  uncountedMessage,
} from './relay-message.ts';

const CHANNEL_PREFIX = 'samtavla:board:';
/** The Redis channel of a board (the command line publishes on it too: announce-once.ts). */
export const relayChannel = (boardId: string): string => CHANNEL_PREFIX + boardId;
/** A subscription that takes longer than this does not hold up a room's load (it then catches up). */
const SUBSCRIBE_WAIT_MS = 1_000;
/** Reconnect attempts back off to this (ioredis retries for ever). */
const MAX_RETRY_MS = 1_000;
/** Boards whose control event could not be published, remembered until the publisher is back. */
const UNANNOUNCED_MAX = 10_000;

export class RedisRelay implements ChannelTransport {
  /** Names this process on every channel (its rooms publish as `processId/…`). */
  readonly processId = randomId(12);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channels = new Map<string, BoardChannel>();
  private readonly log: Logger;
  private closing = false;
  /**
   * Set on the publisher's 'ready' before its reconnect ticks go out, cleared when it closes: its
   * `status` turns 'ready' a moment before that event, and a message published in between would
   * reach the others before the tick that tells them this publisher lost messages.
   */
  private publishing = false;
  /**
   * Boards not open here whose lock, rotated link or deletion could not be published: no counter
   * shows that loss, so once the publisher is back each gets an uncounted tick, on which every
   * process with the board open catches up from storage (lock, links, existence).
   */
  private readonly unannounced = new Set<string>();

  constructor(url: string, log: Logger) {
    this.log = log.child({ component: 'relay' });
    const retryStrategy = (times: number) => Math.min(times * 100, MAX_RETRY_MS);
    // Publishing while disconnected fails at once instead of queueing without bound: the lost
    // message shows as a gap in our counter, and the others catch up from storage.
    this.publisher = new Redis(url, { retryStrategy, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    // No ready check (an INFO) on the subscriber: a subscription queued while connecting puts the
    // connection in subscriber mode first, where INFO is refused and the connection never gets ready.
    this.subscriber = new Redis(url, { retryStrategy, maxRetriesPerRequest: null, enableReadyCheck: false });
    this.publisher.on('ready', () => {
      this.publishing = true;
    });
    this.publisher.on('close', () => {
      this.publishing = false;
    });
    this.watch(this.publisher, 'publisher', () => {
      for (const channel of this.channels.values()) channel.publish({ kind: 'tick' });
      const boards = [...this.unannounced];
      this.unannounced.clear();
      for (const boardId of boards) this.sendUncounted(boardId, { kind: 'tick' });
    });
    this.watch(this.subscriber, 'subscriber', () => void this.resubscribe());
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString();
      if (!name.startsWith(CHANNEL_PREFIX)) return;
      const decoded = decodeRelayMessage(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      if (!decoded) return;
      try {
        this.channels.get(name.slice(CHANNEL_PREFIX.length))?.receive(decoded);
      } catch (error) {
        // A room's failure must not reach the connection, which serves every other board too.
        this.log.error({ event: 'relay.apply-failed', err: error }, 'a relayed message could not be applied');
      }
    });
  }

  /** Both connections are up (the readiness check asks). */
  get connected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  /**
   * Subscribes to a board's channel before its room loads, so nothing stored
   * after the load is missed; while Redis is away the room loads anyway and
   * catches up once it is back.
   */
  async join(boardId: string): Promise<BoardChannel> {
    const channel = new BoardChannel(boardId, this.processId, randomId(8), this);
    this.channels.set(boardId, channel);
    const subscribed = this.subscriber.subscribe(relayChannel(boardId)).then(
      () => true,
      () => false,
    );
    const inTime = this.subscriber.status === 'ready' && (await Promise.race([subscribed, timeout(SUBSCRIBE_WAIT_MS)]));
    if (!inTime) {
      channel.missed();
      // Confirmed later than the room's load: what was published before that is stored but may be
      // newer than the load, and the channel takes a publisher's first number as its baseline.
      void subscribed.then((confirmed) => confirmed && this.channels.get(boardId) === channel && channel.missed());
    }
    return channel;
  }

  /** A control event for a board that may be open in other processes only (uncounted when not open here). */
  announce(boardId: string, event: RelayEvent): void {
    const channel = this.channels.get(boardId);
    if (channel) channel.publish(event);
    else this.sendUncounted(boardId, event);
  }

  send(boardId: string, message: RelayMessage): void {
    this.deliver(boardId, message).catch(() => {
      // Lost with the connection seemingly up: a tick now, so that a process that has not heard
      // of this room yet does not take the next number as a baseline (a lost tick is not retried;
      // the reconnect sends one anyway).
      if (this.publishing && message.event.kind !== 'tick') this.channels.get(boardId)?.publish({ kind: 'tick' });
    });
  }

  private sendUncounted(boardId: string, event: RelayEvent): void {
    this.deliver(boardId, uncountedMessage(this.processId, event)).catch(() => {
      if (this.unannounced.size < UNANNOUNCED_MAX) this.unannounced.add(boardId);
    });
  }

  private async deliver(boardId: string, message: RelayMessage): Promise<void> {
    if (!this.publishing || this.publisher.status !== 'ready') throw new Error('the Redis publisher is not connected');
    await this.publisher.publish(relayChannel(boardId), Buffer.from(encodeRelayMessage(message)));
  }

  leave(channel: BoardChannel): void {
    if (this.channels.get(channel.boardId) !== channel) return;
    this.channels.delete(channel.boardId);
    this.subscriber.unsubscribe(relayChannel(channel.boardId)).catch(() => {});
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }

  /** Our subscriber is back: subscribed again to every open board, each catches up what it missed. */
  private async resubscribe(): Promise<void> {
    const names = [...this.channels.keys()].map(relayChannel);
    if (names.length > 0) await this.subscriber.subscribe(...names).catch(() => {});
    for (const channel of this.channels.values()) channel.missed();
  }

  /** Logs an outage once and its end; `reconnected` runs on every 'ready' but the first. */
  private watch(connection: Redis, name: string, reconnected: () => void): void {
    let readyBefore = false;
    let down = false;
    connection.on('error', (error: Error) => {
      if (down || this.closing) return;
      down = true;
      this.log.warn({ event: 'relay.redis-down', connection: name, err: error }, 'Redis unreachable; retrying');
    });
    connection.on('close', () => {
      if (!down && readyBefore && !this.closing)
        this.log.warn({ event: 'relay.redis-down', connection: name }, 'Redis connection lost; retrying');
      down = true;
    });
    connection.on('ready', () => {
      if (readyBefore) {
        this.log.info({ event: 'relay.redis-back', connection: name }, 'Redis reachable again; catching up');
        reconnected();
      }
      readyBefore = true;
      down = false;
    });
  }
}

const timeout = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms).unref());
