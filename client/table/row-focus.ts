/**
 * Where the keyboard focus goes when a table row leaves under it. React
 * removes a deleted row, and moves a row to another goal's table by
 * unmounting and mounting it again; either way the focused control goes with
 * it and the browser puts the focus on <body>, at the top of the page.
 */

/** What can hold the focus in a row (its placeholder's row header included). */
export const FOCUSABLE = 'input, textarea, select, button, summary, [tabindex]:not([tabindex="-1"])';

const ROW = '[data-card-id]';

/**
 * For a control in a row about to be deleted: a function that, once the row
 * is gone, focuses the next row's first control, else the previous row's,
 * else the goal table's add button.
 */
export function focusAfterRemoval(control: HTMLElement): () => void {
  const row = control.closest<HTMLElement>(ROW);
  const sibling = (from: Element | null, step: 'next' | 'previous'): HTMLElement | null => {
    let at = from;
    while (at) {
      at = step === 'next' ? at.nextElementSibling : at.previousElementSibling;
      if (at instanceof HTMLElement && at.matches(ROW)) return at;
    }
    return null;
  };
  const next = sibling(row, 'next');
  const previous = sibling(row, 'previous');
  const add = control.closest('.goal-table')?.querySelector<HTMLElement>('.goal-table__add') ?? null;
  return () => {
    const target =
      next?.querySelector<HTMLElement>(FOCUSABLE) ?? previous?.querySelector<HTMLElement>(FOCUSABLE) ?? add;
    // After React has removed the row: the neighbours stay (they are keyed), the row does not.
    requestAnimationFrame(() => target?.focus());
  };
}

/**
 * For a row about to move to another goal's table: a function that, once the
 * row is drawn there, gives the focus back to the control of the row that was
 * to have it (`nextFocus`: the goal select itself, or where Tab was going).
 * Focus going outside the row is left alone.
 */
export function keepFocusInMovedRow(cardId: string, nextFocus: Element | null): () => void {
  const rowSelector = `[data-testid="card-row"][data-card-id="${CSS.escape(cardId)}"]`;
  const before = nextFocus?.closest(rowSelector);
  const index = before ? [...before.querySelectorAll(FOCUSABLE)].indexOf(nextFocus as Element) : -1;
  return () => {
    if (index < 0) return;
    const attempt = (framesLeft: number) => {
      const row = document.querySelector(rowSelector);
      const target = row && row !== before ? row.querySelectorAll<HTMLElement>(FOCUSABLE)[index] : undefined;
      if (target) target.focus();
      else if (framesLeft > 0) requestAnimationFrame(() => attempt(framesLeft - 1));
    };
    requestAnimationFrame(() => attempt(10));
  };
}
