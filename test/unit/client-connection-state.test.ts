import { describe, expect, it } from 'vitest';
import {
  type ConnectionState,
  endingForClose,
  nextConnectionState,
  problemForClose,
  wsOriginFor,
} from '../../client/sync/connection-state.ts';

const run = (statuses: ('connected' | 'disconnected' | 'connecting' | 'closed')[]): ConnectionState =>
  statuses.reduce<ConnectionState>(
    (state, status) =>
      nextConnectionState(state, status === 'closed' ? { type: 'closed' } : { type: 'status', status }),
    'connecting',
  );

describe('nextConnectionState', () => {
  it('is "connecting" until the first connection succeeds', () => {
    expect(run(['connecting'])).toBe('connecting');
    expect(run(['connecting', 'connected'])).toBe('connected');
  });

  it('says "reconnecting" after any drop, until connected again', () => {
    expect(run(['connected', 'disconnected'])).toBe('reconnecting');
    expect(run(['connected', 'disconnected', 'connecting'])).toBe('reconnecting');
    expect(run(['connected', 'disconnected', 'connecting', 'connected'])).toBe('connected');
    expect(run(['connecting', 'disconnected', 'connecting'])).toBe('reconnecting');
  });

  it('stays closed once the server closed the room for good', () => {
    expect(run(['connected', 'closed', 'connecting', 'connected'])).toBe('closed');
  });
});

describe('problemForClose', () => {
  it('names the server’s refusals, so the person is told what happened to their edits', () => {
    expect(problemForClose(4413)).toBe('board-full');
    expect(problemForClose(4422)).toBe('edit-refused');
    expect(problemForClose(4414)).toBe('too-large');
    expect(problemForClose(4431)).toBe('presence-refused');
    expect(problemForClose(1011)).toBe('storage');
    expect(problemForClose(4029)).toBe('rate-limited');
    expect(problemForClose(4008)).toBe('too-slow');
    expect(problemForClose(1012)).toBe('restarting');
  });

  it('says nothing about ordinary drops: a lost network or a proxy going away', () => {
    expect(problemForClose(1006)).toBeNull();
    expect(problemForClose(1001)).toBeNull();
    expect(problemForClose(1000)).toBeNull();
    // A server fault closes with its own code: the storage notice would mislead.
    expect(problemForClose(4500)).toBeNull();
    expect(problemForClose(undefined)).toBeNull();
  });
});

describe('wsOriginFor', () => {
  it('maps http to ws and https to wss, keeping host and port', () => {
    expect(wsOriginFor('http://127.0.0.1:3000')).toBe('ws://127.0.0.1:3000');
    expect(wsOriginFor('https://samtavla.example.se')).toBe('wss://samtavla.example.se');
  });
});

describe('endingForClose', () => {
  it('tells a rotated link (4401) and a deleted board (4410) from every other close', () => {
    expect(endingForClose(4401)).toBe('revoked');
    expect(endingForClose(4410)).toBe('deleted');
    for (const code of [undefined, 1000, 1006, 1011, 4413, 4422, 4029]) expect(endingForClose(code)).toBeNull();
  });
});
