/**
 * Boards as documents, for the REST routes and the CLI alike: create a board
 * from a template or from an imported plan, and read a board's document from
 * storage. Reading from storage gives every acknowledged edit, since the
 * server stores an update before it relays it.
 */
import * as Y from 'yjs';
import type { BoardInfo, CreatedBoard } from '../../shared/api.ts';
import { initBoardDoc, readMeta } from '../../shared/board-doc.ts';
import { randomId } from '../../shared/ids.ts';
import type { Template } from '../../shared/template.ts';
import { newBoardTokens } from '../auth/tokens.ts';
import type { BoardStore } from '../storage/store.ts';

/**
 * Stores a board whose document (meta included) is already built, under a new
 * id, with fresh tokens: the answer is the only time anyone sees them.
 */
export async function storeNewBoard(store: BoardStore, doc: Y.Doc): Promise<CreatedBoard> {
  const meta = readMeta(doc);
  if (!meta) throw new Error('a new board document needs its meta');
  const info: BoardInfo = {
    id: randomId(),
    title: meta.title,
    templateId: meta.templateId,
    templateVersion: meta.templateVersion,
    createdAt: meta.createdAt,
    locked: false,
  };
  const { tokens, hashes } = newBoardTokens();
  await store.createBoard(info, Y.encodeStateAsUpdate(doc), hashes);
  return { ...info, tokens };
}

/** Stores a board from an encoded document state (an import built in the plan worker). */
export async function storeNewBoardState(
  store: BoardStore,
  state: Uint8Array,
): Promise<{ board: CreatedBoard; cardCount: number }> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return { board: await storeNewBoard(store, doc), cardCount: doc.getMap('cards').size };
  } finally {
    doc.destroy();
  }
}

/** Creates an empty board laid out on a template. */
export async function createEmptyBoard(store: BoardStore, title: string, template: Template): Promise<CreatedBoard> {
  const doc = new Y.Doc();
  initBoardDoc(doc, {
    title,
    templateId: template.id,
    templateVersion: template.version,
    createdAt: new Date().toISOString(),
    template,
  });
  try {
    return await storeNewBoard(store, doc);
  } finally {
    doc.destroy();
  }
}

/** The board's document as stored. The caller destroys it when done. */
export async function loadBoardDoc(store: BoardStore, boardId: string): Promise<Y.Doc> {
  const { updates } = await store.loadBoard(boardId);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
