/**
 * The "recent boards" list, kept per browser in localStorage. Board links are
 * the only key to a board, so this list is how people find their boards again.
 */
import type { BoardInfo } from '../../shared/api.ts';

export interface RecentBoard {
  id: string;
  title: string;
  templateId: string;
  openedAt: string;
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
      typeof entry.openedAt === 'string',
  );
}

/** Puts a board first (replacing an older entry of it) and keeps the list short. */
export function withRecent(list: readonly RecentBoard[], board: BoardInfo, openedAt: string): RecentBoard[] {
  const entry: RecentBoard = { id: board.id, title: board.title, templateId: board.templateId, openedAt };
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

export function rememberBoard(board: BoardInfo): void {
  saveRecent(withRecent(loadRecent(), board, new Date().toISOString()));
}
