/**
 * Copies boards from one store to another through the BoardStore interface
 * (`npm run migrate-store`, README "PostgreSQL storage"): each board with its
 * token hashes, its state and log as they are (not folded), when it was last
 * used, its versions and its trash. A board that fails half-way is removed
 * from the target again, so a second run can copy it.
 */
import * as Y from 'yjs';
import type { BoardStore } from './store.ts';

export interface CopyCounts {
  boards: number;
  skipped: number;
  updates: number;
  versions: number;
  deletedCards: number;
}

export interface CopyOptions {
  /** Boards the target already has are left as they are; without it the copy refuses to start. */
  skipExisting?: boolean;
  /** Told of each board copied (progress). */
  onBoard?: (id: string, title: string) => void;
}

/** Thrown before anything is copied when the target already has some of the boards. */
export class BoardsExistError extends Error {
  readonly ids: string[];
  constructor(ids: string[]) {
    const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '');
    super(
      `the target already has ${ids.length} of these boards (${shown}); nothing was copied. Run with --skip-existing to copy the others and leave those as they are`,
    );
    this.ids = ids;
  }
}

export async function copyStore(from: BoardStore, to: BoardStore, options: CopyOptions = {}): Promise<CopyCounts> {
  const boards = await from.listBoards();
  const existing = new Set<string>();
  for (const board of boards) if (await to.getBoard(board.id)) existing.add(board.id);
  if (existing.size > 0 && !options.skipExisting) throw new BoardsExistError([...existing]);

  const counts: CopyCounts = { boards: 0, skipped: existing.size, updates: 0, versions: 0, deletedCards: 0 };
  // Oldest first, so the target's list and order of creation follow the source's.
  for (const info of [...boards].reverse()) {
    if (existing.has(info.id)) continue;
    const tokens = await from.tokenHashes(info.id);
    if (!tokens) throw new Error(`board ${info.id} has no token hashes in the source`);
    const { updates } = await from.loadBoard(info.id);
    const [state = Y.encodeStateAsUpdate(new Y.Doc()), ...log] = updates;
    const versions = await from.listVersions(info.id);
    const deleted = await from.listDeletedCards(info.id);
    const lastUsed = await from.boardLastUsed(info.id);
    try {
      await to.createBoard(info, state, tokens);
      if (log.length > 0) await to.appendUpdates(info.id, log);
      if (lastUsed) await to.touchBoard(info.id, lastUsed);
      for (const version of [...versions].reverse()) {
        const versionState = await from.versionState(info.id, version.id);
        if (versionState) await to.addVersion(info.id, version, versionState);
      }
      if (deleted.length > 0) await to.addDeletedCards(info.id, [...deleted].reverse());
    } catch (error) {
      await to.deleteBoard(info.id).catch(() => {});
      throw new Error(
        `copying board ${info.id} failed, nothing of it is kept in the target: ${(error as Error).message}`,
      );
    }
    counts.boards++;
    counts.updates += log.length;
    counts.versions += versions.length;
    counts.deletedCards += deleted.length;
    options.onBoard?.(info.id, info.title);
  }
  return counts;
}
