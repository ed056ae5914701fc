/**
 * Binds a textarea to a follow-up text (a card's comment or effect in a round,
 * or a round comment of an area or goal) the way card fields are bound: the
 * smallest splice on typing, remote edits merged in with the caret kept.
 */
import { useEffect, useRef } from 'react';
import * as Y from 'yjs';
import { cardsMap } from '../../shared/board-doc.ts';
import type { FollowUpTextField } from '../../shared/follow-up/follow-up-entry.ts';
import { bindTextElement } from '../cards/text-binding.ts';

/** The Y.Text of a card's comment or effect in a round, when its entry has one. */
export function followUpText(doc: Y.Doc, cardId: string, round: string, field: FollowUpTextField): Y.Text | undefined {
  const followUp = cardsMap(doc).get(cardId)?.get('followUp');
  const entry = followUp instanceof Y.Map ? followUp.get(round) : undefined;
  const text = entry instanceof Y.Map ? entry.get(field) : undefined;
  return text instanceof Y.Text ? text : undefined;
}

/**
 * A ref and initial value for an uncontrolled textarea bound to `ytext`. While there is
 * no text yet (a card made before the round, its entry not there), `write` makes it on the
 * first input, and the next render (the card changed) binds to it.
 */
export function useBoundText(ytext: Y.Text | undefined, readOnly: boolean, write: (value: string) => void) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const readOnlyNow = useRef(readOnly);
  readOnlyNow.current = readOnly;
  const writeNow = useRef(write);
  writeNow.current = write;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!ytext) {
      const onInput = () => {
        if (!readOnlyNow.current) writeNow.current(el.value);
      };
      el.addEventListener('input', onInput);
      return () => el.removeEventListener('input', onInput);
    }
    return bindTextElement(el, ytext, (value) => {
      if (!readOnlyNow.current) writeNow.current(value);
    });
  }, [ytext]);
  return { ref, initialValue: ytext?.toString() ?? '' };
}
