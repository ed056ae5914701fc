import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CardIndex } from '../../server/sync/card-index.ts';
import { layoutViolation } from '../../server/sync/layout-guard.ts';
import { cardsMap, initBoardDoc } from '../../shared/board-doc.ts';
import { createCard, setCardText } from '../../shared/card.ts';

/** A board as the server stores it and a client that synced it. */
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

/** Checks an update against the server's board the way the room does, and stores it when it passes. */
function check(server: Y.Doc, update: Uint8Array): string | null {
  const index = CardIndex.fromState(Y.encodeStateAsUpdate(server));
  const decoded = Y.decodeUpdate(update);
  const violation = layoutViolation(decoded, index.plan(decoded));
  if (!violation) Y.applyUpdate(server, update);
  return violation;
}

describe('layout guard', () => {
  it('accepts ordinary card, canvas and meta edits, including edits that build on stored content', () => {
    const { server, client } = boardPair();
    const edits = capture(client, () => {
      createCard(client, { id: 'c1', goalId: 'A1', createdBy: 'a', fields: { title: 'Hej' } });
      setCardText(client, 'c1', 'title', 'Hej då');
      client.getMap('canvas').set('shape:1', { x: 1 });
      client.getMap('meta').set('title', 'Ny titel');
      createCard(client, { id: 'c1', goalId: 'B1', createdBy: 'a' });
      cardsMap(client).delete('c1');
    });
    for (const update of edits) expect(check(server, update)).toBeNull();
    expect(server.getMap('meta').get('title')).toBe('Ny titel');
  });

  it('refuses content outside meta, cards and canvas', () => {
    const { server, client } = boardPair();
    const [update] = capture(client, () => client.getText('notes').insert(0, 'x'));
    expect(check(server, update!)).toMatch(/outside the board layout \(root "notes"\)/);
    const [map] = capture(client, () => client.getMap('other').set('k', 1));
    expect(check(server, map!)).toMatch(/root "other"/);
  });

  it('refuses a cards entry that is not a card map, also when it overwrites a card', () => {
    const { server, client } = boardPair();
    const [bad] = capture(client, () => cardsMap(client).set('x', 'not a map' as unknown as Y.Map<unknown>));
    expect(check(server, bad!)).toMatch(/cards entry "x" is not a card map/);

    const { server: s2, client: c2 } = boardPair();
    const [created] = capture(c2, () => createCard(c2, { id: 'c1', goalId: 'A1', createdBy: 'a' }));
    expect(check(s2, created!)).toBeNull();
    const [overwrite] = capture(c2, () => cardsMap(c2).set('c1', 42 as unknown as Y.Map<unknown>));
    expect(check(s2, overwrite!)).toMatch(/cards entry "c1"/);
  });
});
