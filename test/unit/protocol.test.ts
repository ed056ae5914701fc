import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from '../../server/sync/protocol.ts';

const docWith = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
};

describe('y-websocket protocol', () => {
  it('round-trips the messages the server sends as messages a client would send', () => {
    const doc = docWith('hej');
    const step1 = decodeClientMessage(encodeSyncStep1(doc));
    expect(step1.kind).toBe('sync-step1');

    const empty = new Y.Doc();
    const step2 = decodeClientMessage(encodeSyncStep2(doc, Y.encodeStateVector(empty)));
    expect(step2.kind).toBe('update');
    if (step2.kind === 'update') Y.applyUpdate(empty, step2.update);
    expect(empty.getText('t').toString()).toBe('hej');

    const relayed = decodeClientMessage(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    expect(relayed.kind).toBe('update');
  });

  it('frames an update as type 0, step 2 (update), length-prefixed payload', () => {
    const update = Y.encodeStateAsUpdate(docWith('x'));
    const decoder = decoding.createDecoder(encodeUpdate(update));
    expect(decoding.readVarUint(decoder)).toBe(0);
    expect(decoding.readVarUint(decoder)).toBe(2);
    expect(decoding.readVarUint8Array(decoder)).toEqual(update);
  });

  it('rejects malformed, truncated and unknown messages with ProtocolError', () => {
    const update = encodeUpdate(Y.encodeStateAsUpdate(docWith('a longer text to cut')));
    for (const bad of [
      new Uint8Array([]),
      new Uint8Array([42]),
      new Uint8Array([0, 7, 0]),
      update.subarray(0, update.length - 4),
      new Uint8Array([1, 3, 1, 1, 1]),
    ]) {
      expect(() => decodeClientMessage(bad)).toThrow(ProtocolError);
    }
  });

  it('accepts query-awareness and ignores auth messages', () => {
    expect(decodeClientMessage(new Uint8Array([3])).kind).toBe('query-awareness');
    expect(decodeClientMessage(new Uint8Array([2, 0])).kind).toBe('ignored');
  });
});
