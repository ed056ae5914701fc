/** A participant on a stock y-websocket client: the board's full Y.Doc, as a browser holds it. */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cardsMap } from '../../../shared/board-doc.ts';
import {
  clockMs,
  createOwnCard,
  type Observation,
  observeText,
  type Participant,
  presenceState,
  typeToken,
} from './participant.ts';

export class YjsClient implements Participant {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly synced: Promise<void>;
  private cardId = '';
  private edits = 0;

  readonly boardId: string;
  private readonly index: number;

  constructor(wsBase: string, boardId: string, index: number, epochNs: bigint, observe: (o: Observation) => void) {
    this.boardId = boardId;
    this.index = index;
    this.provider = new WebsocketProvider(wsBase, boardId, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 1000,
    });
    this.synced = new Promise((resolve) => {
      if (this.provider.synced) resolve();
      this.provider.on('sync', (synced: boolean) => synced && resolve());
    });
    // One deep observer per client: remote text inserts carry the tokens of other clients' edits.
    cardsMap(this.doc).observeDeep((events) => {
      const now = clockMs(epochNs);
      for (const event of events) {
        if (event.transaction.local || !(event.target instanceof Y.Text)) continue;
        for (const op of event.delta) if (typeof op.insert === 'string') observeText(op.insert, now, observe);
      }
    });
  }

  createOwnCard(): void {
    this.cardId = createOwnCard(this.doc, this.index);
  }

  edit(sentAt: number): void {
    typeToken(this.doc, this.cardId, this.edits++, sentAt);
  }

  initPresence(): void {
    this.provider.awareness.setLocalState(presenceState(this.index));
  }

  moveCursor(step: number): void {
    this.provider.awareness.setLocalState(presenceState(this.index, step));
  }

  get cardCount(): number {
    return cardsMap(this.doc).size;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
