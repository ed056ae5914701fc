/**
 * The board as laid out now, as a signal per editor, for what tldraw renders
 * in page space beside the shapes (the unplaced strip's heading) and so needs
 * the layout without going through React props. It may be read before the
 * layout is bound (tldraw renders before onMount): null until then.
 */
import { type Atom, atom, type Editor } from 'tldraw';
import type { BoardLayout } from '../../../shared/board-layout.ts';

const layouts = new WeakMap<Editor, Atom<BoardLayout | null>>();

export function boardLayoutOf(editor: Editor): Atom<BoardLayout | null> {
  let layout = layouts.get(editor);
  if (!layout) {
    layout = atom<BoardLayout | null>('board layout', null);
    layouts.set(editor, layout);
  }
  return layout;
}
