/** Counters of one server's sync traffic, for the bench and for operators (cheap: plain increments). */
export interface SyncStats {
  connections: number;
  /** Document updates received (empty ones not counted). */
  updatesIn: number;
  updatesStored: number;
  /** Update messages sent to peers, and the updates they carried (one message may carry a batch). */
  relayMessages: number;
  deliveries: number;
  awarenessIn: number;
  awarenessMessages: number;
  /** Presence bytes sent, summed over the peers each message went to (bounded per board, see presence.ts). */
  awarenessBytes: number;
  /** Presence states dropped because their board held as many (or as many bytes) as it may. */
  presenceDropped: number;
  /** Connections closed for a limit or a refused update: rate, contract, caps, backlog, presence. */
  refused: number;
  /** Updates dropped unstored because they build on what the sender's sync answer still has to bring. */
  dropped: number;
  /** Connections the server closed, by close code (limits.ts; 1001 at shutdown). */
  closesByCode: Map<number, number>;
  /** Updates another process stored and this one applied (REDIS_URL), and catch-ups from storage. */
  relayedIn: number;
  catchUps: number;
  /** Catch-ups reading storage now, and the most that ever did at once (bounded, see catch-up-queue.ts). */
  catchUpsRunning: number;
  catchUpsRunningPeak: number;
}

export const createSyncStats = (): SyncStats => ({
  connections: 0,
  updatesIn: 0,
  updatesStored: 0,
  relayMessages: 0,
  deliveries: 0,
  awarenessIn: 0,
  awarenessMessages: 0,
  awarenessBytes: 0,
  presenceDropped: 0,
  refused: 0,
  dropped: 0,
  closesByCode: new Map(),
  relayedIn: 0,
  catchUps: 0,
  catchUpsRunning: 0,
  catchUpsRunningPeak: 0,
});

export function countClose(stats: SyncStats, code: number): void {
  stats.closesByCode.set(code, (stats.closesByCode.get(code) ?? 0) + 1);
}
