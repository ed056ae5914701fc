/**
 * One Y.Doc and one WebsocketProvider per open board. Both live exactly as
 * long as the board's page; leaving the board destroys them, so no socket or
 * awareness entry outlives the view.
 */
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { WS_PATH } from '../../shared/api.ts';
import { type ConnectionState, nextConnectionState, wsOriginFor } from './connection-state.ts';

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: ConnectionState;
  /** True once the server's state has arrived at least once; stays true through reconnects. */
  hasSynced: boolean;
}

interface Session {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export function useBoardConnection(boardId: string): BoardConnection | null {
  const [session, setSession] = useState<Session | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [hasSynced, setHasSynced] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsOriginFor(location.origin) + WS_PATH, boardId, doc);
    setState('connecting');
    setHasSynced(false);
    const onStatus = (event: { status: 'connected' | 'disconnected' | 'connecting' }) =>
      setState((prev) => nextConnectionState(prev, { type: 'status', status: event.status }));
    const onClosed = () => setState((prev) => nextConnectionState(prev, { type: 'closed' }));
    const onSync = (synced: boolean) => {
      if (synced) setHasSynced(true);
    };
    provider.on('status', onStatus);
    provider.on('closed', onClosed);
    provider.on('sync', onSync);
    setSession({ doc, provider });
    return () => {
      provider.off('status', onStatus);
      provider.off('closed', onClosed);
      provider.off('sync', onSync);
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [boardId]);

  return session ? { ...session, state, hasSynced } : null;
}
