/**
 * A room's history: saved versions and the trash of deleted cards.
 *
 * Versions are whole document states (state-analysis `snapshot`), stored
 * beside the update log, so compacting the log never touches them. The room
 * saves one automatically at most every `autoVersionMs` while people edit, and
 * when the last person leaves; the facilitator saves named ones. Automatic
 * versions are pruned by the retention rule (retention.ts); named ones stay.
 *
 * A card deleted by an admitted update is read from the state just before that
 * update (in the worker) and kept with who deleted it and when.
 */

import { randomId } from '../../shared/ids.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore, VersionInfo } from '../storage/store.ts';
import type { DocState } from './doc-state.ts';
import type { PreviousVersion, Snapshot } from './history-tasks.ts';
import type { PlanFingerprint } from './plan-fingerprint.ts';
import { autoVersionsToPrune, type RetentionRule } from './retention.ts';
import type { RoomWrites } from './room-writes.ts';
import type { StateWorker } from './state-worker-client.ts';

export interface HistoryOptions {
  /** At most one automatic version this often while people edit. */
  autoVersionMs: number;
  retention: RetentionRule;
  log: Logger;
  worker: StateWorker;
}

/** The least time between the last version and the one saved when the last person leaves. */
const ON_LEAVE_MIN_MS = 60_000;

export class RoomHistory {
  private readonly editors = new Set<string>();
  private edited = false;
  private lastVersion: VersionInfo | undefined;
  /** The plan fingerprint of `lastVersion`, once this room has saved one (else read from its state). */
  private lastFingerprint: PlanFingerprint | undefined;
  /** When the room loaded: with no version yet, the first automatic one is due this long after it. */
  private readonly since = Date.now();
  /** Saves run one at a time, in order, so summaries compare with the version before. */
  private chain: Promise<unknown> = Promise.resolve();

  private readonly boardId: string;
  private readonly store: BoardStore;
  private readonly content: DocState;
  private readonly writes: RoomWrites;
  private readonly options: HistoryOptions;

  constructor(
    boardId: string,
    deps: { store: BoardStore; content: DocState; writes: RoomWrites },
    latest: VersionInfo | undefined,
    options: HistoryOptions,
  ) {
    this.boardId = boardId;
    this.store = deps.store;
    this.content = deps.content;
    this.writes = deps.writes;
    this.lastVersion = latest;
    this.options = options;
  }

  /** Edits were stored (by these people): an automatic version is due when the last is old enough. */
  noteEdits(names: Iterable<string>): void {
    this.edited = true;
    for (const name of names) this.editors.add(name);
    const last = this.lastVersion ? Date.parse(this.lastVersion.createdAt) : this.since;
    if (Date.now() - last >= this.options.autoVersionMs)
      void this.saveVersion({ name: '', auto: true }).catch(() => {});
  }

  /** The last person left (or the server stops): keep what was edited since the last version. */
  async finish(): Promise<void> {
    // Not again within a minute of the last one: connecting, editing and leaving in a loop
    // would otherwise store a whole board each time (the live board keeps the edits anyway).
    const last = this.lastVersion ? Date.parse(this.lastVersion.createdAt) : 0;
    const due = Date.now() - last >= Math.min(this.options.autoVersionMs, ON_LEAVE_MIN_MS);
    if (this.edited && due) await this.saveVersion({ name: '', auto: true }).catch(() => {});
    await this.chain.catch(() => {});
  }

  /** Saves the stored state as a version; resolves with it once it is stored. */
  saveVersion(kind: { name: string; auto: boolean }): Promise<VersionInfo> {
    return this.record(kind, (previous) =>
      this.writes.inBackground(() =>
        this.options.worker.run({
          op: 'snapshot',
          updates: this.content.parts(),
          previous,
        }),
      ),
    );
  }

  /**
   * Saves as a version what `take` makes of the version before (its state, or
   * null): in order with every other save, so summaries compare with the one before.
   */
  record(
    { name, auto }: { name: string; auto: boolean },
    take: (previous: PreviousVersion) => Promise<Snapshot>,
  ): Promise<VersionInfo> {
    const run = this.chain.then(async () => {
      const editors = [...this.editors].sort((a, b) => a.localeCompare(b, 'sv'));
      this.editors.clear();
      this.edited = false;
      const snapshot = await take(await this.previousVersion());
      const version: VersionInfo = {
        id: randomId(16),
        name,
        createdAt: new Date().toISOString(),
        auto,
        cardCount: snapshot.cardCount,
        editors,
        summary: snapshot.summary,
      };
      await this.store.addVersion(this.boardId, version, snapshot.state);
      this.lastVersion = version;
      this.lastFingerprint = snapshot.fingerprint;
      if (auto) await this.prune();
      return version;
    });
    this.chain = run.catch((error: Error) =>
      this.options.log.error(
        { event: 'room.version-failed', board: this.boardId, err: error },
        'saving a version failed',
      ),
    );
    return run;
  }

  private async previousVersion(): Promise<PreviousVersion> {
    if (!this.lastVersion) return null;
    if (this.lastFingerprint) return { fingerprint: this.lastFingerprint };
    const state = await this.store.versionState(this.boardId, this.lastVersion.id);
    return state ? { state } : null;
  }

  private async prune(): Promise<void> {
    const versions = await this.store.listVersions(this.boardId);
    const doomed = autoVersionsToPrune(versions, new Date(), this.options.retention);
    if (doomed.length > 0) await this.store.deleteVersions(this.boardId, doomed);
  }
}
