/**
 * What card shapes, rendered deep inside tldraw, need from the board: the
 * document, the template, and a way to open the card editor. A React context
 * carries the first two into shape components; the opener is kept per editor,
 * because ShapeUtil handlers (double-click) run outside React.
 */
import { createContext, useContext } from 'react';
import type { Editor } from 'tldraw';
import type * as Y from 'yjs';
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

const openers = new WeakMap<Editor, (cardId: string) => void>();

/** Registers the function that opens the card editor on this editor's board; returns the unregister function. */
export function registerCardOpener(editor: Editor, open: (cardId: string) => void): () => void {
  openers.set(editor, open);
  return () => {
    if (openers.get(editor) === open) openers.delete(editor);
  };
}

export function openCardEditor(editor: Editor, cardId: string): void {
  openers.get(editor)?.(cardId);
}
