/**
 * The connection indicator's state machine, kept pure so it is tested without a socket.
 * y-websocket reports raw socket states; people want to know one thing: are my
 * edits reaching the others right now, and if not, is the app trying again?
 */
import {
  CLOSE_BOARD_DELETED,
  CLOSE_BOARD_FULL,
  CLOSE_DOCUMENT_TOO_LARGE,
  CLOSE_LAYOUT_BROKEN,
  CLOSE_PRESENCE_REFUSED,
  CLOSE_SERVER_RESTARTING,
  CLOSE_STORAGE_UNAVAILABLE,
  CLOSE_TOKEN_REVOKED,
  CLOSE_TOO_MANY_MESSAGES,
  CLOSE_TOO_SLOW,
} from '../../shared/close-codes.ts';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/**
 * Why the server closed the connection, when the person should know: the
 * first four are final (the app stops retrying), the others pass on their own.
 */
export type ConnectionProblem =
  | 'board-full'
  | 'edit-refused'
  | 'too-large'
  | 'presence-refused'
  | 'storage'
  | 'rate-limited'
  | 'too-slow'
  | 'restarting';

/** The problems after which the app has stopped retrying. */
export const FINAL_PROBLEMS: readonly ConnectionProblem[] = [
  'board-full',
  'edit-refused',
  'too-large',
  'presence-refused',
];

/**
 * The final problems that are about the document's content: the same content
 * would be refused again, so the browser's local copy of the board (which holds
 * it) is deleted instead of being sent on every open (README "Weak networks").
 */
const CONTENT_REFUSED: readonly ConnectionProblem[] = ['board-full', 'edit-refused', 'too-large'];

export function discardsLocalCopy(problem: ConnectionProblem | null): boolean {
  return problem !== null && CONTENT_REFUSED.includes(problem);
}

const PROBLEMS: ReadonlyMap<number, ConnectionProblem> = new Map([
  [CLOSE_BOARD_FULL, 'board-full'],
  [CLOSE_LAYOUT_BROKEN, 'edit-refused'],
  [CLOSE_DOCUMENT_TOO_LARGE, 'too-large'],
  [CLOSE_PRESENCE_REFUSED, 'presence-refused'],
  [CLOSE_STORAGE_UNAVAILABLE, 'storage'],
  [CLOSE_TOO_MANY_MESSAGES, 'rate-limited'],
  [CLOSE_TOO_SLOW, 'too-slow'],
  [CLOSE_SERVER_RESTARTING, 'restarting'],
]);

/**
 * Why the board cannot be shown any more: the link was rotated (or is not
 * valid), or the board was deleted. The page then shows a message instead of the board.
 */
export type BoardEnding = 'revoked' | 'deleted';

/** The ending a final close code stands for; null for every other close. */
export function endingForClose(code: number | undefined): BoardEnding | null {
  if (code === CLOSE_TOKEN_REVOKED) return 'revoked';
  if (code === CLOSE_BOARD_DELETED) return 'deleted';
  return null;
}

/** The problem a close code stands for; null for ordinary drops (network, a crashed server). */
export function problemForClose(code: number | undefined): ConnectionProblem | null {
  return code === undefined ? null : (PROBLEMS.get(code) ?? null);
}

export type ConnectionEvent =
  | { type: 'status'; status: 'connected' | 'disconnected' | 'connecting' }
  /** The server closed the room for good (y-websocket's close codes 4400–4499): no retry follows. */
  | { type: 'closed' };

export function nextConnectionState(previous: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (previous === 'closed') return 'closed';
  if (event.type === 'closed') return 'closed';
  switch (event.status) {
    case 'connected':
      return 'connected';
    case 'disconnected':
      // Any drop, even before the first success, means the provider is now retrying with back-off.
      return 'reconnecting';
    case 'connecting':
      return previous === 'connecting' ? 'connecting' : 'reconnecting';
  }
}

/** The WebSocket base URL for a page origin: http → ws, https → wss, same host and port. */
export function wsOriginFor(pageOrigin: string): string {
  return pageOrigin.replace(/^http(s?):/, 'ws$1:');
}
