/**
 * A control event on a board's relay channel from a program that holds no room
 * (the command line; README "Running on several machines"): one connection,
 * one uncounted message, as a server process announces a board it does not
 * have open (RedisRelay.announce), then the connection is closed again.
 */
import { Redis } from 'ioredis';
import { randomId } from '../../../shared/ids.ts';
import { relayChannel } from './redis-relay.ts';
import { encodeRelayMessage, type RelayEvent, uncountedMessage } from './relay-message.ts';

/** A Redis that does not answer in this time counts as unreachable (the command line should not hang). */
const CONNECT_TIMEOUT_MS = 5_000;

/** Publishes `event` on the board's channel; rejects with Redis's reason when it cannot be published. */
export async function announceOnce(redisUrl: string, boardId: string, event: RelayEvent): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // One attempt: a failure is reported to whoever runs the command, not retried for ever.
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  // connect() then only says "Connection is closed"; the connection's own error says why (ECONNREFUSED…).
  let cause: Error | undefined;
  redis.on('error', (error: Error) => {
    cause ??= error;
  });
  try {
    await redis.connect();
    await redis.publish(relayChannel(boardId), Buffer.from(encodeRelayMessage(uncountedMessage(randomId(12), event))));
    await redis.quit();
  } catch (error) {
    throw cause ?? error;
  } finally {
    redis.disconnect();
  }
}
