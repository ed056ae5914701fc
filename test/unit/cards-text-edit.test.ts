import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyEdit,
  type DeltaOp,
  rebaseEdit,
  transformPosition,
  transformSelection,
} from '../../client/cards/text-edit.ts';
import { minimalEdit } from '../../shared/card.ts';
import { prng } from '../helpers/random.ts';

/** The delta a Y.Text observer sees when `change` runs on a text holding `initial`. */
function deltaOf(initial: string, change: (text: Y.Text) => void): DeltaOp[] {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  let delta: DeltaOp[] = [];
  text.observe((event) => {
    delta = event.delta as DeltaOp[];
  });
  doc.transact(() => change(text));
  return delta;
}

describe('caret transform through a remote change', () => {
  it('moves the caret right by text inserted before it, not by text inserted after it', () => {
    const before = deltaOf('Ledningsgrupp NSU', (t) => t.insert(0, 'Lokal '));
    expect(transformPosition(10, before)).toBe(16);
    const after = deltaOf('Ledningsgrupp NSU', (t) => t.insert(17, ' och FoU'));
    expect(transformPosition(10, after)).toBe(10);
  });

  it('keeps the caret before a remote insert at the same spot, so the other typist does not push it', () => {
    const atCaret = deltaOf('Hälsa', (t) => t.insert(2, 'XY'));
    expect(transformPosition(2, atCaret)).toBe(2);
    expect(transformPosition(2, atCaret, true)).toBe(4);
  });

  it('pulls the caret back by text deleted before it, and to the start of a deleted run it was inside', () => {
    const deleteBefore = deltaOf('Region Uppsala', (t) => t.delete(0, 7));
    expect(transformPosition(10, deleteBefore)).toBe(3);
    const deleteAround = deltaOf('Region Uppsala', (t) => t.delete(4, 6));
    expect(transformPosition(6, deleteAround)).toBe(4);
    expect(transformPosition(12, deleteAround)).toBe(6);
  });

  it('maps a selection so that text typed at its edges stays outside it', () => {
    const delta = deltaOf('abcdef', (t) => {
      t.insert(4, 'X');
      t.insert(2, 'Y');
    });
    expect(transformSelection({ start: 2, end: 4 }, delta)).toEqual({ start: 2, end: 5 });
    expect(transformSelection({ start: 3, end: 3 }, delta)).toEqual({ start: 4, end: 4 });
  });

  it('keeps the caret right after the same character through random remote edits (seeded)', () => {
    const seed = 20_241_115;
    const random = prng(seed);
    const words = ['samverkan', ' ', 'NSU', 'å', 'Region Uppsala', '\n'];
    for (let round = 0; round < 300; round++) {
      // The caret sits just after the marker; it must still sit just after it once the edit lands.
      const initial = `${'abcdefghij'.slice(0, Math.floor(random() * 8))}#${'klmnop'.slice(0, Math.floor(random() * 6))}`;
      const marker = initial.indexOf('#');
      const caret = marker + 1;
      let after = '';
      const delta = deltaOf(initial, (t) => {
        const index = Math.floor(random() * (t.length + 1));
        // Deletions never take the marker itself: then there is no character to stay beside.
        const end = index <= marker ? Math.min(marker, index + 3) : Math.min(t.length, index + 3);
        if (random() < 0.5 || end <= index) t.insert(index, words[Math.floor(random() * words.length)] ?? 'x');
        else t.delete(index, end - index);
        after = t.toString();
      });
      expect(after.charAt(transformPosition(caret, delta) - 1), `seed ${seed} round ${round}`).toBe('#');
    }
  });
});

describe('rebasing a local edit made during an IME composition', () => {
  it('applies the local edit after a remote insert that arrived meanwhile, keeping both', () => {
    const base = 'Plan framtagen';
    const local = minimalEdit(base, 'Plan framtagen (Ja/Nej)');
    const remote = deltaOf(base, (t) => t.insert(0, 'Ny '));
    const merged = applyEdit('Ny Plan framtagen', rebaseEdit(local, [remote]));
    expect(merged).toBe('Ny Plan framtagen (Ja/Nej)');
  });

  it('shrinks a local deletion to what is still there after a remote deletion', () => {
    const edit = { index: 2, remove: 4, insert: 'Z' };
    const remote = deltaOf('abcdefgh', (t) => t.delete(3, 4));
    const rebased = rebaseEdit(edit, [remote]);
    expect(rebased).toEqual({ index: 2, remove: 1, insert: 'Z' });
    expect(applyEdit('abch', rebased)).toBe('abZh');
  });
});
