/**
 * Which key presses are undo and redo: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on
 * a Mac). Pure, so it is tested without a browser.
 */
export type UndoKey = 'undo' | 'redo' | null;

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function undoKey(event: KeyPress): UndoKey {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/**
 * Whether the board's undo takes this key press. A card field (it carries
 * `data-field`) is the board's; any other text box (a name, a version name)
 * keeps the browser's own undo of what was typed there.
 */
export function boardTakesUndo(target: EventTarget | null): boolean {
  // Duck-typed rather than `instanceof Element`: window and document are targets too, and have no closest().
  const element = target as Partial<Element> | null;
  if (typeof element?.closest !== 'function') return true;
  const box = element.closest('input, textarea, select, [contenteditable="true"]');
  return !box || box.hasAttribute('data-field');
}
