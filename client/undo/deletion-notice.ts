/**
 * "Aktiviteten togs bort — Ångra": the cards this person just deleted, per
 * board document, for the toast that offers to undo it. The canvas (Delete
 * key) and the card editor announce; UndoToast shows the latest.
 */
import type * as Y from 'yjs';

export interface DeletionNotice {
  /** Changes with every announcement, so the toast restarts its timer. */
  id: number;
  titles: string[];
}

interface NoticeStore {
  notice: DeletionNotice | null;
  listeners: Set<() => void>;
}

const stores = new WeakMap<Y.Doc, NoticeStore>();
let nextId = 1;

function storeFor(doc: Y.Doc): NoticeStore {
  let store = stores.get(doc);
  if (!store) {
    store = { notice: null, listeners: new Set() };
    stores.set(doc, store);
  }
  return store;
}

function set(doc: Y.Doc, notice: DeletionNotice | null): void {
  const store = storeFor(doc);
  store.notice = notice;
  for (const listener of [...store.listeners]) listener();
}

export function announceDeleted(doc: Y.Doc, titles: string[]): void {
  if (titles.length > 0) set(doc, { id: nextId++, titles });
}

export function dismissDeleted(doc: Y.Doc): void {
  set(doc, null);
}

export function currentDeletion(doc: Y.Doc): DeletionNotice | null {
  return storeFor(doc).notice;
}

export function subscribeDeletions(doc: Y.Doc, listener: () => void): () => void {
  const { listeners } = storeFor(doc);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
