/**
 * Where boards live. The SQLite adapter is the default; the PostgreSQL adapter
 * (DATABASE_URL, README "PostgreSQL storage") implements the same interface for
 * several processes on one database. create-store.ts chooses between them.
 */
import type { BoardInfo, BoardVersion } from '../../shared/api.ts';
import type { BoardTokens, Role } from '../../shared/roles.ts';
import type { Ballot } from '../../shared/voting/voting.ts';

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

export interface BoardStore extends HistoryStore, VoteStore {
  /** Creates a board with its initial document state and token hashes, in one transaction. */
  createBoard(info: BoardInfo, initialState: Uint8Array, tokens: TokenHashes): Promise<void>;
  /** The board's token hashes (undefined for an unknown board). */
  tokenHashes(id: string): Promise<TokenHashes | undefined>;
  /** Replaces one role's token hash (rotation): the old token stops working at once. */
  setTokenHash(id: string, role: Role, hash: string): Promise<void>;
  updateBoard(id: string, patch: BoardPatch): Promise<void>;
  /**
   * Removes the board with its state, log, tokens and history, atomically; with `unusedBefore`,
   * only if it is still unused since then (a visit between listing and deleting keeps
   * it). True when a board was deleted.
   */
  deleteBoard(id: string, unusedBefore?: string): Promise<boolean>;
  getBoard(id: string): Promise<BoardInfo | undefined>;
  listBoards(): Promise<BoardInfo[]>;
  /** Everything needed to rebuild the board's document. */
  loadBoard(id: string): Promise<StoredBoard>;
  /** Appends updates durably (all or none) and returns the sequence number of the last one. */
  appendUpdates(id: string, updates: Uint8Array[]): Promise<number>;
  /**
   * Replaces the board's state and every update up to `throughSeq` with `state` (which holds
   * them), atomically. PostgreSQL also folds in rows other processes wrote and ignores a fold
   * older than the stored one (postgres-compaction.ts), so several writers lose nothing.
   */
  compact(id: string, state: Uint8Array, throughSeq: number): Promise<void>;
  /**
   * Compaction when several processes write the board (README "Running on several machines"):
   * reads the stored state and log, awaits `fold` of them and replaces exactly what it read with
   * the result, under a per-board lock that other folds of the board wait for; an update appended
   * meanwhile is not among what was read, and stays.
   */
  foldStored(id: string, fold: (updates: Uint8Array[]) => Promise<Uint8Array>): Promise<void>;
  /** How many updates wait to be compacted. */
  pendingUpdateCount(id: string): Promise<number>;
  /** Records that the board was opened or edited at `at` (ISO time; board expiry). */
  touchBoard(id: string, at: string): Promise<void>;
  /** When the board was last opened or edited (ISO time), undefined for an unknown board. */
  boardLastUsed(id: string): Promise<string | undefined>;
  /** Ids of the boards last used before `before` (ISO time). */
  unusedBoards(before: string): Promise<string[]>;
  close(): Promise<void>;
}

/** A saved version of a board, without its state (version lists). */
export type VersionInfo = BoardVersion;

/** A card someone deleted, with the card as it was (plain data, shared/card-schema.ts `Card`). */
export interface DeletedCard {
  cardId: string;
  deletedAt: string;
  deletedBy: string;
  card: unknown;
}

/**
 * History beside the live document: versions keep whole states, so compaction
 * of the live log never touches them; deleted cards keep their content.
 */
export interface HistoryStore {
  /** Stores a version with its whole document state. */
  addVersion(boardId: string, version: VersionInfo, state: Uint8Array): Promise<void>;
  /** Newest first. */
  listVersions(boardId: string): Promise<VersionInfo[]>;
  /** The newest version only (a room needs no more when it loads). */
  latestVersion(boardId: string): Promise<VersionInfo | undefined>;
  versionState(boardId: string, versionId: string): Promise<Uint8Array | undefined>;
  deleteVersions(boardId: string, versionIds: string[]): Promise<void>;
  addDeletedCards(boardId: string, cards: DeletedCard[]): Promise<void>;
  /** The latest deletion of each card, newest first. */
  listDeletedCards(boardId: string): Promise<DeletedCard[]>;
  /** Forgets a card's deletions (it was restored). */
  forgetDeletedCard(boardId: string, cardId: string): Promise<void>;
}

/** Why a vote was not stored: the round is not open, the voter has no votes left, or the round is full. */
export type VoteRefusal = 'closed' | 'over' | 'voters';

/**
 * Dot-voting ballots beside the document (README "Dot voting"): kept here, never in the board's
 * document, so they reach no client but their voter before the reveal. One round per board at a
 * time; `voter` is a hash of the voter's secret, never the secret.
 */
export interface VoteStore {
  /** Makes `roundId` the board's open round with its cap, forgetting every earlier round's ballots. */
  openVoteRound(boardId: string, roundId: string, votesPerPerson: number, maxVoters: number): Promise<void>;
  /**
   * Sets one voter's votes on one card (0 takes them off), in one transaction with the checks that
   * the round is open, the voter's votes stay within the cap and the round within its voters.
   */
  castVote(
    boardId: string,
    roundId: string,
    voter: string,
    cardId: string,
    count: number,
  ): Promise<{ ballot: Ballot } | { refused: VoteRefusal }>;
  /** How many people have votes in the round (the facilitator sees it while the round is open). */
  voterCount(boardId: string, roundId: string): Promise<number>;
  /** One voter's votes in the round ({} when none or no such round). */
  ballotOf(boardId: string, roundId: string, voter: string): Promise<Ballot>;
  /** Closes the round to votes and returns its totals per card and its number of voters (again when closed already). */
  closeVoteRound(boardId: string, roundId: string): Promise<{ totals: Ballot; voters: number } | undefined>;
  /** Forgets the board's round and ballots. */
  deleteVoteRounds(boardId: string): Promise<void>;
}

/** A storage failure (disk full, read-only, locked): edits are refused, nothing half-written. */
export class StorageError extends Error {}
