/**
 * What every view of an open board shares (canvas now, table later): one
 * document, one connection, the template and who I am. BoardSession provides
 * it through the router outlet, so switching views keeps the same connection.
 */
import { useOutletContext } from 'react-router';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { BoardInfo } from '../../shared/api.ts';
import type { BoardMeta } from '../../shared/board-doc.ts';
import type { Template } from '../../shared/template.ts';
import type { Person } from '../presence/identity.ts';
import type { ConnectionState } from '../sync/connection-state.ts';

export interface BoardContextValue {
  info: BoardInfo;
  template: Template;
  doc: Y.Doc;
  provider: WebsocketProvider;
  connection: ConnectionState;
  hasSynced: boolean;
  /** Null until the document's meta has synced. */
  meta: BoardMeta | null;
  /** False when this client must not write the document (a newer schemaVersion). */
  writable: boolean;
  person: Person;
}

/** Whether this person may edit right now: not after the server closed the connection for good. */
export function canEditNow(board: Pick<BoardContextValue, 'writable' | 'connection'>): boolean {
  return board.writable && board.connection !== 'closed';
}

export function useBoard(): BoardContextValue {
  return useOutletContext<BoardContextValue>();
}
