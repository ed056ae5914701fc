/** The room's document without a Y.Doc: merging, the state vector, the card count and message budgets. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocState } from '../../server/sync/doc-state.ts';
import { mergeMany } from '../../server/sync/merge.ts';
import { TokenBucket } from '../../server/sync/rate-limit.ts';
import { collectGarbage } from '../../server/sync/state-analysis.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, deleteCard, setCardText } from '../../shared/card.ts';

/** A doc that records every update it makes. */
function recording() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

const contentOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return cardsMap(doc).toJSON();
};

describe('mergeMany', () => {
  it('merges like Y.mergeUpdates, in any number of pieces', () => {
    const { doc, updates } = recording();
    for (let i = 0; i < 37; i++) {
      const id = createCard(doc, { goalId: 'A1', createdBy: `p${i}`, fields: { title: `Kort ${i}` } });
      setCardText(doc, id, 'activity', `text ${i}`);
      if (i % 5 === 0) deleteCard(doc, id);
    }
    expect(contentOf(mergeMany(updates))).toEqual(cardsMap(doc).toJSON());
    expect(contentOf(mergeMany(updates))).toEqual(contentOf(Y.mergeUpdates(updates)));
    expect(contentOf(mergeMany([updates[0] as Uint8Array]))).toEqual(contentOf(updates[0] as Uint8Array));
  });
});

describe('collectGarbage (compaction)', () => {
  it('drops the text of deleted content and keeps everything else', () => {
    const { doc, updates } = recording();
    const id = createCard(doc, { goalId: 'A1', createdBy: 'a' });
    for (let i = 0; i < 20; i++)
      setCardText(doc, id, 'activity', `${'ord '.repeat(50)}${i}`.repeat(i % 2 === 0 ? 1 : 2));
    const merged = mergeMany(updates);
    const compacted = collectGarbage(updates);
    expect(contentOf(compacted)).toEqual(cardsMap(doc).toJSON());
    expect(compacted.byteLength).toBeLessThan(merged.byteLength / 2);
  });
});

describe('DocState', () => {
  it('gives a new client the whole document as the state plus the merged tail', () => {
    const { doc, updates } = recording();
    createCard(doc, { goalId: 'A1', createdBy: 'a' });
    const state = new DocState(mergeMany(updates.splice(0)));
    state.setVector(Y.decodeStateVector(Y.encodeStateVector(doc)), 0);
    for (let i = 0; i < 5; i++) createCard(doc, { goalId: 'B1', createdBy: `b${i}` });
    for (const update of updates) state.add(update, Y.decodeUpdate(update));
    const client = new Y.Doc();
    for (const part of state.forNewClient()) Y.applyUpdate(client, part);
    expect(cardsMap(client).toJSON()).toEqual(cardsMap(doc).toJSON());
    expect(state.stateVector()).toEqual(Y.encodeStateVector(doc));
  });

  it('forgets its state vector at a gap, as Yjs would stop counting there', () => {
    const { doc, updates } = recording();
    for (let i = 0; i < 3; i++) createCard(doc, { goalId: 'A1', createdBy: `p${i}` });
    const state = new DocState(updates[0] as Uint8Array);
    state.setVector(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(updates[0] as Uint8Array)), 0);
    // The third update arrives before the second.
    state.add(updates[2] as Uint8Array, Y.decodeUpdate(updates[2] as Uint8Array));
    expect(state.stateVector()).toBeUndefined();
  });

  it('replaces the state and the merged part of the tail after a background merge', () => {
    const { doc, updates } = recording();
    createCard(doc, { goalId: 'A1', createdBy: 'a' });
    const state = new DocState(updates[0] as Uint8Array);
    createCard(doc, { goalId: 'A1', createdBy: 'b' });
    state.add(updates[1] as Uint8Array, Y.decodeUpdate(updates[1] as Uint8Array));
    const merged = mergeMany(state.parts());
    createCard(doc, { goalId: 'A1', createdBy: 'c' });
    state.add(updates[2] as Uint8Array, Y.decodeUpdate(updates[2] as Uint8Array));
    state.replace(merged, 1);
    expect(state.tailLength).toBe(1);
    expect(contentOf(mergeMany(state.parts()))).toEqual(cardsMap(doc).toJSON());
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 10, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});
