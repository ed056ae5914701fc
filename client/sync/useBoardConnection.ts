/**
 * One Y.Doc and one WebsocketProvider per open board. Both live exactly as
 * long as the board's page; leaving the board destroys them, so no socket or
 * awareness entry outlives the view.
 */
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { WS_PATH } from '../../shared/api.ts';
import {
  type ConnectionProblem,
  type ConnectionState,
  nextConnectionState,
  problemForClose,
  wsOriginFor,
} from './connection-state.ts';

/*
 * A refused edit is resent on reconnect and may be refused again a moment
 * after the sync succeeds; the notice stays until the connection has held this long.
 */
const PROBLEM_CLEARS_AFTER_MS = 3_000;

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: ConnectionState;
  /** True once the server's state has arrived at least once; stays true through reconnects. */
  hasSynced: boolean;
  /** Why the server last closed the connection, while that still matters to the person. */
  problem: ConnectionProblem | null;
}

interface Session {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export function useBoardConnection(boardId: string): BoardConnection | null {
  const [session, setSession] = useState<Session | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [hasSynced, setHasSynced] = useState(false);
  const [problem, setProblem] = useState<ConnectionProblem | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsOriginFor(location.origin) + WS_PATH, boardId, doc);
    setState('connecting');
    setHasSynced(false);
    setProblem(null);
    let clearProblem: ReturnType<typeof setTimeout> | undefined;
    const onStatus = (event: { status: 'connected' | 'disconnected' | 'connecting' }) =>
      setState((prev) => nextConnectionState(prev, { type: 'status', status: event.status }));
    const onClosed = () => setState((prev) => nextConnectionState(prev, { type: 'closed' }));
    const onConnectionClose = (event: CloseEvent | null) => {
      // Any drop means the connection did not hold: a notice still showing stays.
      clearTimeout(clearProblem);
      const closedFor = problemForClose(event?.code);
      if (closedFor) setProblem(closedFor);
    };
    const onSync = (synced: boolean) => {
      if (!synced) return;
      setHasSynced(true);
      clearTimeout(clearProblem);
      clearProblem = setTimeout(() => setProblem(null), PROBLEM_CLEARS_AFTER_MS);
    };
    provider.on('status', onStatus);
    provider.on('closed', onClosed);
    provider.on('connection-close', onConnectionClose);
    provider.on('sync', onSync);
    setSession({ doc, provider });
    return () => {
      provider.off('status', onStatus);
      provider.off('closed', onClosed);
      provider.off('connection-close', onConnectionClose);
      provider.off('sync', onSync);
      clearTimeout(clearProblem);
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [boardId]);

  return session ? { ...session, state, hasSynced, problem } : null;
}
