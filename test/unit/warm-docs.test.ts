/**
 * Warm documents (server/sync/warm-docs.ts): a task given a room's state and
 * log gets a document holding exactly that, whether it is reused, brought up
 * to date, or rebuilt; and a room renamed after a refusal never gets an old one.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { forgetWarm, keepWarm, WARM_DOCS_MAX, warmDoc } from '../../server/sync/warm-docs.ts';
import { createCard, readCards, setCardText } from '../../shared/card.ts';

/** A writer whose updates play the room's log. */
function writer() {
  const doc = new Y.Doc();
  const log: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => log.push(update));
  return { doc, log };
}

const titles = (doc: Y.Doc) => readCards(doc).map((card) => card.title);

describe('warmDoc', () => {
  it('reuses the document of an earlier task and applies only the log after it', () => {
    const { doc, log } = writer();
    createCard(doc, { id: 'a', goalId: 'A1', createdBy: 'K', fields: { title: 'Ett' } });
    const state = Y.encodeStateAsUpdate(doc);
    log.length = 0;
    const first = warmDoc([state], { room: 'r1', folded: 0 });
    expect(titles(first)).toEqual(['Ett']);

    setCardText(doc, 'a', 'title', 'Ett nytt');
    createCard(doc, { id: 'b', goalId: 'A1', createdBy: 'K', fields: { title: 'Två' }, order: 9e12 });
    const second = warmDoc([state, ...log], { room: 'r1', folded: 0 });
    expect(second).toBe(first);
    expect(titles(second)).toEqual(['Ett nytt', 'Två']);
  });

  it('follows a compaction: the log folded into a new state is not applied twice, the rest is', () => {
    const { doc, log } = writer();
    const state = Y.encodeStateAsUpdate(doc);
    createCard(doc, { id: 'a', goalId: 'A1', createdBy: 'K', fields: { title: 'Ett' } });
    const kept = warmDoc([state, ...log], { room: 'r2', folded: 0 });
    // The room folds its first log update into the state, then stores one more.
    const compacted = Y.encodeStateAsUpdate(doc);
    setCardText(doc, 'a', 'title', 'Ett igen');
    const after = warmDoc([compacted, log.at(-1) as Uint8Array], { room: 'r2', folded: 1 });
    expect(after).toBe(kept);
    expect(titles(after)).toEqual(['Ett igen']);
  });

  it('builds a new document for a renamed room, or when the log it would need is gone', () => {
    const { doc, log } = writer();
    createCard(doc, { id: 'a', goalId: 'A1', createdBy: 'K', fields: { title: 'Ett' } });
    const state = Y.encodeStateAsUpdate(doc);
    const old = warmDoc([state], { room: 'r3', folded: 0 });
    // An edit made on the warm document that the room then refused.
    createCard(old, { id: 'refused', goalId: 'A1', createdBy: 'K', fields: { title: 'Aldrig lagrad' } });
    expect(titles(warmDoc([state], { room: 'r3-renamed', folded: 0 }))).toEqual(['Ett']);

    // Three log updates folded since the document was left: it cannot be brought up to date.
    log.length = 0;
    for (const title of ['x', 'y', 'z']) setCardText(doc, 'a', 'title', title);
    const rebuilt = warmDoc([Y.encodeStateAsUpdate(doc)], { room: 'r3', folded: 3 });
    expect(rebuilt).not.toBe(old);
    expect(titles(rebuilt)).toEqual(['z']);
  });

  it('keeps the documents of the last few rooms only, and those left by compaction stop collecting', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    const left = new Y.Doc();
    Y.applyUpdate(left, empty);
    keepWarm(left, [empty], { room: 'kept', folded: 0 });
    expect(left.gc).toBe(false);
    expect(warmDoc([empty], { room: 'kept', folded: 0 })).toBe(left);
    for (let i = 0; i < WARM_DOCS_MAX; i++) warmDoc([empty], { room: `other-${i}`, folded: 0 });
    expect(warmDoc([empty], { room: 'kept', folded: 0 })).not.toBe(left);
  });

  it('forgets the document of a room that was unloaded', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    const first = warmDoc([empty], { room: 'unloaded', folded: 0 });
    forgetWarm('unloaded');
    expect(warmDoc([empty], { room: 'unloaded', folded: 0 })).not.toBe(first);
  });
});
