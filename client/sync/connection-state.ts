/**
 * The connection indicator's state machine, kept pure so it is tested without a socket.
 * y-websocket reports raw socket states; people want to know one thing: are my
 * edits reaching the others right now, and if not, is the app trying again?
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

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
