/**
 * Noticing a dead connection fast and coming back without a stampede (README
 * "Sync", weak networks). The server sends a tiny heartbeat every second
 * (server/sync/heartbeat.ts); a socket silent for SILENCE_LIMIT_MS is taken as
 * lost — the stock provider only notices after 30 s. Reconnects wait an
 * exponentially growing, jittered delay so 40 laptops back from one Wi-Fi drop
 * do not all knock at the same moment (the stock back-off has no jitter).
 */
import type { WebsocketProvider } from 'y-websocket';

/** Silence (no message at all) after which the socket counts as lost; the server beats every 1 s. */
export const SILENCE_LIMIT_MS = 2_500;
const WATCH_EVERY_MS = 250;
/** A socket that has not opened after this long (a black-holed SYN) is given up and retried. */
const CONNECT_LIMIT_MS = 10_000;

export const RECONNECT_BASE_MS = 500;
export const RECONNECT_CAP_MS = 15_000;

/**
 * The wait before reconnect attempt `attempt` (0 first): "equal jitter" —
 * half of min(cap, base·2^attempt) fixed, the other half random, so clients
 * spread out yet none retries at once.
 */
export function reconnectDelayMs(
  attempt: number,
  random: () => number = Math.random,
  base = RECONNECT_BASE_MS,
  cap = RECONNECT_CAP_MS,
): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + random() * (ceiling / 2);
}

/** True when a connected socket has been silent too long; a late watch tick (a blocked or throttled tab) proves nothing. */
export function socketSilent(now: number, lastMessage: number, lastTick: number): boolean {
  if (now - lastTick > 2 * WATCH_EVERY_MS + SILENCE_LIMIT_MS / 2) return false;
  return now - lastMessage > SILENCE_LIMIT_MS;
}

export interface ReconnectControl {
  /** Stops watching and retrying (the board ended, or the page left it). */
  stop(): void;
}

/**
 * Takes reconnecting over from the provider: after every drop it clears the
 * provider's `shouldConnect` (its own un-jittered timer then does nothing) and
 * calls `connect()` after `reconnectDelayMs`. A final close (4400–4499) is left alone.
 */
export function controlReconnects(provider: WebsocketProvider): ReconnectControl {
  let stopped = false;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closingOurselves = false;
  let connectingSince = 0;
  let lastTick = Date.now();

  const schedule = () => {
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (!stopped) provider.connect();
    }, reconnectDelayMs(attempt++));
  };
  const dropAndRetry = () => {
    closingOurselves = true;
    provider.disconnect();
    closingOurselves = false;
    schedule();
  };
  const onConnectionClose = () => {
    if (closingOurselves || stopped) return;
    // The provider decides a final close after emitting this event: look once it is done.
    queueMicrotask(() => {
      if (stopped || !provider.shouldConnect) return;
      provider.shouldConnect = false;
      schedule();
    });
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connecting') connectingSince = Date.now();
  };
  const onSync = (synced: boolean) => {
    if (synced) attempt = 0;
  };
  const watch = setInterval(() => {
    const now = Date.now();
    if (provider.wsconnected && socketSilent(now, provider.wsLastMessageReceived, lastTick)) dropAndRetry();
    else if (provider.wsconnecting && now - connectingSince > CONNECT_LIMIT_MS) dropAndRetry();
    lastTick = now;
  }, WATCH_EVERY_MS);
  provider.on('connection-close', onConnectionClose);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  return {
    stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(watch);
      provider.off('connection-close', onConnectionClose);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
    },
  };
}
