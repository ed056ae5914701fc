/** Asks the server about a board once per board id: found, not found, or failed. */
import { useEffect, useState } from 'react';
import type { BoardInfo } from '../../shared/api.ts';
import { ApiError, fetchBoard } from '../api/boards.ts';

export type BoardInfoState =
  | { kind: 'loading' }
  | { kind: 'found'; info: BoardInfo }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: ApiError };

export function useBoardInfo(boardId: string): BoardInfoState {
  const [state, setState] = useState<BoardInfoState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    fetchBoard(boardId).then(
      (info) => current && setState(info ? { kind: 'found', info } : { kind: 'not-found' }),
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
  }, [boardId]);
  return state;
}
