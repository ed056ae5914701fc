/**
 * Marks the canvas while its camera moves (data-camera-moving on tldraw's
 * container), for card.css: card shapes then get layers of their own, so a pan
 * or zoom moves pictures of them instead of painting every card again each
 * frame (without a GPU, as in many office laptops, that painting took most of
 * a frame). tldraw calls the camera idle a moment after the last move; the mark
 * goes then, and the cards are drawn sharp at the new zoom.
 */
import { type Editor, react } from 'tldraw';

export function markCameraMoving(editor: Editor): () => void {
  const container = editor.getContainer();
  const stop = react('samtavla: camera moving mark', () => {
    container.toggleAttribute('data-camera-moving', editor.getCameraState() === 'moving');
  });
  return () => {
    stop();
    container.removeAttribute('data-camera-moving');
  };
}
