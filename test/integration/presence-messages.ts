/** Presence (awareness) messages as a raw client writes and reads them, for the presence tests. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE_AWARENESS } from '../../server/sync/protocol.ts';

/** A y-websocket awareness message carrying these clients' states, as a raw client would write it. */
export function presenceMessage(states: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, states.length);
  for (const { clientId, clock, state } of states) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/** The client ids in an awareness message, or undefined for any other message. */
export function presenceClients(message: Uint8Array): number[] | undefined {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return undefined;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const ids: number[] = [];
  for (let n = decoding.readVarUint(update); n > 0; n--) {
    ids.push(decoding.readVarUint(update));
    decoding.readVarUint(update);
    decoding.readVarUint8Array(update);
  }
  return ids;
}
