/**
 * After a board is created or imported: this browser keeps all three share
 * tokens (the server stores them hashed and cannot show them again) and the
 * creator opens the board as facilitator, with the token in the fragment as
 * any share link carries it.
 */

import type { CreatedBoard } from '../../shared/api.ts';
import { rememberCreatedBoard } from '../access/access-store.ts';
import { rememberBoard } from './recent-boards.ts';

/** Stores the board's tokens and returns the address to navigate to. */
export function openCreatedBoard(board: CreatedBoard): string {
  rememberCreatedBoard(board.id, board.tokens);
  rememberBoard(board, 'facilitator');
  return `/b/${board.id}#token=${encodeURIComponent(board.tokens.facilitator)}`;
}
