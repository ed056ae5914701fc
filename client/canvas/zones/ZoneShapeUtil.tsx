/**
 * tldraw's behaviour for zones: a fixed, filled rectangle that cannot be
 * resized, rotated, edited, bound to or used as a parent. Moving and deleting
 * are stopped by the lock and by zone-guard.ts.
 */
import { Rectangle2d, ShapeUtil } from 'tldraw';
import './zones.css';
import { ZONE_TYPE, type ZoneShape, type ZoneShapeProps, zoneShapeMigrations, zoneShapeProps } from './ZoneShape.ts';
import { ZoneView } from './ZoneView.tsx';

export class ZoneShapeUtil extends ShapeUtil<ZoneShape> {
  static override type = ZONE_TYPE;
  static override props = zoneShapeProps;
  static override migrations = zoneShapeMigrations;

  override getDefaultProps(): ZoneShapeProps {
    return { w: 760, h: 560, kind: 'goal', areaId: '', goalId: '' };
  }

  override getGeometry(shape: ZoneShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  override component(shape: ZoneShape) {
    return <ZoneView shape={shape} />;
  }

  override getIndicatorPath(shape: ZoneShape) {
    const path = new Path2D();
    path.rect(0, 0, shape.props.w, shape.props.h);
    return path;
  }

  override canResize() {
    return false;
  }
  override canEdit() {
    return false;
  }
  override canBind() {
    return false;
  }
  override canTabTo() {
    return false;
  }
  override canReceiveNewChildrenOfType() {
    return false;
  }
  override hideRotateHandle() {
    return true;
  }
  override hideResizeHandles() {
    return true;
  }
  override hideSelectionBoundsFg() {
    return true;
  }
}
