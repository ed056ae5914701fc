/**
 * What server processes tell each other about one board over its Redis channel
 * (README "Running on several machines"), as pure functions: bytes in, a
 * message out. Binary (lib0 encoding), since a busy board relays hundreds of
 * updates a second.
 *
 * A message is varString(publisher) varUint(counter) varUint(kind) + payload:
 *   0 update     varUint(seq) + varUint8Array  (a batch the publisher stored, merged; seq: its last)
 *   1 awareness  varUint8Array                 (an awareness update of the publisher's peers)
 *   2 close      varUint(code) varString(reason) varString(roles, comma-separated)
 *   3 lock       varUint(0 | 1)
 *   4 tick       (nothing: sent after the publisher's own reconnect, so others see a gap in its counter)
 * `publisher` names one process's room of the board; `counter` numbers its
 * messages on the channel from 1, so a receiver sees a gap (a lost message);
 * 0 means "not counted" (sent by a process that does not hold the board open,
 * or by the command line).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { isRole, type Role } from '../../../shared/roles.ts';

export type RelayEvent =
  | { kind: 'update'; seq: number; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'close'; code: number; reason: string; roles: Role[] }
  | { kind: 'lock'; locked: boolean }
  | { kind: 'tick' };

export interface RelayMessage {
  publisher: string;
  counter: number;
  event: RelayEvent;
}

/** A message outside any room's numbering, from `processId` (a process or a command-line run). */
export const uncountedMessage = (processId: string, event: RelayEvent): RelayMessage => ({
  publisher: `${processId}/-`,
  counter: 0,
  event,
});

const KINDS = ['update', 'awareness', 'close', 'lock', 'tick'] as const;

export function encodeRelayMessage({ publisher, counter, event }: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, publisher);
  encoding.writeVarUint(encoder, counter);
  encoding.writeVarUint(encoder, KINDS.indexOf(event.kind));
  switch (event.kind) {
    case 'update':
      encoding.writeVarUint(encoder, event.seq);
      encoding.writeVarUint8Array(encoder, event.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, event.update);
      break;
    case 'close':
      encoding.writeVarUint(encoder, event.code);
      encoding.writeVarString(encoder, event.reason);
      encoding.writeVarString(encoder, event.roles.join(','));
      break;
    case 'lock':
      encoding.writeVarUint(encoder, event.locked ? 1 : 0);
      break;
    case 'tick':
      break;
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Decodes a channel message; undefined for bytes that are not one (another
 * program publishing on the channel, a newer version's kind): they are ignored,
 * never applied. The updates inside are parsed again by the room before use.
 */
export function decodeRelayMessage(bytes: Uint8Array): RelayMessage | undefined {
  try {
    const decoder = decoding.createDecoder(bytes);
    const publisher = decoding.readVarString(decoder);
    const counter = decoding.readVarUint(decoder);
    const event = decodeEvent(decoder, KINDS[decoding.readVarUint(decoder)]);
    if (!event || decoding.hasContent(decoder)) return undefined;
    return { publisher, counter, event };
  } catch {
    return undefined;
  }
}

function decodeEvent(decoder: decoding.Decoder, kind: (typeof KINDS)[number] | undefined): RelayEvent | undefined {
  switch (kind) {
    case 'update': {
      const seq = decoding.readVarUint(decoder);
      // Copied: the room keeps it, and the bytes read may be a view of the Redis client's buffer.
      return { kind, seq, update: decoding.readVarUint8Array(decoder).slice() };
    }
    case 'awareness':
      return { kind, update: decoding.readVarUint8Array(decoder).slice() };
    case 'close': {
      const code = decoding.readVarUint(decoder);
      const reason = decoding.readVarString(decoder);
      const roles = decoding.readVarString(decoder).split(',');
      // Close codes a server sends are 4000–4999 (limits.ts); anything else is not ours.
      if (code < 4000 || code > 4999 || !roles.every(isRole)) return undefined;
      return { kind, code, reason: reason.slice(0, 120), roles };
    }
    case 'lock': {
      const flag = decoding.readVarUint(decoder);
      return flag > 1 ? undefined : { kind, locked: flag === 1 };
    }
    case 'tick':
      return { kind };
    default:
      return undefined;
  }
}
