/**
 * Which card shapes are off screen, for their components. tldraw keeps every
 * shape of the page mounted and hides the culled ones (display: none), so a
 * 500-card board would build 500 full faces at load, most of them never seen.
 * A culled card draws a stand-in instead (ActivityCardView), and its face once
 * it comes into view.
 *
 * One reactor per editor follows editor.getCulledShapes() (once the camera
 * stops moving) and tells only the cards whose state changed (the way tldraw's own culling controller works),
 * rather than one subscription per card, each woken on every camera frame.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { type Editor, react, type TLShapeId, useEditor } from 'tldraw';

type Listener = () => void;

interface CullingWatch {
  culled: ReadonlySet<TLShapeId>;
  listeners: Map<TLShapeId, Set<Listener>>;
  stop(): void;
}

const watches = new WeakMap<Editor, CullingWatch>();

function watchFor(editor: Editor): CullingWatch {
  const existing = watches.get(editor);
  if (existing) return existing;
  const watch: CullingWatch = { culled: editor.getCulledShapes(), listeners: new Map(), stop: () => {} };
  watch.stop = react('samtavla: culled cards', () => {
    // While the camera moves, cards coming into view keep their stand-ins: drawing full faces for
    // every card a zoom-out reveals, frame after frame, is what made zoom frames long. They get
    // their faces when the camera stops (this reaction runs again then: it reads the camera state).
    if (editor.getCameraState() === 'moving') return;
    const next = editor.getCulledShapes();
    const before = watch.culled;
    if (next === before) return;
    watch.culled = next;
    for (const [id, listeners] of watch.listeners) {
      if (before.has(id) === next.has(id)) continue;
      for (const listener of listeners) listener();
    }
  });
  watches.set(editor, watch);
  editor.on('dispose', () => {
    watch.stop();
    watches.delete(editor);
  });
  return watch;
}

/** Whether the shape is off screen now; re-renders only when that changes. */
export function useShapeCulled(id: TLShapeId, enabled = true): boolean {
  const editor = useEditor();
  const subscribe = useCallback(
    (listener: Listener) => {
      if (!enabled) return () => {};
      const { listeners } = watchFor(editor);
      let set = listeners.get(id);
      if (!set) {
        set = new Set();
        listeners.set(id, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
    [editor, id, enabled],
  );
  return useSyncExternalStore(subscribe, () => enabled && watchFor(editor).culled.has(id));
}
