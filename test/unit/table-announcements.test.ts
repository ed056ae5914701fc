import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardText } from '../../client/cards/card-messages.ts';
import { collectChange, describeChanges, hasChanges, type RemoteChanges } from '../../client/table/remote-changes.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, deleteCard, readCard, setCardText } from '../../shared/card.ts';

/** Two replicas; what `other` does reaches `mine` as a remote update, collected like the table does. */
function replicas() {
  const mine = new Y.Doc();
  const other = new Y.Doc();
  const changes: RemoteChanges = { added: new Set(), edited: new Set(), removed: 0 };
  cardsMap(mine).observeDeep((events, transaction) => {
    if (!transaction.local) for (const event of events) collectChange(changes, event);
  });
  other.on('update', (update: Uint8Array) => Y.applyUpdate(mine, update, 'remote'));
  mine.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(other, update));
  return { mine, other, changes };
}

const sv = cardText('sv', null);
const en = cardText('en', null);
const titleIn = (doc: Y.Doc) => (id: string) => readCard(doc, id)?.title;

describe('announcing the others’ changes in the table', () => {
  it('collects the cards others add, edit and delete, and none of one’s own', () => {
    const { mine, other, changes } = replicas();
    const own = createCard(mine, { goalId: 'A1', createdBy: 'Olle', fields: { title: 'Min egen' } });
    setCardText(mine, own, 'title', 'Min egen, ändrad');
    expect(hasChanges(changes)).toBe(false);

    const added = createCard(other, { goalId: 'A1', createdBy: 'Karin', fields: { title: 'Hembesök' } });
    setCardText(other, own, 'title', 'Min egen, av Karin');
    expect([...changes.added]).toEqual([added]);
    expect([...changes.edited]).toEqual([own]);

    deleteCard(other, own);
    expect(changes.removed).toBe(1);
    expect(changes.edited.size).toBe(0);
    expect(describeChanges(changes, titleIn(mine), sv.t)).toBe(
      'Tillagt av andra: ”Hembesök”. En aktivitet togs bort av andra.',
    );
  });

  it('does not count a card added and deleted by others in between as removed', () => {
    const { other, changes } = replicas();
    const fleeting = createCard(other, { goalId: 'A1', createdBy: 'Karin', fields: { title: 'Snabb' } });
    deleteCard(other, fleeting);
    expect(hasChanges(changes)).toBe(false);
  });

  it('lists three titles and counts the rest, in the interface language', () => {
    const { mine, other, changes } = replicas();
    for (const title of ['Ett', 'Två', 'Tre', 'Fyra', 'Fem'])
      createCard(other, { goalId: 'A1', createdBy: 'K', fields: { title } });
    expect(describeChanges(changes, titleIn(mine), en.t)).toBe('Added by others: ”Ett”, ”Två”, ”Tre” and 2 more.');
    expect(describeChanges(changes, titleIn(mine), sv.t)).toBe('Tillagt av andra: ”Ett”, ”Två”, ”Tre” och 2 till.');
  });
});
