/**
 * The relay's wire format and one board's channel end (README "Running on
 * several machines"): what goes over Redis decodes to what was sent, anything
 * else is ignored, and a lost message is noticed.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { BoardChannel, type ChannelTransport } from '../../server/sync/relay/board-channel.ts';
import {
  decodeRelayMessage,
  encodeRelayMessage,
  type RelayEvent,
  type RelayMessage,
} from '../../server/sync/relay/relay-message.ts';

const EVENTS: RelayEvent[] = [
  { kind: 'update', seq: 4_294_967_296, update: new Uint8Array([1, 2, 3]) },
  { kind: 'awareness', update: new Uint8Array([9]) },
  { kind: 'close', code: 4401, reason: 'this link is no longer valid', roles: ['participant', 'viewer'] },
  { kind: 'lock', locked: true },
  { kind: 'tick' },
];

describe('relay messages', () => {
  it('decode to what was encoded', () => {
    for (const event of EVENTS) {
      const message: RelayMessage = { publisher: 'proc/room', counter: 7, event };
      expect(decodeRelayMessage(encodeRelayMessage(message))).toEqual(message);
    }
  });

  it('ignore bytes that are not a message, a close code not ours, a role that does not exist', () => {
    const valid = encodeRelayMessage({ publisher: 'p/r', counter: 1, event: { kind: 'tick' } });
    expect(decodeRelayMessage(new Uint8Array([0xff, 0xff, 0xff]))).toBeUndefined();
    expect(decodeRelayMessage(new Uint8Array([...valid, 0]))).toBeUndefined();
    expect(decodeRelayMessage(valid.subarray(0, valid.length - 1))).toBeUndefined();
    const close = (code: number, roles: string) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, 'p/r');
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint(encoder, code);
      encoding.writeVarString(encoder, 'x');
      encoding.writeVarString(encoder, roles);
      return encoding.toUint8Array(encoder);
    };
    expect(decodeRelayMessage(close(4401, 'participant'))?.event).toMatchObject({ kind: 'close', code: 4401 });
    expect(decodeRelayMessage(close(1000, 'participant'))).toBeUndefined();
    expect(decodeRelayMessage(close(4401, 'admin'))).toBeUndefined();
  });

  it('copy an update out of the bytes it came in (the Redis client may reuse them)', () => {
    const bytes = encodeRelayMessage({ publisher: 'p/r', counter: 1, event: EVENTS[0] as RelayEvent });
    const decoded = decodeRelayMessage(bytes);
    bytes.fill(0);
    expect(decoded?.event).toEqual(EVENTS[0]);
  });
});

function channel() {
  const sent: RelayMessage[] = [];
  const transport: ChannelTransport = { send: (_, message) => sent.push(message), leave: () => {} };
  const board = new BoardChannel('board', 'me', 'n1', transport);
  const heard: RelayEvent[] = [];
  let missed = 0;
  return {
    board,
    sent,
    heard,
    missed: () => missed,
    attach: () => board.attach({ event: (event) => heard.push(event), missed: () => missed++ }),
  };
}

const from = (publisher: string, counter: number): RelayMessage => ({ publisher, counter, event: { kind: 'tick' } });

describe('a board channel', () => {
  it('numbers what it publishes and drops what comes back from its own process', () => {
    const c = channel();
    c.attach();
    c.board.publish({ kind: 'tick' });
    c.board.publish({ kind: 'lock', locked: false });
    expect(c.sent.map((m) => [m.publisher, m.counter])).toEqual([
      ['me/n1', 1],
      ['me/n1', 2],
    ]);
    c.board.receive(from('me/other-room', 1));
    expect(c.heard).toEqual([]);
  });

  it('keeps what arrives before the room is attached, and tells of a gap then', () => {
    const c = channel();
    c.board.receive(from('them/a', 1));
    c.board.receive(from('them/a', 3));
    expect(c.missed()).toBe(0);
    c.attach();
    expect(c.heard).toHaveLength(2);
    expect(c.missed()).toBe(1);
  });

  it("notices a lost message after a publisher's first; uncounted events never", () => {
    const c = channel();
    c.attach();
    c.board.receive(from('them/a', 1));
    c.board.receive(from('them/a', 2));
    expect(c.missed()).toBe(0);
    c.board.receive(from('them/a', 4));
    expect(c.missed()).toBe(1);
    c.board.receive({ publisher: 'them/-', counter: 0, event: { kind: 'lock', locked: true } });
    c.board.receive({ publisher: 'them/-', counter: 0, event: { kind: 'lock', locked: false } });
    expect(c.missed()).toBe(1);
  });

  it('takes the first number heard of a publisher as its baseline, and a gap after it as a loss', () => {
    const c = channel();
    c.attach();
    // The room loaded after its subscription was confirmed: what `them/b` sent before is stored.
    c.board.receive({ publisher: 'them/b', counter: 5, event: { kind: 'lock', locked: true } });
    c.board.receive({ publisher: 'them/b', counter: 6, event: { kind: 'lock', locked: false } });
    expect(c.missed()).toBe(0);
    expect(c.heard).toHaveLength(2);
    c.board.receive({ publisher: 'them/b', counter: 8, event: { kind: 'lock', locked: true } });
    expect(c.missed()).toBe(1);
  });

  it('catches up when the first it hears of a publisher is its tick: that publisher lost messages', () => {
    const c = channel();
    c.attach();
    c.board.receive(from('them/c', 7));
    expect(c.missed()).toBe(1);
    c.board.receive(from('them/c', 8));
    expect(c.missed()).toBe(1);
  });

  it('catches up on an uncounted tick: a control event another process could not publish', () => {
    const c = channel();
    c.attach();
    c.board.receive(from('them/-', 0));
    expect(c.missed()).toBe(1);
    expect(c.heard).toEqual([]);
  });
});
