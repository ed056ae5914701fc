/** Asks the server about a board once per board id and token: found, not found, link not valid, or failed. */
import { useEffect, useState } from 'react';
import type { BoardView } from '../../shared/api.ts';
import { ApiError, fetchBoard } from '../api/boards.ts';

export type BoardInfoState =
  | { kind: 'loading' }
  | { kind: 'found'; info: BoardView }
  | { kind: 'not-found' }
  /** The server refused the token (401/403). */
  | { kind: 'denied' }
  | { kind: 'failed'; error: ApiError };

export function useBoardInfo(boardId: string, token: string | null): BoardInfoState {
  const [state, setState] = useState<BoardInfoState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    fetchBoard(boardId, token).then(
      (answer) => current && setState(answer),
      (error: unknown) =>
        current &&
        setState({
          kind: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, String(error)),
        }),
    );
    return () => {
      current = false;
    };
  }, [boardId, token]);
  return state;
}
