/**
 * The server's own edits of a board's document: the facilitator's rename and
 * lock (server-owned `meta` keys), a new layout (`meta.template` and the card
 * moves it needs), restores of a version or a deleted card, and the migration
 * of an older board when its room loads. Each is made from the whole state in
 * the state worker and submitted to the room's admission like any client's
 * update, so it is stored before it is relayed and reaches everyone live.
 */
import * as Y from 'yjs';
import type { PlaceWithCards } from '../../shared/api.ts';
import type { Card } from '../../shared/card-schema.ts';
import type { Template } from '../../shared/template.ts';
import type { VersionInfo } from '../storage/store.ts';
import type { DecisionEdit, DecisionEditResult } from './decision-edit.ts';
import type { DocState } from './doc-state.ts';
import type { RestoreSource } from './history-tasks.ts';
import { isEmptyUpdate } from './protocol.ts';
import type { Peer } from './room.ts';
import type { RoomAdmission } from './room-admission.ts';
import type { RoomHistory } from './room-history.ts';
import type { RoomWrites } from './room-writes.ts';
import type { RoundEdit, RoundEditResult, RoundsState } from './round-edit.ts';
import type { StateWorker } from './state-worker-client.ts';
import type { VoteTarget, VotingEdit, VotingEditResult } from './voting-edit.ts';
import type { WorkshopEdit, WorkshopEditResult, WorkshopState } from './workshop-edit.ts';

/** The server itself as the author of its own edits: nothing to send or close. */
export const SERVER_PEER: Peer = { role: 'facilitator', send() {}, close() {} };

export interface ServerEditsDeps {
  content: DocState;
  writes: RoomWrites;
  admission: RoomAdmission;
  history: RoomHistory;
  worker: StateWorker;
}

/** The room refused an edit the server made (a restore onto a full board, say): nothing was stored. */
export class ServerEditRefused extends Error {}

/**
 * Edits run one at a time per room, each stored before the next is computed:
 * two restores at once would otherwise both start from the state before
 * either, and together leave a mix of both versions.
 */
export class ServerEdits {
  private readonly deps: ServerEditsDeps;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(deps: ServerEditsDeps) {
    this.deps = deps;
  }

  /**
   * Sets server-owned `meta` keys (title, locked) as an update of the server's
   * own, made from the whole state in the worker and stored and relayed like
   * any other: resolves once it is stored.
   */
  setMeta(entries: [string, string | boolean][]): Promise<void> {
    return this.serially(async () => {
      const update = await this.deps.writes.inBackground(() =>
        this.deps.worker.run({ op: 'set-meta', updates: this.deps.content.parts(), entries }),
      );
      await this.submit(update, true);
    });
  }

  /**
   * Brings an older board document up to this server's schemaVersion
   * (shared/board-migration.ts) as the server's own edit: stored, then relayed
   * to everyone in the room. Nothing is submitted when the board is current.
   */
  migrate(): Promise<void> {
    return this.serially(async () => {
      const update = await this.deps.writes.inBackground(() =>
        this.deps.worker.run({ op: 'migrate', updates: this.deps.content.parts(), at: this.deps.content.position() }),
      );
      await this.submit(update, true);
    });
  }

  /**
   * Makes the board's cards equal a version's (shared/restore.ts), after saving
   * the state as it is now as a named version; resolves with that backup.
   * Backup and restore come from one Y.Doc of the state in the worker. The
   * restore is one update, checked like any client's: stored whole or not at all.
   */
  restoreVersion(source: RestoreSource, backupName: string): Promise<VersionInfo> {
    return this.serially(() => this.restore(source, backupName));
  }

  private async restore(source: RestoreSource, backupName: string): Promise<VersionInfo> {
    let update: Uint8Array | undefined;
    let layoutUpdate: Uint8Array | undefined;
    const backup = await this.deps.history.record({ name: backupName, auto: false }, async (previous, backupId) => {
      const result = await this.deps.writes.inBackground(() =>
        this.deps.worker.run({
          op: 'restore',
          updates: this.deps.content.parts(),
          at: this.deps.content.position(),
          source,
          backupId,
          previous,
        }),
      );
      update = result.update;
      layoutUpdate = result.layoutUpdate;
      return result.backup;
    });
    if (update) await this.submit(update, false);
    if (layoutUpdate) await this.submit(layoutUpdate, true);
    return backup;
  }

  /**
   * Lays the board out on a new template (template-edit.ts): refused with the
   * places that would strand cards, else — after saving the state as it is now
   * as a named version — the new meta.template and the card moves as one update
   * of the server's own, stored and relayed live. Computed again after the
   * version is saved, so a card added meanwhile is not left behind.
   */
  setTemplate(
    template: Template,
    moves: Record<string, string>,
    backupName: string,
  ): Promise<{ placesWithCards: PlaceWithCards[] } | { version: VersionInfo }> {
    return this.serially(async () => {
      const compute = () =>
        this.deps.writes.inBackground(() =>
          this.deps.worker.run({ op: 'edit-template', updates: this.deps.content.parts(), template, moves }),
        );
      const first = await compute();
      if ('placesWithCards' in first) return first;
      const version = await this.deps.history.saveVersion({ name: backupName, auto: false });
      const result = await compute();
      if ('placesWithCards' in result) return result;
      await this.submit(result.update, true);
      return { version };
    });
  }

