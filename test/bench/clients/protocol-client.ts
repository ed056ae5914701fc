/**
 * A participant that speaks the y-websocket protocol without holding the
 * board: its Y.Doc has only its own card (edited through shared/card.ts, so its
 * updates are real Yjs updates), and what the server relays is read as bytes
 * (send-time tokens found in the raw update) but not applied.
 *
 * Why: a stock client applies every relayed update to a full Y.Doc, ≈ 0.1–0.3 ms
 * each on the bench machine. 250 of them on one machine need more cores than the
 * server; in a workshop each person has their own. These clients let the bench
 * load the server to its own limit; the stock clients show what a browser sees.
 */
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MESSAGE_SYNC,
} from '../../../server/sync/protocol.ts';
import {
  clockMs,
  createOwnCard,
  type Observation,
  observeBytes,
  type Participant,
  presenceState,
  typeToken,
} from './participant.ts';

export class ProtocolClient implements Participant {
  readonly doc = new Y.Doc();
  readonly synced: Promise<void>;
  readonly cardCount = undefined;
  private readonly socket: WebSocket;
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private cardId = '';
  private edits = 0;
  /** Close code when the server dropped this client (protocol clients do not reconnect). */
  closedWith: number | undefined;

  readonly boardId: string;
  private readonly index: number;

  constructor(wsBase: string, boardId: string, index: number, epochNs: bigint, observe: (o: Observation) => void) {
    this.boardId = boardId;
    this.index = index;
    this.socket = new WebSocket(`${wsBase}/${boardId}`);
    this.socket.binaryType = 'nodebuffer';
    const send = (message: Uint8Array) => this.socket.readyState === this.socket.OPEN && this.socket.send(message);
    this.doc.on('update', (update: Uint8Array) => send(encodeUpdate(update)));
    this.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) =>
      send(encodeAwareness(this.awareness, [...added, ...updated])),
    );
    this.awareness.setLocalState(null);
    this.socket.on('open', () => send(encodeSyncStep1(this.doc)));
    this.socket.on('close', (code) => {
      this.closedWith = code;
    });
    this.synced = new Promise((resolve, reject) => {
      this.socket.on('error', reject);
      this.socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(data);
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        // The server's step 1 asks for what we have that it lacks.
        if (step === 0) send(encodeSyncStep2(this.doc, payload));
        else observeBytes(payload, clockMs(epochNs), observe);
        if (step === 1) resolve();
      });
    });
  }

  createOwnCard(): void {
    this.cardId = createOwnCard(this.doc, this.index);
  }

  edit(sentAt: number): void {
    typeToken(this.doc, this.cardId, this.edits++, sentAt);
  }

  initPresence(): void {
    this.awareness.setLocalState(presenceState(this.index));
  }

  moveCursor(step: number): void {
    this.awareness.setLocalState(presenceState(this.index, step));
  }

  destroy(): void {
    this.awareness.destroy();
    this.socket.close();
    this.doc.destroy();
  }
}
