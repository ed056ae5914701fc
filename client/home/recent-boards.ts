/**
 * The "recent boards" list, kept per browser in localStorage: title, role and
 * last visit of each board this browser opened. The tokens themselves live in
 * client/access/access-store.ts, so a board that falls off this short list
 * still opens from its link without a fragment.
 */
import type { BoardInfo } from '../../shared/api.ts';
import { isRole, type Role } from '../../shared/roles.ts';

export interface RecentBoard {
  id: string;
  title: string;
  templateId: string;
  openedAt: string;
  /** The role this browser opened the board with; absent in entries from before roles. */
  role?: Role;
}

const STORAGE_KEY = 'samtavla.recentBoards';
export const MAX_RECENT = 12;

/** Parses stored JSON leniently: a damaged entry is dropped, never fatal. */
export function parseRecent(raw: string | null): RecentBoard[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.filter(
    (entry): entry is RecentBoard =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.id === 'string' &&
      typeof entry.title === 'string' &&
      typeof entry.templateId === 'string' &&
      typeof entry.openedAt === 'string' &&
      (entry.role === undefined || isRole(entry.role)),
  );
}

/** Puts a board first (replacing an older entry of it) and keeps the list short. */
export function withRecent(
  list: readonly RecentBoard[],
  board: BoardInfo,
  openedAt: string,
  role?: Role,
): RecentBoard[] {
  const entry: RecentBoard = { id: board.id, title: board.title, templateId: board.templateId, openedAt };
  if (role) entry.role = role;
  return [entry, ...list.filter((b) => b.id !== board.id)].slice(0, MAX_RECENT);
}

export function withoutRecent(list: readonly RecentBoard[], boardId: string): RecentBoard[] {
  return list.filter((b) => b.id !== boardId);
}

export function loadRecent(): RecentBoard[] {
  try {
    return parseRecent(localStorage.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

export function saveRecent(list: readonly RecentBoard[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Storage may be full or disabled; the list is a convenience, so carry on.
  }
}

export function rememberBoard(board: BoardInfo, role?: Role): void {
  saveRecent(withRecent(loadRecent(), board, new Date().toISOString(), role));
}

export function forgetRecent(boardId: string): void {
  saveRecent(withoutRecent(loadRecent(), boardId));
}
