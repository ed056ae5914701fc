/**
 * What happens around the card editor on the canvas: Enter opens the selected
 * card, the camera pans so the open card stays visible beside the editor
 * panel, and when the editor closes under someone typing (the card was
 * deleted) their next keystrokes are not taken as canvas shortcuts.
 */
import type { Editor } from 'tldraw';
import { panelInsets, type Rect, revealShift, shiftCamera } from '../camera-fit.ts';
import { cardShapeId, isActivityCardShape } from './ActivityCardShape.ts';

/** Enter on the one selected card opens it, as a double-click does. */
export function openOnEnter(editor: Editor, open: (cardId: string) => void): () => void {
  const onEvent = (info: { type: string; name?: string; key?: string }) => {
    if (info.type !== 'keyboard' || info.name !== 'key_down' || info.key !== 'Enter') return;
    if (!editor.isIn('select.idle')) return;
    const shape = editor.getOnlySelectedShape() ?? undefined;
    if (isActivityCardShape(shape)) open(shape.props.cardId);
  };
  editor.on('event', onEvent);
  return () => {
    editor.off('event', onEvent);
  };
}

/** Gap kept between the card and the panel's edge, in screen px. */
const MARGIN = 16;

/**
 * Pans (same zoom) so the card's shape lies in the part of the canvas the editor `panel`
 * leaves free; nothing when it is already there.
 */
export function revealCard(editor: Editor, cardId: string, panel: HTMLElement): void {
  const bounds = editor.getShapePageBounds(cardShapeId(cardId));
  if (!bounds) return;
  const viewport = editor.getViewportScreenBounds();
  const panelLeft = panel.getBoundingClientRect().left - viewport.x;
  const insets = panelInsets(viewport.w);
  const free: Rect = {
    x: insets.left,
    y: insets.top,
    w: Math.max(1, panelLeft - MARGIN - insets.left),
    h: Math.max(1, viewport.h - insets.top - insets.bottom),
  };
  const topLeft = editor.pageToViewport({ x: bounds.x, y: bounds.y });
  const z = editor.getZoomLevel();
  const shift = revealShift({ x: topLeft.x, y: topLeft.y, w: bounds.w * z, h: bounds.h * z }, free);
  if (shift.dx === 0 && shift.dy === 0) return;
  editor.setCamera(shiftCamera(editor.getCamera(), shift), { animation: { duration: 240 } });
}

/** A pause this long ends a burst of typing: keys after it are meant for the canvas again. */
const QUIET_MS = 1500;

/**
 * Swallows plain character keys (a person still typing the words meant for a field that just
 * vanished) until they pause, press Escape, or point somewhere. Modified keys (Ctrl+Z) pass.
 */
export function swallowStrayTyping(target: Document): () => void {
  let timer = setTimeout(stop, QUIET_MS);
  function onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') return stop();
    // Tab moves on as ever; shortcuts with a modifier are meant. Every other key is the rest of the
    // word the person was typing (Backspace and Delete too: on the canvas they would delete the selection).
    if (event.key === 'Tab' || event.ctrlKey || event.metaKey || event.altKey) return;
    // Typing into a field the person has moved to is theirs.
    if (isEditable(event.target)) return stop();
    // Capture phase on the window: tldraw's shortcut listener on <body> never sees the key.
    event.stopPropagation();
    event.preventDefault();
    clearTimeout(timer);
    timer = setTimeout(stop, QUIET_MS);
  }
  function onFocus(event: FocusEvent) {
    if (isEditable(event.target)) stop();
  }
  function stop() {
    clearTimeout(timer);
    target.defaultView?.removeEventListener('keydown', onKey, true);
    target.defaultView?.removeEventListener('keyup', onKey, true);
    target.removeEventListener('pointerdown', stop, true);
    target.removeEventListener('focusin', onFocus, true);
  }
  target.defaultView?.addEventListener('keydown', onKey, true);
  target.defaultView?.addEventListener('keyup', onKey, true);
  target.addEventListener('pointerdown', stop, true);
  target.addEventListener('focusin', onFocus, true);
  return stop;
}

/** An input, a text area or a content-editable element: where keys are text, not shortcuts. */
function isEditable(node: EventTarget | null): boolean {
  if (!(node instanceof HTMLElement)) return false;
  return node.isContentEditable || node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement;
}
