/**
 * What card shapes, rendered deep inside tldraw, need from the board: the
 * document, the template, and a way to open the card editor. A React context
 * carries the first two into shape components; the opener is kept per editor,
 * because ShapeUtil handlers (double-click) run outside React.
 */
import { createContext, useContext } from 'react';
import type { Editor } from 'tldraw';
import type * as Y from 'yjs';
import { getCardText } from '../../../shared/card.ts';
import type { Template } from '../../../shared/template.ts';

export interface CardCanvasContextValue {
  doc: Y.Doc;
  template: Template;
  openCard(cardId: string): void;
}

export const CardCanvasContext = createContext<CardCanvasContextValue | null>(null);

export function useCardCanvas(): CardCanvasContextValue | null {
  return useContext(CardCanvasContext);
}

const boards = new WeakMap<Editor, Pick<CardCanvasContextValue, 'doc' | 'openCard'>>();

/** Registers this editor's board (its document and card opener); returns the unregister function. */
export function registerCardCanvas(
  editor: Editor,
  board: Pick<CardCanvasContextValue, 'doc' | 'openCard'>,
): () => void {
  boards.set(editor, board);
  return () => {
    if (boards.get(editor) === board) boards.delete(editor);
  };
}

export function openCardEditor(editor: Editor, cardId: string): void {
  boards.get(editor)?.openCard(cardId);
}

/** The card's title, for tldraw's screen-reader announcement of the selected shape. */
export function describeCard(editor: Editor, cardId: string): string | undefined {
  const doc = boards.get(editor)?.doc;
  return (doc && getCardText(doc, cardId, 'title')?.toString().trim()) || undefined;
}
