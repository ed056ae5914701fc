/**
 * Keeps the canvas's zone and card shapes where the layout says, on every
 * page (writers, viewers, a version's view alike). The layout is a pure
 * function of the template and the cards' goal and order (shared/board-layout.ts),
 * so every client derives the same board from the document: the shapes are
 * put into this store as remote changes only, which the canvas binding never
 * writes (and skips when they come from an old board's stored records).
 *
 * Dropping a dragged card (or nudging it) is the one way a person moves it:
 * the goal and the index under the card's centre are written as the card's
 * goalId and order in one transaction, and the layout then snaps it into its
 * slot, for everyone. A drop that changes nothing snaps it back.
 */
import { type Editor, react, type TLPageId, type TLShape, type TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import { Origin } from '../../../shared/board-doc.ts';
import { type BoardLayout, dropTarget, layoutBoard } from '../../../shared/board-layout.ts';
import { BOARD_PAGE_ID, isLayoutRecord } from '../../../shared/canvas-contract.ts';
import { observeCards } from '../../../shared/card.ts';
import { type CardPlacement, compareCardOrder, placeCards, readPlacements } from '../../../shared/card-order.ts';
import type { Template } from '../../../shared/template.ts';
import { isActivityCardShape } from '../card/ActivityCardShape.ts';
import { layoutRecords, samePlace } from './layout-records.ts';
import { boardLayoutOf } from './layout-signal.ts';

export interface LayoutBinding {
  /** The board as laid out now. */
  current(): BoardLayout;
  /** The board's template changed (a layout edit reached the document): zones and cards move to the new layout. */
  setTemplate(template: Template): void;
  stop(): void;
}

export interface LayoutOptions {
  doc: Y.Doc;
  template: Template;
  /** False on pages that never write (a viewer, a version): drops are not read. */
  writes: boolean;
}

/**
 * Arrows bound to shapes the layout is about to take away (a card someone deleted, anywhere):
 * unbound where they end now, as this person's change, so the document keeps no binding to a
 * shape that is gone. Every writing page does the same, to the same result.
 */
function unbindArrows(editor: Editor, shapeIds: readonly TLShapeId[]): void {
  const bindings = shapeIds.flatMap((id) => editor.getBindingsInvolvingShape(id));
  if (bindings.length === 0) return;
  editor.run(() => editor.deleteBindings(bindings, { isolateShapes: true }), { history: 'ignore' });
}

export function bindLayout(editor: Editor, options: LayoutOptions): LayoutBinding {
  const { doc, writes } = options;
  let template = options.template;
  const store = editor.store;
  let layout = layoutBoard(template, []);
  const layoutOf = (placements: readonly CardPlacement[]) =>
    layoutBoard(
      template,
      placements.map(({ id, goalId }) => ({ id, goalId })),
    );
  const dragged = (): Set<TLShapeId> =>
    editor.isIn('select.translating') ? new Set(editor.getSelectedShapeIds()) : new Set();

  /** Puts every layout shape that is not where it should be, and removes the ones the layout no longer has. */
  const apply = () => {
    // The board's one page (the canvas contract refuses others), not whichever page sorts first.
    const pageId = editor.getPage(BOARD_PAGE_ID as TLPageId)?.id ?? editor.getCurrentPageId();
    const wanted = layoutRecords(layout, pageId);
    const skip = dragged();
    const put = wanted
      .filter((record) => !skip.has(record.id) && !samePlace(store.get(record.id), record))
      .map((record) => {
        const existing = store.get(record.id) as TLShape | undefined;
        return existing ? ({ ...existing, ...record, meta: existing.meta } as TLShape) : record;
      });
    const keep = new Set<string>(wanted.map((record) => record.id));
    const remove = store
      .allRecords()
      .filter((record) => isLayoutRecord(record.id, record) && !keep.has(record.id))
      .map((record) => record.id);
    if (put.length === 0 && remove.length === 0) return;
    if (remove.length && writes && !editor.getIsReadonly()) unbindArrows(editor, remove as TLShapeId[]);
    store.mergeRemoteChanges(() => {
      if (remove.length) store.remove(remove);
      if (put.length) store.put(put);
    });
  };

  const $layout = boardLayoutOf(editor);
  const relayout = () => {
    layout = layoutOf(readPlacements(doc));
    $layout.set(layout);
    apply();
  };

  /** Card shapes the person moved away from their slots: their new goal and index, written in one step. */
  const settle = () => {
    const slots = new Map(layout.cards.map((slot) => [slot.id, slot]));
    const moved = editor
      .getCurrentPageShapes()
      .filter(isActivityCardShape)
      .filter((shape) => {
        const slot = slots.get(shape.props.cardId);
        return slot && (Math.abs(slot.x - shape.x) > 0.5 || Math.abs(slot.y - shape.y) > 0.5);
      });
    if (moved.length === 0) return;
    const movingIds = new Set(moved.map((shape) => shape.props.cardId));
    const placements = readPlacements(doc);
    const others = layoutOf(placements.filter((card) => !movingIds.has(card.id)));
    const moves = moved
      .map((shape) => {
        const bounds = editor.getShapePageBounds(shape);
        const centre = bounds ? bounds.center : { x: shape.x + shape.props.w / 2, y: shape.y + shape.props.h / 2 };
        return { id: shape.props.cardId, ...dropTarget(others, centre), y: centre.y, x: centre.x };
      })
      // Cards dropped at one index keep the order they were dragged in, top to bottom, left to right.
      .sort((a, b) => a.index - b.index || a.y - b.y || a.x - b.x);
    const unchanged =
      moves.length === 1 &&
      moves.every((move) => {
        const card = placements.find((p) => p.id === move.id);
        if (!card || card.goalId !== move.goalId) return false;
        const before = placements.filter(
          (p) => p.goalId === card.goalId && p.id !== card.id && compareCardOrder(p, card) < 0,
        );
        return before.length === move.index;
      });
    if (unchanged) apply();
    else placeCards(doc, moves, Origin.user);
  };

  const stopObserving = observeCards(doc, (changes) => {
    if (changes.added.size + changes.removed.size + changes.goalChanged.size + changes.orderChanged.size > 0) {
      relayout();
    }
  });

  // A drag ends when the select tool leaves its translating state (drop or Escape).
  let translating = false;
  const stopDrop = react('card drop', () => {
    const now = editor.getPath().startsWith('select.translating');
    if (translating && !now && writes && !editor.getIsReadonly()) settle();
    else if (translating && !now) apply();
    translating = now;
  });
  // Moves outside a drag (arrow keys, align): settled as drops once the change is in the store.
  const stopNudge = store.listen(
    ({ changes }) => {
      if (!writes || translating || editor.getIsReadonly()) return;
      const movedCard = Object.values(changes.updated).some(([, to]) => isActivityCardShape(to as TLShape));
      if (movedCard) settle();
    },
    { source: 'user', scope: 'document' },
  );

  relayout();
  return {
    current: () => layout,
    setTemplate: (next) => {
      if (next === template) return;
      template = next;
      relayout();
    },
    stop: () => {
      stopObserving();
      stopDrop();
      stopNudge();
      $layout.set(null);
    },
  };
}
