import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkLayout } from '../../server/sync/layout-guard.ts';
import { cardsMap, initBoardDoc } from '../../shared/board-doc.ts';
import { createCard, setCardText } from '../../shared/card.ts';

/** A server-side board doc and a client that synced it. */
function boardPair() {
  const server = new Y.Doc();
  initBoardDoc(server, { title: 'T', templateId: 'hsvo-2024-2026', templateVersion: '1.0.0', createdAt: 'now' });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** Records the updates a client makes. */
function capture(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  edit();
  doc.off('update', listener);
  return updates;
}

describe('layout guard', () => {
  it('accepts ordinary card and canvas edits, including edits that build on stored content', () => {
    const { server, client } = boardPair();
    const [created] = capture(client, () => {
      createCard(client, { id: 'c1', goalId: 'A1', createdBy: 'a', fields: { title: 'Hej' } });
    });
    expect(checkLayout(server, created!)).toBeNull();
    Y.applyUpdate(server, created!);
    const edits = capture(client, () => {
      setCardText(client, 'c1', 'title', 'Hej då');
      client.getMap('canvas').set('shape:1', { x: 1 });
      client.getMap('meta').set('title', 'Ny titel');
      cardsMap(client).delete('c1');
    });
    for (const update of edits) {
      expect(checkLayout(server, update)).toBeNull();
      Y.applyUpdate(server, update);
    }
  });

  it('refuses content outside meta, cards and canvas', () => {
    const { server, client } = boardPair();
    const [update] = capture(client, () => client.getText('notes').insert(0, 'x'));
    expect(checkLayout(server, update!)).toMatch(/outside the board layout \(root "notes"\)/);
    const [later] = capture(client, () => client.getText('notes').insert(1, 'y'));
    Y.applyUpdate(server, update!);
    expect(checkLayout(server, later!)).toMatch(/root "notes"/);
  });

  it('refuses a cards entry that is not a card map, also when it overwrites a card', () => {
    const { server, client } = boardPair();
    const [bad] = capture(client, () => cardsMap(client).set('x', 'not a map' as unknown as Y.Map<unknown>));
    expect(checkLayout(server, bad!)).toMatch(/cards entry "x" is not a card map/);

    const { server: s2, client: c2 } = boardPair();
    const [created] = capture(c2, () => createCard(c2, { id: 'c1', goalId: 'A1', createdBy: 'a' }));
    Y.applyUpdate(s2, created!);
    const [overwrite] = capture(c2, () => cardsMap(c2).set('c1', 42 as unknown as Y.Map<unknown>));
    expect(checkLayout(s2, overwrite!)).toMatch(/cards entry "c1"/);
  });
});