  /**
   * Starts a follow-up round or switches the current one (round-edit.ts) as an
   * update of the server's own: resolves once it is stored, with the rounds
   * after it, or with why it was refused (nothing is written then). A round
   * gives every card an entry, so it is refused, like a client's edit, when the
   * board's document would grow past its cap.
   */
  editRounds(edit: RoundEdit): Promise<RoundsState | Extract<RoundEditResult, { refused: unknown }>> {
    return this.serially(async () => {
      const result = await this.deps.writes.inBackground(() =>
        this.deps.worker.run({ op: 'edit-rounds', updates: this.deps.content.parts(), edit }),
      );
      if ('refused' in result) return result;
      if (!this.deps.admission.fits(result.update.byteLength)) {
        const max = this.deps.admission.maxDocumentBytes;
        const message = `the board's document is too full for a follow-up round of every card (at most ${max} bytes)`;
        return { refused: { kind: 'too-large' as const, message } };
      }
      await this.submit(result.update, true);
      return { rounds: result.rounds, currentRound: result.currentRound };
    });
  }

  /**
   * A timer or agenda edit of the facilitator's (workshop-edit.ts) at server
   * time `now`: resolves once stored, with the workshop state after it, or with
   * why it was refused (nothing is written then).
   */
  editWorkshop(
    edit: WorkshopEdit,
    clock: () => number = Date.now,
  ): Promise<(WorkshopState & { now: number }) | Extract<WorkshopEditResult, { refused: unknown }>> {
    return this.serially(async () => {
      // Read when the edit's turn comes, not when it was asked for: a timer started behind a long
      // edit in the queue would otherwise end early by the time it waited.
      const now = clock();
      const result = await this.deps.writes.inBackground(() =>
        this.deps.worker.run({ op: 'edit-workshop', updates: this.deps.content.parts(), edit, now }),
      );
      if ('refused' in result) return result;
      await this.submit(result.update, true);
      return { timer: result.timer, agenda: result.agenda, now };
    });
  }

  /**
   * The facilitator's decision on a card (decision-edit.ts), timed when its turn comes:
   * resolves once stored, with the log entry written, or with why it was refused.
   */
  editDecision(edit: DecisionEdit, clock: () => number = Date.now): Promise<DecisionEditResult> {
    return this.serially(async () => {
      const now = clock();
      const result = await this.deps.writes.inBackground(() =>
        this.deps.worker.run({ op: 'edit-decision', updates: this.deps.content.parts(), edit, now }),
      );
      if ('refused' in result) return result;
      await this.submit(result.update, true);
      return result;
    });
  }

  /** A voting round opened, revealed or ended (voting-edit.ts): resolves once stored, or with why not. */
  editVoting(edit: VotingEdit): Promise<VotingEditResult> {
    return this.serially(async () => {
      const result = await this.deps.writes.inBackground(() =>
        this.deps.worker.run({ op: 'edit-voting', updates: this.deps.content.parts(), edit }),
      );
      if ('refused' in result) return result;
      await this.submit(result.update, true);
      return result;
    });
  }

  /** Whether a card may get votes in a round on `areaId`; reads the state, writes nothing. */
  voteTarget(cardId: string, areaId: string | null): Promise<VoteTarget> {
    return this.deps.worker.run({ op: 'vote-target', updates: this.deps.content.parts(), cardId, areaId });
  }

  /** Brings a deleted card back with every field (its shape is placed by the canvas). */
  restoreCard(card: Card): Promise<void> {
    return this.serially(async () => {
      const update = await this.deps.writes.inBackground(() =>
        this.deps.worker.run({
          op: 'put-card',
          updates: this.deps.content.parts(),
          at: this.deps.content.position(),
          card,
        }),
      );
      await this.submit(update, false);
    });
  }

  /** Resolves once every edit asked for so far has been stored or refused. */
  settled(): Promise<void> {
    return this.chain.then(() => {});
  }

  private serially<T>(edit: () => Promise<T>): Promise<T> {
    const run = this.chain.then(edit).catch((error: unknown) => {
      // A restore is made on a warm document (warm-docs.ts) that now holds it: when it was not
      // stored (refused, or failed on the way), nothing may be built on that document again.
      this.deps.worker.forgetWarm(this.deps.content.position().room);
      this.deps.content.forgetWarmDocs();
      throw error;
    });
    this.chain = run.catch(() => {});
    return run;
  }

  /** Submits an update the server made; resolves once stored, rejects when refused. */
  private submit(update: Uint8Array, trusted: boolean): Promise<void> {
    const decoded = Y.decodeUpdate(update);
    if (isEmptyUpdate(decoded)) return Promise.resolve();
    return new Promise<void>((resolve, reject) =>
      this.deps.admission.submit({
        from: SERVER_PEER,
        update,
        decoded,
        trusted,
        settled: { resolve, reject: (error) => reject(new ServerEditRefused(error.message)) },
      }),
    );
  }
}
