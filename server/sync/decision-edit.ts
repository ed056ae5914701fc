/**
 * The facilitator's decision on a card (POST /api/boards/:id/decisions, README "Decisions"),
 * computed from the whole state in the state worker as one update of the server's own, like
 * round-edit.ts: the card's status, its decision and a log entry, together or not at all. A
 * refused edit comes back as plain data (errors lose their class on the way back from the worker).
 */
import * as Y from 'yjs';
import { Origin } from '../../shared/board-doc.ts';
import { readCard } from '../../shared/card.ts';
import { missingForAgreed, type RequiredField } from '../../shared/card-schema.ts';
import { type DecisionLogEntry, recordDecision } from '../../shared/decisions/decisions.ts';
import { TITLE_MAX } from '../../shared/fields/card-fields.ts';

export interface DecisionEdit {
  cardId: string;
  agreed: boolean;
  note: string;
  by: string;
}

export type DecisionEditResult =
  | { update: Uint8Array; entry: DecisionLogEntry }
  | { refused: { kind: 'unknown'; message: string } }
  | { refused: { kind: 'incomplete'; message: string; missing: RequiredField[] } };

export function editDecision(state: Uint8Array, edit: DecisionEdit, now: number): DecisionEditResult {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    const card = readCard(doc, edit.cardId);
    if (!card) return { refused: { kind: 'unknown', message: 'no card with that id on the board' } };
    // The same rule as the editor's status control: an agreed card has its required fields.
    const missing = edit.agreed ? missingForAgreed(card) : [];
    if (missing.length > 0) {
      return { refused: { kind: 'incomplete', message: `the card lacks ${missing.join(', ')}`, missing } };
    }
    const entry: DecisionLogEntry = {
      cardId: card.id,
      title: card.title.slice(0, TITLE_MAX),
      agreed: edit.agreed,
      note: edit.note,
      by: edit.by,
      at: new Date(now).toISOString(),
    };
    recordDecision(doc, entry, Origin.server);
    return { update: Y.encodeStateAsUpdate(doc, before), entry };
  } finally {
    doc.destroy();
  }
}
