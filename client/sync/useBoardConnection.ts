/**
 * One Y.Doc and one WebsocketProvider per open board. Both live exactly as
 * long as the board's page; leaving the board destroys them, so no socket or
 * awareness entry outlives the view. The board token goes to the server as
 * the query parameter `token` (the stock provider's `params`).
 */
import { useEffect, useState } from 'react';
import { readAuthMessage } from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { WS_PATH } from '../../shared/api.ts';

import { fetchBoard } from '../api/boards.ts';
import {
  type BoardEnding,
  type ConnectionProblem,
  type ConnectionState,
  discardsLocalCopy,
  endingForClose,
  nextConnectionState,
  problemForClose,
  wsOriginFor,
} from './connection-state.ts';
import { LOCAL_COPY_WAIT_MS, loadedWithin, openLocalCopy } from './local-copy.ts';
import { createPendingChanges } from './pending-changes.ts';
import { controlReconnects } from './reconnect.ts';

/** y-websocket's message type for auth messages (y-protocols/auth). */
const MESSAGE_AUTH_TYPE = 2;

/*
 * A refused edit is resent on reconnect and may be refused again a moment
 * after the sync succeeds; the notice stays until the connection has held this long.
 */
const PROBLEM_CLEARS_AFTER_MS = 3_000;

/**
 * A refused upgrade (a link rotated while the connection was down, a board
 * deleted meanwhile) reaches the browser as a bare failed socket, which the
 * provider retries for ever. After this many failed attempts in a row the
 * page asks the REST API why, at most once per RECHECK_EVERY_MS.
 */
const FAILED_ATTEMPTS_BEFORE_RECHECK = 2;
const RECHECK_EVERY_MS = 5_000;

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: ConnectionState;
  /** True once the server's state has arrived at least once; stays true through reconnects. */
  hasSynced: boolean;
  /** Why the server last closed the connection, while that still matters to the person. */
  problem: ConnectionProblem | null;
  /** Set when the link stopped working or the board was deleted: the board is not shown any more. */
  ended: BoardEnding | null;
  /** Local edits the server does not have yet (made while not connected and synced, this visit or an earlier one). */
  pending: number;
  /** The server refused this board's content for good, so this browser's copy of it was deleted. */
  localCopyDiscarded: boolean;
}

