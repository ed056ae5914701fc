/** Creating cards on the canvas: from the toolbar button and by double-clicking inside a goal zone. */
import type { Editor, TLEventInfo } from 'tldraw';
import type * as Y from 'yjs';
import { createCard } from '../../../shared/card.ts';
import { goalAtPoint, type ZoneLayout } from '../zones/layout.ts';
import { isZoneShape } from '../zones/ZoneShape.ts';
import { CARD_SIZE, CARD_TYPE, cardShapeId } from './ActivityCardShape.ts';
import { placeAt } from './card-placement.ts';

export interface NewCardOptions {
  doc: Y.Doc;
  layout: ZoneLayout;
  personName: string;
  /** The time frame a new card starts with (the plan year). */
  period: string;
}

/**
 * Creates a card centred on `point` (page coordinates). Inside a goal zone it
 * belongs to that goal; elsewhere it is unplaced. Returns the card id.
 */
export function addCardAt(editor: Editor, options: NewCardOptions, point: { x: number; y: number }): string {
  const { doc, layout } = options;
  const goalId = goalAtPoint(layout, point.x, point.y);
  // The card before its shape: others then never see a shape without its card.
  const id = createCard(doc, { goalId, createdBy: options.personName, fields: { period: options.period } });
  const at = placeAt(layout, point, CARD_SIZE);
  editor.markHistoryStoppingPoint('add activity card');
  editor.createShapes([
    { id: cardShapeId(id), type: CARD_TYPE, x: at.x, y: at.y, props: { cardId: id, ...CARD_SIZE } },
  ]);
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
  layout: ZoneLayout,
  onDoubleClick: (point: { x: number; y: number }) => void,
): () => void {
  const handler = (info: TLEventInfo) => {
    // On the second release, so no pointer event of the double-click follows to pull focus back to the canvas.
    if (info.type !== 'click' || info.name !== 'double_click' || info.phase !== 'up') return;
    if (info.target !== 'canvas' || editor.getIsReadonly() || info.shiftKey || info.ctrlKey) return;
    const point = editor.inputs.getCurrentPagePoint();
    if (!goalAtPoint(layout, point.x, point.y)) return;
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
