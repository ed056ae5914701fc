/**
 * tldraw's behaviour for activity cards: a rectangle that never resizes,
 * rotates or holds children (the layout gives every card its size and slot). Double-clicking opens the card editor (the
 * fields are edited there and in the table, never as tldraw rich text).
 */
import { Rectangle2d, ShapeUtil } from 'tldraw';
import {
  type ActivityCardShape,
  type ActivityCardShapeProps,
  activityCardMigrations,
  activityCardProps,
  CARD_SIZE,
  CARD_TYPE,
} from './ActivityCardShape.ts';
import { ActivityCardView } from './ActivityCardView.tsx';
import { describeCard, openCardEditor } from './card-canvas-context.ts';
import './card.css';

const RADIUS = 12;

export class ActivityCardShapeUtil extends ShapeUtil<ActivityCardShape> {
  static override type = CARD_TYPE;
  static override props = activityCardProps;
  static override migrations = activityCardMigrations;

  override getDefaultProps(): ActivityCardShapeProps {
    return { cardId: '', w: CARD_SIZE.w, h: CARD_SIZE.h };
  }

  override getGeometry(shape: ActivityCardShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  override component(shape: ActivityCardShape) {
    return <ActivityCardView shape={shape} />;
  }

  // Read out when a card is selected: its title, then the shape's kind (tool.activity-card, translated in card-a11y.ts).
  override getAriaDescriptor(shape: ActivityCardShape) {
    return describeCard(this.editor, shape.props.cardId);
  }

  override getIndicatorPath(shape: ActivityCardShape) {
    const path = new Path2D();
    path.roundRect(0, 0, shape.props.w, shape.props.h, RADIUS);
    return path;
  }

  override canResize() {
    return false;
  }
  override hideResizeHandles() {
    return true;
  }

  override onDoubleClick(shape: ActivityCardShape) {
    openCardEditor(this.editor, shape.props.cardId);
    // A no-op change tells tldraw the double-click was handled (no text shape, no edit mode).
    return { id: shape.id, type: shape.type };
  }

  override canEdit() {
    return false;
  }
  override canReceiveNewChildrenOfType() {
    return false;
  }
  override hideRotateHandle() {
    return true;
  }
}
