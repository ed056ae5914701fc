/**
 * Where the camera goes: the whole board (overview), one focus area, and
 * where the board opens. Zone rectangles are read from the zone shapes on the
 * page (they grow with their cards), the template's layout only standing in
 * for a zone not drawn yet.
 */
import type { Editor, TLCameraMoveOptions } from 'tldraw';
import type * as Y from 'yjs';
import { findGoal, type Template } from '../../../shared/template.ts';
import { cardsStoreFor } from '../../cards/cards-store.ts';
import { type Camera, type FitOptions, fitCamera, panelInsets, type Rect } from '../camera-fit.ts';
import type { ZoneLayout } from '../zones/layout.ts';
import { zoneShapeId } from '../zones/zone-records.ts';

/**
 * The board opens at this zoom: the reading face with titles of 17 × 0.8 = 13.6 CSS px and open
 * buttons of 30 × 0.8 = 24 px, on any screen (the zoom, not the screen, decides what is legible).
 */
export const OPENING_ZOOM = 0.8;

const MOVE: TLCameraMoveOptions = { animation: { duration: 240 } };

/** A zone's rectangle on the page: its shape's, or the layout's while it has none. */
export function zoneRect(editor: Editor, layout: ZoneLayout, zoneId: string): Rect | undefined {
  const bounds = editor.getShapePageBounds(zoneShapeId(zoneId));
  if (bounds) return { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h };
  return [...layout.areas, ...layout.goals].find((zone) => zone.id === zoneId);
}

/** The rectangle around every focus area. */
export function boardRect(editor: Editor, layout: ZoneLayout): Rect {
  const rects = layout.areas.map((area) => zoneRect(editor, layout, area.id)).filter((r): r is Rect => !!r);
  if (rects.length === 0) return layout.bounds;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return {
    x,
    y,
    w: Math.max(...rects.map((r) => r.x + r.w)) - x,
    h: Math.max(...rects.map((r) => r.y + r.h)) - y,
  };
}

function cameraFor(editor: Editor, rect: Rect, options: FitOptions): Camera {
  const viewport = editor.getViewportScreenBounds();
  return fitCamera(rect, viewport, panelInsets(viewport.w), options);
}

/** The whole board at once (its cards show their compact faces). */
export function showOverview(editor: Editor, layout: ZoneLayout): void {
  editor.setCamera(cameraFor(editor, boardRect(editor, layout), {}), MOVE);
}

/**
 * One focus area to work on: as large as it fits up to 100 %, but never below the opening zoom,
 * where cards show their reading face with legible titles and real-size buttons. A tall area
 * (most are, on a 16:9 screen) then shows from its top; it sits at the left of the free space,
 * so the card editor on the right does not cover its first column.
 */
export function areaCamera(editor: Editor, layout: ZoneLayout, areaId: string): Camera | undefined {
  const rect = zoneRect(editor, layout, areaId);
  return rect && cameraFor(editor, rect, { minZoom: OPENING_ZOOM, maxZoom: 1, align: 'start' });
}

export function showArea(editor: Editor, layout: ZoneLayout, areaId: string): void {
  const camera = areaCamera(editor, layout, areaId);
  if (camera) editor.setCamera(camera, MOVE);
}

/** The first focus area (template order) that holds a card, or the first area of an empty board. */
export function openingArea(template: Template, goalIds: readonly (string | null)[]): string | undefined {
  const withCards = new Set(goalIds.map((goalId) => (goalId ? findGoal(template, goalId)?.area.id : undefined)));
  return (template.focusAreas.find((area) => withCards.has(area.id)) ?? template.focusAreas[0])?.id;
}

/**
 * Where the board opens: the first area that holds cards, as its button shows it (at reading
 * zoom), so people read and work on cards at once; the overview is one click away.
 */
export function showOpening(editor: Editor, layout: ZoneLayout, template: Template, doc: Y.Doc): void {
  const goalIds = cardsStoreFor(doc)
    .getCards()
    .map((card) => card.goalId);
  const areaId = openingArea(template, goalIds);
  const camera = areaId ? areaCamera(editor, layout, areaId) : undefined;
  editor.setCamera(camera ?? cameraFor(editor, boardRect(editor, layout), {}));
}
