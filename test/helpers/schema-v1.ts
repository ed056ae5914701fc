/**
 * A board document as schemaVersion 1 wrote it: its meta, and cards with the
 * keys createCard wrote then — every Y.Text field of the registry that is not
 * marked `since` a later version (so no Effektmått). Built by hand, not by
 * createCard, so the fields a migration must add are truly absent.
 */
import * as Y from 'yjs';
import { cardsMap, metaMap } from '../../shared/board-doc.ts';
import { TEXT_FIELDS } from '../../shared/fields/card-fields.ts';

/** The Y.Text fields a schemaVersion-1 card has. */
export const V1_TEXT_FIELDS = TEXT_FIELDS.filter((field) => !('since' in field) || field.since <= 1).map((f) => f.id);

export function schemaV1Board(cards: { id: string; goalId: string | null; title: string }[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', 1);
    meta.set('title', 'Samverkansplan Tierp 2025');
    meta.set('templateId', 'hsvo-2024-2026');
    meta.set('templateVersion', '1.0.0');
    meta.set('createdAt', '2025-01-10T08:00:00.000Z');
    meta.set('locked', false);
    cards.forEach((card, i) => {
      const map = new Y.Map<unknown>();
      map.set('id', card.id);
      map.set('goalId', card.goalId);
      map.set('status', 'draft');
      map.set('order', i + 1);
      map.set('createdAt', '2025-01-10T08:00:00.000Z');
      map.set('createdBy', 'Anna');
      for (const field of V1_TEXT_FIELDS) map.set(field, new Y.Text(field === 'title' ? card.title : ''));
      map.set('parties', new Y.Map());
      map.set('followUp', new Y.Map());
      map.set('votes', new Y.Map());
      cardsMap(doc).set(card.id, map);
    });
  });
  return doc;
}
