import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocIndex } from '../../server/sync/doc-index.ts';
import { refusalOf } from '../../server/sync/update-rules.ts';
import { cardsMap, initBoardDoc } from '../../shared/board-doc.ts';
import { createCard, deleteCard, getCardText, setCardParty, setCardText, setFollowUp } from '../../shared/card.ts';
import type { Role } from '../../shared/roles.ts';
import { prng, seedFor } from '../helpers/random.ts';

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

/** Checks an update the way the room does (index of the stored board), and stores it when it passes. */
function check(server: Y.Doc, update: Uint8Array, role: Role = 'participant'): string | null {
  const index = DocIndex.fromState(Y.encodeStateAsUpdate(server));
  const refusal = refusalOf(index, index.plan(Y.decodeUpdate(update)), role, { maxCardsPerBoard: 2_000 });
  if (!refusal) Y.applyUpdate(server, update);
  return refusal?.reason ?? null;
}

const titleNode = (index: DocIndex, doc: Y.Doc, cardId: string, field: 'title' | 'activity' = 'title') => {
  const text = getCardText(doc, cardId, field) as Y.Text;
  const item = text._item as Y.Item;
  return index.locate(item.id.client, item.id.clock)?.node as number;
};

describe('document index', () => {
  it('accepts ordinary card edits, including edits that build on stored content through origins', () => {
    const { server, client } = boardPair();
    const edits = capture(client, () => {
      createCard(client, { id: 'c1', goalId: 'A1', createdBy: 'a', fields: { title: 'Hej' } });
      setCardText(client, 'c1', 'title', 'Hej då');
      setCardParty(client, 'c1', 'Heby kommun', true);
      setFollowUp(client, 'c1', '2025', { status: 'ongoing', comment: 'Bra', effect: '', updatedBy: 'a' });
      setFollowUp(client, 'c1', '2025', { status: 'done', comment: 'Klart', effect: 'Mer', updatedBy: 'a' });
      setCardParty(client, 'c1', 'Heby kommun', false);
      createCard(client, { id: 'c1', goalId: 'B1', createdBy: 'a' });
      deleteCard(client, 'c1');
    });
    for (const update of edits) expect(check(server, update)).toBeNull();
  });

  it('keeps live text lengths through inserts and deletes, incrementally as from the whole state', () => {
    const { server, client } = boardPair();
    const index = DocIndex.fromState(Y.encodeStateAsUpdate(server));
    const updates = capture(client, () => {
      createCard(client, { id: 'c1', goalId: 'A1', createdBy: 'a', fields: { title: 'abcdef' } });
      getCardText(client, 'c1', 'title')?.delete(1, 3);
      getCardText(client, 'c1', 'title')?.insert(2, 'xyz');
    });
    for (const update of updates) index.commit(index.plan(Y.decodeUpdate(update)));
    const length = getCardText(client, 'c1', 'title')?.length;
    expect(length).toBe(6);
    expect(index.sizes[titleNode(index, client, 'c1')]).toBe(length);
    const fresh = DocIndex.fromState(Y.encodeStateAsUpdate(client));
    expect(fresh.sizes[titleNode(fresh, client, 'c1')]).toBe(length);
    // Serialised for the trip from the state worker and back: the same answers.
    const copy = DocIndex.fromData(structuredClone(index.toData()));
    expect(copy.sizes[titleNode(copy, client, 'c1')]).toBe(length);
    expect(copy.cardCount).toBe(1);
    const [more] = capture(client, () => getCardText(client, 'c1', 'title')?.insert(0, 'x'.repeat(195)));
    expect(
      refusalOf(copy, copy.plan(Y.decodeUpdate(more as Uint8Array)), 'participant', { maxCardsPerBoard: 9 }),
    ).toMatchObject({ code: 4422, reason: '"title" is longer than 200 characters' });
  });

  it('counts cards as a Y.Doc does, and a plan changes nothing until committed', () => {
    const { server, client } = boardPair();
    const index = DocIndex.fromState(Y.encodeStateAsUpdate(server));
    const updates = capture(client, () => {
      const ids = Array.from({ length: 6 }, (_, i) => createCard(client, { goalId: 'A1', createdBy: `p${i}` }));
      deleteCard(client, ids[1] as string);
      // The same key set again after a delete (an undo, an import) counts once more.
      cardsMap(client).set(ids[1] as string, new Y.Map());
    });
    const plan = index.plan(Y.decodeUpdate(updates[0] as Uint8Array));
    expect(index.cardCount, 'a plan changes nothing').toBe(0);
    index.commit(plan);
    for (const update of updates.slice(1)) index.commit(index.plan(Y.decodeUpdate(update)));
    expect(index.cardCount).toBe(cardsMap(client).size);
    expect(DocIndex.fromState(Y.encodeStateAsUpdate(client)).cardCount).toBe(6);
  });

  it('resolves dependencies inside one update in any order, and refuses one that builds on unknown content', () => {
    const { server, client } = boardPair();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    const [created] = capture(client, () => createCard(client, { id: 'c1', goalId: 'A1', createdBy: 'a' }));
    Y.applyUpdate(other, created as Uint8Array);
    // `other` types into the card `client` created: its items name the card's items as origin.
    const [typed] = capture(other, () => setCardText(other, 'c1', 'activity', 'Samverkan'));
    expect(check(server, typed as Uint8Array), 'the card it builds on was never stored').toMatch(
      /builds on content the server does not have/,
    );
    // Merged with the other client's id first in the struct order, both resolve together.
    expect(check(server, Y.mergeUpdates([typed as Uint8Array, created as Uint8Array]))).toBeNull();
  });

  it('refuses content outside meta, cards and canvas', () => {
    const { server, client } = boardPair();
    const [update] = capture(client, () => client.getText('notes').insert(0, 'x'));
    expect(check(server, update as Uint8Array)).toMatch(/outside the board layout \(root "notes"\)/);
  });

  it('refuses mistyped card keys: a number title, a map in a text, an unknown key, a format in a text', () => {
    const { server, client } = boardPair();
    const [created] = capture(client, () => createCard(client, { id: 'c1', goalId: 'A1', createdBy: 'a' }));
    expect(check(server, created as Uint8Array)).toBeNull();
    const card = (doc: Y.Doc) => cardsMap(doc).get('c1') as Y.Map<unknown>;
    const text = (doc: Y.Doc, field: 'title' | 'activity') => getCardText(doc, 'c1', field) as Y.Text;
    const attempts: [(doc: Y.Doc) => void, RegExp][] = [
      [(doc) => card(doc).set('title', 42), /card "title" must be a text/],
      [(doc) => text(doc, 'activity').insertEmbed(0, new Y.Map()), /holds more than characters/],
      [(doc) => text(doc, 'activity').insertEmbed(0, { image: 'x' }), /holds more than characters/],
      [(doc) => card(doc).set('colour', 'red'), /card "colour" is not in the board contract/],
      [(doc) => text(doc, 'title').insert(0, 'x', { bold: true }), /more than characters/],
      [(doc) => cardsMap(doc).set('c2', 'not a map' as never), /cards "c2" must be a map/],
      [(doc) => card(doc).set('status', 'done'), /card "status" must be one of draft, agreed/],
      [(doc) => (card(doc).get('parties') as Y.Map<unknown>).set('x'.repeat(201), true), /not in the board contract/],
      [(doc) => (card(doc).get('votes') as Y.Map<unknown>).set('p1', 2), /votes is written by the server only/],
    ];
    for (const [edit, expected] of attempts) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      expect(check(server, Y.mergeUpdates(capture(doc, () => edit(doc))))).toMatch(expected);
    }
  });

  it('guards meta by role (participants create only what is missing, server keys are nobody’s) and refuses zones', () => {
    const { server } = boardPair();
    const zone = (x: number) => ({
      id: 'shape:zone-A',
      typeName: 'shape',
      type: 'zone',
      x,
      y: 0,
      props: { w: 100, h: 100, kind: 'area', areaId: 'A', goalId: '' },
    });
    const schema = (sequences: object) => ({ schemaVersion: 2, sequences });
    /** An edit by a client that has synced everything the server stored. */
    const step = (edit: (meta: Y.Map<unknown>, canvas: Y.Map<unknown>) => void, role: Role) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      const updates = capture(doc, () => edit(doc.getMap('meta'), doc.getMap('canvas')));
      return check(server, Y.mergeUpdates(updates), role);
    };
    expect(step((meta) => meta.set('schemaVersion', 999), 'facilitator')).toMatch(/changed by the server only/);
    expect(step((meta) => meta.delete('templateId'), 'facilitator')).toMatch(/changed by the server only/);
    expect(step((meta) => meta.set('colour', 'red'), 'facilitator')).toMatch(/not in the board contract/);
    expect(step((meta) => meta.set('canvasSchema', schema({})), 'participant')).toBeNull();
    expect(
      step((meta) => meta.set('canvasSchema', schema({})), 'participant'),
      'the same value again',
    ).toBeNull();
    expect(step((meta) => meta.set('canvasSchema', schema({ x: 1 })), 'participant')).toMatch(
      /meta "canvasSchema" exists/,
    );
    expect(step((meta) => meta.set('canvasSchema', schema({ x: 1 })), 'facilitator')).toBeNull();
    const period = { from: '2025-01-01', to: '2026-12-31' };
    expect(step((meta) => meta.set('planPeriod', period), 'participant')).toMatch(/facilitator only/);
    expect(step((meta) => meta.set('planPeriod', period), 'facilitator')).toBeNull();
    // Zones are laid out by every client, never stored: nobody writes one.
    for (const role of ['participant', 'facilitator'] as const) {
      expect(step((_, canvas) => canvas.set('shape:zone-A', zone(0)), role)).toMatch(/laid out, not stored/);
    }
    // A zone an older board stored stays the facilitator's to delete (clients ignore it).
    server.getMap('canvas').set('shape:zone-A', zone(0));
    expect(step((_, canvas) => canvas.delete('shape:zone-A'), 'participant')).toMatch(/zone "shape:zone-A" exists/);
    expect(step((_, canvas) => canvas.delete('shape:zone-A'), 'facilitator')).toBeNull();
  });

  it('agrees with a Y.Doc on card count and live text lengths through concurrent edits of two people', () => {
    const seed = seedFor('document index', 20_261_201);
    const random = prng(seed);
    const { server } = boardPair();
    const people = [new Y.Doc(), new Y.Doc()];
    const index = DocIndex.fromState(Y.encodeStateAsUpdate(server));
    const outbox: Uint8Array[][] = [[], []];
    people.forEach((doc, i) => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'sync' && outbox[i]?.push(update));
    });
    const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
    for (let step = 0; step < 400; step++) {
      const me = step % 2;
      const doc = people[me] as Y.Doc;
      const ids = [...cardsMap(doc).keys()];
      const id = pick(ids);
      const roll = random();
      if (!id || roll < 0.15) createCard(doc, { goalId: 'A1', createdBy: `p${me}` });
      else if (roll < 0.2) deleteCard(doc, id);
      else if (roll < 0.3) setCardParty(doc, id, pick(['Heby', 'Tierp', 'Enköping']) as string, random() < 0.6);
      else {
        const text = getCardText(doc, id, pick(['title', 'activity']) as 'title' | 'activity') as Y.Text;
        if (random() < 0.3 && text.length > 2) text.delete(Math.floor(random() * (text.length - 1)), 2);
        else if (text.length < 190) text.insert(Math.floor(random() * (text.length + 1)), `w${step} `);
      }
      // Now and then one person's edits reach the server and the other person, in the order made.
      if (random() < 0.3) {
        for (const update of (outbox[me] as Uint8Array[]).splice(0)) {
          const plan = index.plan(Y.decodeUpdate(update));
          expect(refusalOf(index, plan, 'participant', { maxCardsPerBoard: 2_000 }), `seed ${seed}`).toBeNull();
          index.commit(plan);
          Y.applyUpdate(server, update);
          Y.applyUpdate(people[1 - me] as Y.Doc, update, 'sync');
        }
      }
    }
    expect(index.cardCount, `seed ${seed}`).toBe(cardsMap(server).size);
    const fresh = DocIndex.fromState(Y.encodeStateAsUpdate(server));
    for (const built of [index, fresh]) {
      for (const id of cardsMap(server).keys()) {
        for (const field of ['title', 'activity'] as const) {
          const length = getCardText(server, id, field)?.length;
          expect(built.sizes[titleNode(built, server, id, field)], `seed ${seed}: ${id} ${field}`).toBe(length);
        }
      }
    }
  });
});
