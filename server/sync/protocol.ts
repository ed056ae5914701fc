/**
 * The y-websocket wire protocol as pure functions: bytes in, a decoded message
 * or bytes out. No sockets, no storage, so it is tested without a network.
 *
 * A message is varUint(type) followed by its payload:
 *   0 sync       varUint(step) + varUint8Array  (0 step 1: state vector,
 *                1 step 2: update, 2 update: update)
 *   1 awareness  varUint8Array (an awareness update)
 *   3 query awareness (no payload)
 *   2 auth       varUint(0: permission denied) + varString(reason); sent by the server when
 *                it refuses a viewer's (or a locked board's participant's) update;
 *                a client sending it is ignored.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MAX_UPDATE_BYTES } from '../../shared/limits.ts';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** A parsed (not applied) Yjs update: its structs and delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** One client's state in an awareness update, as sent: its JSON in UTF-8 ("null" when the client left). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Uint8Array;
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  /** An update; `step2` when it is the client's answer to our sync step 1 (all it has that we lack). */
  | { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate; step2: boolean }
  /** An update over MAX_UPDATE_BYTES: refused unparsed, so its size costs no decoding. */
  | { kind: 'oversized-update'; bytes: number }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' }
  | { kind: 'ignored' };

/** Thrown for bytes that are not a well-formed y-websocket message. */
export class ProtocolError extends Error {}

/**
 * Decodes one client message. Updates are fully parsed (not applied) so a
 * malformed update is rejected here, before it could reach storage.
 */
export function decodeClientMessage(bytes: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return decodeSync(decoder);
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        return { kind: 'awareness', update, entries: readAwarenessEntries(update) };
      }
      case MESSAGE_QUERY_AWARENESS:
        return { kind: 'query-awareness' };
      case MESSAGE_AUTH:
        return { kind: 'ignored' };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${(error as Error).message}`);
  }
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === syncProtocol.messageYjsSyncStep1) {
    Y.decodeStateVector(payload);
    return { kind: 'sync-step1', stateVector: payload };
  }
  if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
    if (payload.byteLength > MAX_UPDATE_BYTES) return { kind: 'oversized-update', bytes: payload.byteLength };
    // Throws on truncated or garbled updates; nothing is applied yet. The parse is
    // kept: the room reads the card changes from it instead of parsing again.
    return {
      kind: 'update',
      update: payload,
      decoded: Y.decodeUpdate(payload),
      step2: step === syncProtocol.messageYjsSyncStep2,
    };
  }
  throw new ProtocolError(`unknown sync step ${step}`);
}

/**
 * Walks an awareness update's structure so garbage is refused before it is
 * applied, and returns its entries. The states are not decoded here: the room
 * refuses oversized ones from their size alone, before paying for a JSON parse
 * (presence.ts checks that the rest are JSON).
 */
function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: decoding.readVarUint8Array(decoder) });
  }
  return entries;
}

/** An awareness update of the given entries (a filtered copy of a client's update). */
export const encodeAwarenessEntries = (entries: readonly AwarenessEntry[]): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const { clientId, clock, state } of entries) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint8Array(e, state); // what writeVarString writes for the same text
    }
  });

const encode = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** Sync step 1: the server's state vector, asking the client for what it lacks. */
export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
  });

/** Sync step 2: everything the client lacks, given its state vector. */
export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });

/** An update that changes nothing (a client's answer when it has nothing the server lacks). */
export const isEmptyUpdate = ({ structs, ds }: DecodedUpdate): boolean => structs.length === 0 && ds.clients.size === 0;

/** Sync step 1 from an encoded state vector (the room keeps its document as updates, not as a Y.Doc). */
export const encodeStateVectorMessage = (stateVector: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** Sync step 2 carrying an already computed update (what the client lacks). */
export const encodeSyncStep2Update = (update: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });

/** A document update relayed to peers. */
export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  });

export const encodeAwareness = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });

/** The y-websocket auth message "permission denied"; the stock client logs the reason. */
export const encodePermissionDenied = (reason: string): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH);
    authProtocol.writePermissionDenied(e, reason);
  });
