/**
 * How a card looks on the canvas: what the group needs at a glance (goal,
 * status, title, priority area, responsible, parties as chips). Its content
 * comes from `cards`, so it updates live as anyone types, in any view.
 */
import type { CSSProperties, PointerEvent } from 'react';
import { HTMLContainer } from 'tldraw';
import { findGoal } from '../../../shared/template.ts';
import { useCard } from '../../cards/card-hooks.ts';
import { useCardText } from '../../cards/card-messages.ts';
import { orderParties, partyName } from '../../cards/party-labels.ts';
import type { ActivityCardShape } from './ActivityCardShape.ts';
import { type CardCanvasContextValue, useCardCanvas } from './card-canvas-context.ts';

export function ActivityCardView({ shape }: { shape: ActivityCardShape }) {
  const context = useCardCanvas();
  if (!context)
    return <HTMLContainer className="activity-card" style={{ width: shape.props.w, height: shape.props.h }} />;
  return <CardFace shape={shape} context={context} />;
}

/** Chips on a card; the rest are counted ("+3") and listed in the tooltip and the editor. */
const CHIPS_SHOWN = 2;

// tldraw starts a selection on pointer-down; the open button must get its click instead.
const keepPointer = (event: PointerEvent) => event.stopPropagation();

function CardFace({ shape, context }: { shape: ActivityCardShape; context: CardCanvasContextValue }) {
  const { doc, template, openCard } = context;
  const { w, h, cardId } = shape.props;
  const card = useCard(doc, cardId);
  const text = useCardText(template);
  const { t } = text;
  if (!card) return <HTMLContainer className="activity-card activity-card--gone" style={{ width: w, height: h }} />;

  const area = card.goalId ? findGoal(template, card.goalId)?.area : undefined;
  const title = card.title.trim() || t('card.untitled');
  const parties = orderParties(template, card.parties).map((key) => partyName(template, key));
  const style = { width: w, height: h, '--card-color': area?.color ?? '#5D6D7E' } as CSSProperties;
  const classes = ['activity-card', `activity-card--${card.status}`, area ? '' : 'activity-card--unplaced'];

  return (
    <HTMLContainer
      className={classes.filter(Boolean).join(' ')}
      style={style}
      data-testid="activity-card"
      data-card-id={card.id}
      data-goal={card.goalId ?? ''}
    >
      <div className="activity-card__top">
        {/* Placed cards show their goal by their zone and colour; only an unplaced card says so. */}
        {!area && (
          <span className="activity-card__goal" title={t('card.unplacedHint')}>
            {t('card.unplaced')}
          </span>
        )}
        <span className={`activity-card__status activity-card__status--${card.status}`}>
          {t(`card.status.${card.status}`)}
        </span>
        <button
          type="button"
          className="activity-card__open"
          onPointerDown={keepPointer}
          onClick={() => openCard(card.id)}
          aria-label={t('card.openNamed', { title })}
          title={t('card.open')}
          data-testid="open-card"
        >
          {t('card.open')}
        </button>
      </div>
      <p className={`activity-card__title${card.title.trim() ? '' : ' activity-card__title--empty'}`}>{title}</p>
      {card.priorityArea.trim() && (
        <p className="activity-card__line activity-card__line--muted" title={text.field('priorityArea')}>
          {card.priorityArea}
        </p>
      )}
      {card.responsible.trim() && (
        <p className="activity-card__line">
          <span className="activity-card__label">{text.field('responsible')}:</span> {card.responsible}
        </p>
      )}
      {parties.length > 0 && (
        <ul className="activity-card__chips" aria-label={text.field('parties')} title={parties.join(', ')}>
          {parties.slice(0, CHIPS_SHOWN).map((name) => (
            <li key={name}>{name}</li>
          ))}
          {parties.length > CHIPS_SHOWN && <li className="activity-card__more">+{parties.length - CHIPS_SHOWN}</li>}
        </ul>
      )}
    </HTMLContainer>
  );
}
