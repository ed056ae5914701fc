/**
 * tldraw on the board document: the store bound to `canvas`, presence bound
 * to awareness, zones and cards laid out from the document (useCardLayer).
 */
import { useEffect, useMemo, useState } from 'react';
import { atom, createUserId, type Editor, type TLUser, Tldraw, UserRecordType, useTldrawCurrentUser } from 'tldraw';
import 'tldraw/tldraw.css';
import { isFacilitator } from '../access/permissions.ts';
import type { BoardContextValue } from '../board/board-context.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { bindPresence } from '../presence/presence-binding.ts';
import { boardUndoFor } from '../undo/board-undo.ts';
import { undoOverrides } from '../undo/tldraw-undo.ts';
import { markCameraMoving } from './camera-moving.ts';
import { cardShapeOverrides } from './card/card-a11y.ts';
import { CardCanvasContext } from './card/card-canvas-context.ts';
import { useCardLayer } from './card/useCardLayer.tsx';
import { bindCanvasFollow } from './follow/canvas-follow.ts';
import { FollowBar } from './follow/FollowBar.tsx';
import { CanvasNavigation } from './navigation/CanvasNavigation.tsx';
import { showOpening } from './navigation/camera-moves.ts';
import { noteOverrides } from './notes/note-actions.tsx';
import { customShapeUtils } from './shape-utils.ts';
import { assetUrls, components, licenseKey, tldrawOptions } from './tldraw-config.ts';
import { useYjsStore } from './useYjsStore.ts';
import { layoutZones } from './zones/layout.ts';
import { TemplateContext } from './zones/TemplateContext.tsx';
import { guardZones } from './zones/zone-guard.ts';

export function BoardCanvas({ board }: { board: BoardContextValue }) {
  const { lang, t } = useI18n();
  const { doc, provider, person, template } = board;
  const layout = useMemo(() => layoutZones(template), [template]);
  const overrides = useMemo(() => [undoOverrides(boardUndoFor(doc)), noteOverrides, cardShapeOverrides], [doc]);

  // Attribution user for the store; its id must equal the <Tldraw user> id or cursors vanish.
  const $user = useMemo(() => atom<TLUser | null>('current user', null), []);
  useEffect(() => {
    $user.set(UserRecordType.create({ id: createUserId(person.id), name: person.name, color: person.color }));
  }, [$user, person]);

  const { storeWithStatus, readOnly, readOnlyForGood, canvasSchemaProblem } = useYjsStore({
    doc,
    hasSynced: board.hasSynced,
    online: board.connection === 'connected',
    writable: board.writable,
    mayUpgradeCanvas: isFacilitator(board.role),
    // Locked for a participant, or after a final close (nothing typed would reach the server again): no edits.
    paused: board.lockedOut || board.connection === 'closed',
    currentUser: $user,
  });
  const store = storeWithStatus.store;
  const cards = useCardLayer(board, { readOnly, readOnlyForGood });

  useEffect(() => {
    if (!store) return;
    return bindPresence(store, provider.awareness, $user);
  }, [store, provider, $user]);

  // tldraw's own preferences (snap mode, …) live for the session; name, colour and language are ours.
  const [extraPrefs, setExtraPrefs] = useState({});
  const user = useTldrawCurrentUser({
    userPreferences: {
      ...extraPrefs,
      id: person.id,
      name: person.name,
      color: person.color,
      locale: lang,
      colorScheme: 'light',
    },
    setUserPreferences: setExtraPrefs,
  });

  const onMount = (editor: Editor) => {
    const stopGuard = guardZones(editor);
    const stopCards = cards.mount(editor);
    const stopMark = markCameraMoving(editor);
    // After the layout is drawn: the opening camera reads the zones as they have grown.
    showOpening(editor, layout, template, doc);
    // After the opening camera: a summon that arrived in the table view moves this view on arrival.
    const stopFollow = bindCanvasFollow(editor);
    return () => {
      stopFollow();
      stopMark();
      stopCards();
      stopGuard();
    };
  };

  return (
    <TemplateContext.Provider value={template}>
      {canvasSchemaProblem && (
        <p className="notice" role="status">
          {t(canvasSchemaProblem === 'newer' ? 'board.readOnlyCanvas' : 'board.readOnlyCanvasUpgrade')}
        </p>
      )}
      <div className="canvas" data-testid="canvas">
        <CardCanvasContext.Provider value={cards.context}>
          <Tldraw
            store={storeWithStatus}
            shapeUtils={customShapeUtils}
            assetUrls={assetUrls}
            licenseKey={licenseKey}
            user={user}
            components={components}
            onMount={onMount}
            options={tldrawOptions}
            overrides={overrides}
          >
            <CanvasNavigation layout={layout} />
          </Tldraw>
          {cards.overlay}
          <FollowBar />
        </CardCanvasContext.Provider>
      </div>
    </TemplateContext.Provider>
  );
}
