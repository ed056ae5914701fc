/** Creating cards on the canvas: from the toolbar button and by double-clicking inside a goal zone. */
import type { Editor, TLEventInfo } from 'tldraw';
import type * as Y from 'yjs';
import { Origin } from '../../../shared/board-doc.ts';
import { type BoardLayout, dropTarget, goalAtPoint } from '../../../shared/board-layout.ts';
import { createCard } from '../../../shared/card.ts';
import { placeCard } from '../../../shared/card-order.ts';
import { isZoneShape } from '../zones/ZoneShape.ts';
import { cardShapeId } from './ActivityCardShape.ts';

export interface NewCardOptions {
  doc: Y.Doc;
  personName: string;
  /** The time frame a new card starts with (the plan year). */
  period: string;
}

/**
 * Creates a card in `goalId` (null: unplaced) at `index` among its cards (at
 * the end without one), in one transaction: one undo step, and the others
 * never see it anywhere else. Returns the card id.
 */
export function addCard(
  options: NewCardOptions,
  goalId: string | null,
  index = Number.POSITIVE_INFINITY,
  fields: { title?: string; activity?: string } = {},
): string {
  const { doc } = options;
  let id = '';
  doc.transact(() => {
    id = createCard(doc, { goalId, createdBy: options.personName, fields: { period: options.period, ...fields } });
    // Placed even at the end: the creation time alone would put it before cards with larger orders.
    placeCard(doc, id, goalId, index);
  }, Origin.user);
  return id;
}

/** Creates a card where `point` (page coordinates) falls in the layout: that goal, at that place in its grid. */
export function addCardAt(
  editor: Editor,
  options: NewCardOptions,
  layout: BoardLayout,
  point: { x: number; y: number },
) {
  const { goalId, index } = dropTarget(layout, point);
  const id = addCard(options, goalId, index);
  editor.select(cardShapeId(id));
  return id;
}

/**
 * Calls `onDoubleClick` with the page point when someone double-clicks an
 * empty spot inside a goal zone (zones are locked, so tldraw reports it as a
 * double-click on the canvas). Needs tldraw's own text-on-double-click off.
 */
export function onZoneDoubleClick(
  editor: Editor,
  layout: () => Pick<BoardLayout, 'goals'>,
  onDoubleClick: (point: { x: number; y: number }) => void,
): () => void {
  const handler = (info: TLEventInfo) => {
    // On the second release, so no pointer event of the double-click follows to pull focus back to the canvas.
    if (info.type !== 'click' || info.name !== 'double_click' || info.phase !== 'up') return;
    if (info.target !== 'canvas' || editor.getIsReadonly() || info.shiftKey || info.ctrlKey) return;
    const point = editor.inputs.getCurrentPagePoint();
    if (!goalAtPoint(layout(), point.x, point.y)) return;
    const hit = editor.getShapeAtPoint(point, { hitInside: true });
    if (hit && !isZoneShape(hit)) return;
    onDoubleClick({ x: point.x, y: point.y });
  };
  editor.on('event', handler);
  return () => {
    editor.off('event', handler);
  };
}

/** tldraw options the card layer needs: a double-click in a zone makes a card, not a text shape. */
export const cardTldrawOptions = { createTextOnCanvasDoubleClick: false } as const;
