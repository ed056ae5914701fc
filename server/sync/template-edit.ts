/**
 * A change of a board's layout (PUT /api/boards/:id/template), computed from
 * the whole state in the state worker: the new meta.template and the cards of
 * removed goals and areas moved where the facilitator said, as one update of
 * the server's own. Cards keep their goalId when the id still exists in the new
 * template (a renamed area or goal, an added one). A removed place that still
 * holds cards and is not sent to a place of the new template refuses the
 * whole change: nothing is written, and the answer names those places.
 */
import * as Y from 'yjs';
import type { PlaceWithCards } from '../../shared/api.ts';
import { metaMap, Origin, templateJson } from '../../shared/board-doc.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { type CardMove, placeCards, readPlacements } from '../../shared/card-order.ts';
import { placeIds, type Template, templateGoals } from '../../shared/template.ts';

export type TemplateEditResult = { update: Uint8Array } | { placesWithCards: PlaceWithCards[] };

/** Card moves put last in their target, in the order they had (placeCards keeps equal indices in order). */
const LAST = Number.MAX_SAFE_INTEGER;

/** The title of a place of `template` (area or goal), in Swedish; its id when the template lacks it. */
function titleOf(template: Template | null, id: string): string {
  if (!template) return id;
  const area = template.focusAreas.find((a) => a.id === id);
  if (area) return area.title.sv;
  return templateGoals(template).find((entry) => entry.goal.id === id)?.goal.title.sv ?? id;
}

export function editTemplate(state: Uint8Array, next: Template, moves: Record<string, string>): TemplateEditResult {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const current = readBoardTemplate(doc);
    const before = current ? placeIds(current) : new Set<string>();
    const after = placeIds(next);
    const cardMoves: CardMove[] = [];
    const stranded = new Map<string, number>();
    for (const card of readPlacements(doc)) {
      // Unplaced cards, and cards on an id the old template did not know either, stay as they are.
      if (card.goalId === null || after.has(card.goalId) || !before.has(card.goalId)) continue;
      const target = Object.hasOwn(moves, card.goalId) ? moves[card.goalId] : undefined;
      if (target !== undefined && after.has(target)) cardMoves.push({ id: card.id, goalId: target, index: LAST });
      else stranded.set(card.goalId, (stranded.get(card.goalId) ?? 0) + 1);
    }
    if (stranded.size > 0) {
      return {
        placesWithCards: [...stranded].map(([id, cardCount]) => ({ id, title: titleOf(current, id), cardCount })),
      };
    }
    const vector = Y.encodeStateVector(doc);
    doc.transact(() => {
      metaMap(doc).set('template', templateJson(next));
      placeCards(doc, cardMoves, Origin.server);
    }, Origin.server);
    return { update: Y.encodeStateAsUpdate(doc, vector) };
  } finally {
    doc.destroy();
  }
}