interface Session {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/**
 * `keepLocalCopy`: whether this page keeps the board in the browser (README
 * "Weak networks"); a viewer's page never edits, so it neither keeps nor sends one.
 */
export function useBoardConnection(boardId: string, token: string, keepLocalCopy: boolean): BoardConnection | null {
  const [session, setSession] = useState<Session | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [hasSynced, setHasSynced] = useState(false);
  const [problem, setProblem] = useState<ConnectionProblem | null>(null);
  const [pending, setPending] = useState(0);
  const [localCopyDiscarded, setLocalCopyDiscarded] = useState(false);
  // Kept with the token it ended: a new token (the facilitator rotated their own link) starts afresh.
  const [ended, setEnded] = useState<{ token: string; ending: BoardEnding } | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsOriginFor(location.origin) + WS_PATH, boardId, doc, {
      params: { token },
      // Reconnects are ours (reconnect.ts: jittered back-off, a 2.5 s heartbeat watch).
      disableBc: true,
      // Connected once the local copy is in the document, so the first sync sends what it holds.
      connect: false,
    });
    const reconnects = controlReconnects(provider);
    const localCopy = keepLocalCopy ? openLocalCopy(boardId, doc) : null;
    const pendingChanges = createPendingChanges(0, (count) => {
      setPending(count);
      localCopy?.savePending(count);
    });
    const synced = () => provider.wsconnected && provider.synced;
    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && (!localCopy || origin !== localCopy.origin)) pendingChanges.localUpdate(synced());
    };
    doc.on('update', onDocUpdate);
    // Closing the tab while edits are unsent would lose those the browser does not keep: it asks first.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (pendingChanges.count === 0 || localCopy?.keeping) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    // The stock handler of the server's "permission denied" logs the socket URL, token and all,
    // to the console; the page already shows read-only boards as such, so read it silently.
    provider.messageHandlers[MESSAGE_AUTH_TYPE] = (_encoder, decoder) => readAuthMessage(decoder, doc, () => {});
    setState('connecting');
    setHasSynced(false);
    setProblem(null);
    setPending(0);
    setLocalCopyDiscarded(false);
    let clearProblem: ReturnType<typeof setTimeout> | undefined;
    let failedAttempts = 0;
    let lastRecheck = 0;
    let live = true;
    let endedHere = false;

    const end = (ending: BoardEnding) => {
      if (!live) return;
      endedHere = true;
      reconnects.stop();
      provider.disconnect();
      // The end pages delete the copy (BoardDeletedPage, LinkNotValidPage); nothing more is written to it.
      localCopy?.close();
      setEnded({ token, ending });
    };
    const recheck = () => {
      if (Date.now() - lastRecheck < RECHECK_EVERY_MS) return;
      lastRecheck = Date.now();
      fetchBoard(boardId, token).then(
        (answer) => {
          if (answer.kind === 'denied') end('revoked');
          else if (answer.kind === 'not-found') end('deleted');
        },
        // The server is away: the provider keeps retrying, and so do we on its next failures.
        () => {},
      );
    };

    const onStatus = (event: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (event.status === 'connected') failedAttempts = 0;
      setState((prev) => nextConnectionState(prev, { type: 'status', status: event.status }));
    };
    const onClosed = () => setState((prev) => nextConnectionState(prev, { type: 'closed' }));
    const onConnectionClose = (event: CloseEvent | null) => {
      // Any drop means the connection did not hold: a notice still showing stays.
      clearTimeout(clearProblem);
      const ending = endingForClose(event?.code);
      if (ending) {
        end(ending);
        return;
      }
      const closedFor = problemForClose(event?.code);
      if (closedFor) setProblem(closedFor);
      // Sent again on every open, the same content would be refused again: the copy goes (README "Weak networks").
      if (localCopy?.keeping && discardsLocalCopy(closedFor)) {
        void localCopy.discard();
        setLocalCopyDiscarded(true);
      }
      // Emitted before the provider resets its flags: not connected here means the socket never opened.
      if (!provider.wsconnected && ++failedAttempts >= FAILED_ATTEMPTS_BEFORE_RECHECK) recheck();
    };
    const onSync = (synced: boolean) => {
      if (!synced) return;
      pendingChanges.synced();
      setHasSynced(true);
      clearTimeout(clearProblem);
      clearProblem = setTimeout(() => setProblem(null), PROBLEM_CLEARS_AFTER_MS);
    };
    provider.on('status', onStatus);
    provider.on('closed', onClosed);
    provider.on('connection-close', onConnectionClose);
    provider.on('sync', onSync);
    setSession({ doc, provider });
    if (localCopy) {
      loadedWithin(localCopy, LOCAL_COPY_WAIT_MS).then((stored) => {
        if (!live || endedHere) return;
        pendingChanges.restored(stored, synced());
        provider.connect();
      });
    } else {
      provider.connect();
    }
    return () => {
      live = false;
      localCopy?.close();
      reconnects.stop();
      doc.off('update', onDocUpdate);
      window.removeEventListener('beforeunload', onBeforeUnload);
      provider.off('status', onStatus);
      provider.off('closed', onClosed);
      provider.off('connection-close', onConnectionClose);
      provider.off('sync', onSync);
      clearTimeout(clearProblem);
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [boardId, token, keepLocalCopy]);

  return session
    ? {
        ...session,
        state,
        hasSynced,
        problem,
        ended: ended?.token === token ? ended.ending : null,
        pending,
        localCopyDiscarded,
      }
    : null;
}
