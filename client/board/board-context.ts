/**
 * What every view of an open board shares (canvas now, table later): one
 * document, one connection, the template and who I am. BoardSession provides
 * it through the router outlet, so switching views keeps the same connection.
 */
import { useOutletContext } from 'react-router';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { BoardView } from '../../shared/api.ts';
import type { BoardMeta } from '../../shared/board-doc.ts';
import type { Role } from '../../shared/roles.ts';
import type { Template } from '../../shared/template.ts';
import type { Person } from '../presence/identity.ts';
import type { ConnectionState } from '../sync/connection-state.ts';

export interface BoardContextValue {
  info: BoardView;
  /** What this browser's token makes the person on this board. */
  role: Role;
  template: Template;
  doc: Y.Doc;
  provider: WebsocketProvider;
  connection: ConnectionState;
  hasSynced: boolean;
  /** Null until the document's meta has synced. */
  meta: BoardMeta | null;
  /**
   * False when this client must never write the document: a viewer, or a newer
   * schemaVersion. Fixed for the session (the canvas is built on it).
   */
  writable: boolean;
  /** A participant while the facilitator has locked the board: read-only, live, until unlocked. */
  lockedOut: boolean;
  person: Person;
  /** The token this page opened the board with: REST calls on the board carry it. */
  token: string;
}

/** Whether this person may edit right now: not locked out, and not after the server closed the connection for good. */
export function canEditNow(board: Pick<BoardContextValue, 'writable' | 'lockedOut' | 'connection'>): boolean {
  return board.writable && !board.lockedOut && board.connection !== 'closed';
}

export function useBoard(): BoardContextValue {
  return useOutletContext<BoardContextValue>();
}
