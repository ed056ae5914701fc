/**
 * The token this browser opens a board with, for the history and trash calls.
 * Reads the per-board entry the share-link code keeps in localStorage
 * (`samtavla.boardAccess`); null when there is none.
 */
export function storedBoardToken(boardId: string): string | null {
  try {
    const all = JSON.parse(localStorage.getItem('samtavla.boardAccess') ?? '{}') as Record<string, { token?: unknown }>;
    const token = all[boardId]?.token;
    return typeof token === 'string' ? token : null;
  } catch {
    return null;
  }
}
