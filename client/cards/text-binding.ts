/**
 * Binds one <input>/<textarea> to one card field's Y.Text, both ways:
 *  - typing writes the smallest splice (setCardText), so a concurrent typist's
 *    characters elsewhere in the field survive;
 *  - a remote change rewrites the element's value and maps the caret and
 *    selection through the change's delta, so the caret stays beside the
 *    character it was next to.
 * During an IME composition the element is left alone; remote changes that
 * arrive meanwhile are replayed when it ends (rebaseEdit).
 */
import type * as Y from 'yjs';
import { minimalEdit } from '../../shared/card.ts';
import { applyEdit, type DeltaOp, rebaseEdit, transformSelection } from './text-edit.ts';

export type TextElement = HTMLInputElement | HTMLTextAreaElement;

/** Starts the binding; `write` stores a whole new value (minimal diff inside). Returns the unbind function. */
export function bindTextElement(el: TextElement, ytext: Y.Text, write: (value: string) => void): () => void {
  let base = ytext.toString();
  let composing = false;
  let pending: DeltaOp[][] = [];
  // Usually already there (rendered as defaultValue): writing it again would cost a layout per field.
  if (el.value !== base) el.value = base;

  const setValue = (
    value: string,
    caret?: { start: number; end: number; direction: TextElement['selectionDirection'] },
  ) => {
    el.value = value;
    base = value;
    if (caret && document.activeElement === el) {
      el.setSelectionRange(caret.start, caret.end, caret.direction ?? 'none');
    }
  };

  /** Writes the element's value; when the field's limit cut it, shows the stored text instead. */
  const commit = (value: string) => {
    write(value);
    const stored = ytext.toString();
    if (stored !== el.value) {
      const caret = Math.min(el.selectionStart ?? stored.length, stored.length);
      setValue(stored, { start: caret, end: caret, direction: 'none' });
    }
    base = stored;
  };

  const onInput = (event: Event) => {
    if (composing || (event as InputEvent).isComposing) return;
    commit(el.value);
  };
  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    if (pending.length === 0) {
      commit(el.value);
      return;
    }
    const edit = rebaseEdit(minimalEdit(base, el.value), pending);
    pending = [];
    write(applyEdit(ytext.toString(), edit));
    const caret = Math.min(edit.index + edit.insert.length, ytext.length);
    setValue(ytext.toString(), { start: caret, end: caret, direction: 'none' });
  };

  const observer = (event: Y.YTextEvent) => {
    const text = ytext.toString();
    if (text === el.value) {
      // Our own write (or a remote one that changed nothing visible).
      base = text;
      return;
    }
    const delta = event.delta as DeltaOp[];
    if (composing) {
      pending.push(delta);
      return;
    }
    const selection = transformSelection({ start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 }, delta);
    setValue(text, { ...selection, direction: el.selectionDirection });
  };

  el.addEventListener('input', onInput);
  el.addEventListener('compositionstart', onCompositionStart);
  el.addEventListener('compositionend', onCompositionEnd);
  ytext.observe(observer);
  return () => {
    el.removeEventListener('input', onInput);
    el.removeEventListener('compositionstart', onCompositionStart);
    el.removeEventListener('compositionend', onCompositionEnd);
    ytext.unobserve(observer);
  };
}
