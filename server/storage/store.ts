/**
 * Where boards live. The SQLite adapter is the default; a PostgreSQL adapter
 * can implement the same interface for a multi-process deployment.
 * Methods are async so such an adapter fits without touching the rooms.
 */
import type { BoardInfo } from '../../shared/api.ts';
import type { BoardTokens, Role } from '../../shared/roles.ts';

/** SHA-256 hashes (hex) of a board's tokens, one per role; the tokens themselves are never stored. */
export type TokenHashes = BoardTokens;

/** What the facilitator may change of a board's stored info. */
export interface BoardPatch {
  title?: string;
  locked?: boolean;
}

export interface StoredBoard {
  /** The compacted state first (if any), then every update appended since, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update; compaction folds updates up to it. */
  lastSeq: number;
}

export interface BoardStore {
  /** Creates a board with its initial document state and token hashes, in one transaction. */
  createBoard(info: BoardInfo, initialState: Uint8Array, tokens: TokenHashes): Promise<void>;
  /** The board's token hashes (undefined for an unknown board). */
  tokenHashes(id: string): Promise<TokenHashes | undefined>;
  /** Replaces one role's token hash (rotation): the old token stops working at once. */
  setTokenHash(id: string, role: Role, hash: string): Promise<void>;
  updateBoard(id: string, patch: BoardPatch): Promise<void>;
  /** Removes the board with its state, log and tokens, atomically. */
  deleteBoard(id: string): Promise<void>;
  getBoard(id: string): Promise<BoardInfo | undefined>;
  listBoards(): Promise<BoardInfo[]>;
  /** Everything needed to rebuild the board's document. */
  loadBoard(id: string): Promise<StoredBoard>;
  /** Appends updates durably (all or none) and returns the sequence number of the last one. */
  appendUpdates(id: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces the board's state and every update up to `throughSeq` with `state`, atomically. */
  compact(id: string, state: Uint8Array, throughSeq: number): Promise<void>;
  /** How many updates wait to be compacted. */
  pendingUpdateCount(id: string): Promise<number>;
  close(): Promise<void>;
}

/** A storage failure (disk full, read-only, locked): edits are refused, nothing half-written. */
export class StorageError extends Error {}
