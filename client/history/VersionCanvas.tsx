/**
 * A version's canvas, read-only: the same tldraw shapes (zones, activity
 * cards) on the version's own document, with no connection, no presence and
 * no writes: zones and cards are laid out from the version's own cards in its
 * own store, as on every page (client/canvas/layout/).
 * Double-clicking a card opens it in the card editor, read-only.
 */
import { useMemo, useState } from 'react';
import { atom, type Editor, type TLUser, Tldraw } from 'tldraw';
import 'tldraw/tldraw.css';
import type * as Y from 'yjs';
import type { Template } from '../../shared/template.ts';
import { fitCamera, panelInsets } from '../canvas/camera-fit.ts';
import { markCameraMoving } from '../canvas/camera-moving.ts';
import { cardShapeOverrides } from '../canvas/card/card-a11y.ts';
import {
  CardCanvasContext,
  type CardCanvasContextValue,
  registerCardCanvas,
} from '../canvas/card/card-canvas-context.ts';
import { bindLayout } from '../canvas/layout/bind-layout.ts';
import { customShapeUtils } from '../canvas/shape-utils.ts';
import { assetUrls, components, licenseKey, tldrawOptions } from '../canvas/tldraw-config.ts';
import { useYjsStore } from '../canvas/useYjsStore.ts';
import { layoutZones } from '../canvas/zones/layout.ts';
import { TemplateContext } from '../canvas/zones/TemplateContext.tsx';
import { CardEditor } from '../cards/CardEditor.tsx';

export function VersionCanvas({ doc, template }: { doc: Y.Doc; template: Template }) {
  const layout = useMemo(() => layoutZones(template), [template]);
  const $user = useMemo(() => atom<TLUser | null>('current user', null), []);
  const [openCardId, setOpenCardId] = useState<string | null>(null);
  const { storeWithStatus } = useYjsStore({
    doc,
    hasSynced: true,
    // Not connected, but nothing here is waiting to be sent: tldraw's offline badge would mislead.
    online: true,
    writable: false,
    mayUpgradeCanvas: false,
    paused: true,
    currentUser: $user,
  });
  const context = useMemo<CardCanvasContextValue>(() => ({ doc, template, openCard: setOpenCardId }), [doc, template]);

  const onMount = (editor: Editor) => {
    const { stop: stopCards } = bindLayout(editor, { doc, template, writes: false });
    const stopOpener = registerCardCanvas(editor, context);
    const stopMark = markCameraMoving(editor);
    const viewport = editor.getViewportScreenBounds();
    editor.setCamera(fitCamera(layout.bounds, viewport, panelInsets(viewport.w)));
    return () => {
      stopCards();
      stopOpener();
      stopMark();
    };
  };

  return (
    <TemplateContext.Provider value={template}>
      <div className="canvas" data-testid="version-canvas">
        <CardCanvasContext.Provider value={context}>
          <Tldraw
            store={storeWithStatus}
            shapeUtils={customShapeUtils}
            assetUrls={assetUrls}
            licenseKey={licenseKey}
            components={components}
            onMount={onMount}
            options={tldrawOptions}
            overrides={cardShapeOverrides}
          />
          {openCardId && (
            <CardEditor
              key={openCardId}
              doc={doc}
              cardId={openCardId}
              template={template}
              readOnly
              onClose={() => setOpenCardId(null)}
              onGone={() => setOpenCardId(null)}
            />
          )}
        </CardCanvasContext.Provider>
      </div>
    </TemplateContext.Provider>
  );
}
