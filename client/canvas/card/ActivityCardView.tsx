/**
 * How a card looks on the canvas. Its content comes from `cards`, so it
 * updates live as anyone types, in any view. Two faces (semantic zoom, see
 * card-face.ts): at reading zoom what the group needs at a glance (status,
 * title, responsible, parties, the number of indicators); zoomed out only the
 * title, large enough to read. An agreed card that has lost a required field
 * says so on both faces. Off screen a card draws only its frame and title
 * (card-culling.ts): tldraw hides it then, and the full face follows once it
 * comes into view.
 */
import type { CSSProperties, PointerEvent } from 'react';
import { HTMLContainer, useEditor, useSvgExportContext, useValue } from 'tldraw';
import { inkOn } from '../../../shared/area-palette.ts';
import { type Card, missingForAgreed, splitIndicators } from '../../../shared/card-schema.ts';
import { TEXT_FIELDS } from '../../../shared/fields/card-fields.ts';
import { findGoal, type Template } from '../../../shared/template.ts';
import { useCard } from '../../cards/card-hooks.ts';
import { type CardText, useCardText } from '../../cards/card-messages.ts';
import { orderParties, partyName } from '../../cards/party-labels.ts';
import { VoteControl } from '../../voting/VoteControl.tsx';
import type { ActivityCardShape } from './ActivityCardShape.ts';
import { type CardCanvasContextValue, useCardCanvas } from './card-canvas-context.ts';
import { useShapeCulled } from './card-culling.ts';
import { breakableTitle, cardFace, cardFaceKey, compactTitleLines } from './card-face.ts';

export function ActivityCardView({ shape }: { shape: ActivityCardShape }) {
  const context = useCardCanvas();
  if (!context)
    return <HTMLContainer className="activity-card" style={{ width: shape.props.w, height: shape.props.h }} />;
  return <CardFace shape={shape} context={context} />;
}

/** The text fields the registry shows on the reading face. */
const FACE_FIELDS = TEXT_FIELDS.filter((f) => 'face' in f).map((f) => f.id);

/** Chips on a card (one, so its name is readable beside the indicator count); the rest are counted ("+3"). */
const CHIPS_SHOWN = 1;

// tldraw starts a selection on pointer-down; the open button must get its click instead.
const keepPointer = (event: PointerEvent) => event.stopPropagation();

/** The face for the camera's zoom; an image export always gets the reading face. */
function useFaceKey(exporting: boolean): string {
  const editor = useEditor();
  // The "efficient" zoom holds still while a large board's camera moves, so cards re-render once it stops.
  const key = useValue('card face', () => cardFaceKey(editor.getEfficientZoomLevel()), [editor]);
  return exporting ? 'reading' : key;
}

function CardFace({ shape, context }: { shape: ActivityCardShape; context: CardCanvasContextValue }) {
  const { doc, template, openCard } = context;
  const { w, h, cardId } = shape.props;
  const card = useCard(doc, cardId);
  const text = useCardText(template);
  const exporting = useSvgExportContext() !== null;
  const face = cardFace(useFaceKey(exporting));
  const culled = useShapeCulled(shape.id, !exporting);
  const editor = useEditor();
  // The compact face shows its open button on the selected card and the one under the pointer only:
  // on every card at overview zoom the 24 px button would take the large title's room.
  // Read only for a compact face: the reading faces then follow no hover or selection at all.
  const compact = face.kind === 'compact';
  const selected = useValue(
    'card selected or hovered',
    () => compact && (editor.getHoveredShapeId() === shape.id || editor.getSelectedShapeIds().includes(shape.id)),
    [editor, shape.id, compact],
  );
  const { t } = text;
  if (!card) return <HTMLContainer className="activity-card activity-card--gone" style={{ width: w, height: h }} />;

  const area = card.goalId ? findGoal(template, card.goalId)?.area : undefined;
  const title = card.title.trim() || t('card.untitled');
  const missing = card.status === 'agreed' ? missingForAgreed(card).map((field) => text.field(field)) : [];
  const warning = missing.length > 0 ? t('card.agreedMissing', { fields: missing.join(', ') }) : '';
  const color = area?.color ?? '#5D6D7E';
  const style: Record<string, string | number> = {
    width: w,
    height: h,
    '--card-color': color,
    '--card-ink': inkOn(color),
  };
  if (face.kind === 'compact') {
    style['--card-title-size'] = `${face.titlePx}px`;
    style['--card-open-size'] = `${face.openPx}px`;
    style['--card-title-lines'] = compactTitleLines(h, face.titlePx);
  }
  const classes = [
    'activity-card',
    `activity-card--${card.status}`,
    `activity-card--${face.kind}`,
    area ? '' : 'activity-card--unplaced',
    warning ? 'activity-card--incomplete' : '',
    selected ? 'activity-card--selected' : '',
  ];

  return (
    <HTMLContainer
      className={classes.filter(Boolean).join(' ')}
      style={style as CSSProperties}
      data-testid="activity-card"
      data-card-id={card.id}
      data-goal={card.goalId ?? ''}
      data-face={face.kind}
      data-culled={culled || undefined}
      title={face.kind === 'compact' ? [title, warning].filter(Boolean).join(' — ') : undefined}
    >
      {culled ? (
        // Hidden by tldraw while off screen: the title alone, for what reads the page (tests, find in page).
        <p className={titleClass(card)}>{title}</p>
      ) : face.kind === 'compact' ? (
        <>
          <span className="activity-card__band" aria-hidden="true" />
          <p className={titleClass(card)}>
            <OpenButton compact title={title} open={() => openCard(card.id)} text={text} />
            {breakableTitle(title)}
          </p>
          <VoteControl card={card} title={title} compact />
        </>
      ) : (
        <ReadingFace
          card={card}
          title={title}
          warning={warning}
          placed={!!area}
          text={text}
          template={template}
          openCard={openCard}
        />
      )}
    </HTMLContainer>
  );
}

/**
 * "Öppna": a labelled button on the reading face; on the compact face an icon floated in the
 * title's corner (its glyph comes from card.css, so the title's text stays the title alone).
 */
function OpenButton({
  compact,
  title,
  open,
  text,
}: {
  compact?: boolean;
  title: string;
  open(): void;
  text: CardText;
}) {
  return (
    <button
      type="button"
      className={compact ? 'activity-card__open activity-card__open--compact' : 'activity-card__open'}
      onPointerDown={keepPointer}
      onClick={open}
      aria-label={text.t('card.openNamed', { title })}
      title={text.t('card.open')}
      data-testid="open-card"
    >
      {compact ? null : text.t('card.open')}
    </button>
  );
}

const titleClass = (card: Card) => `activity-card__title${card.title.trim() ? '' : ' activity-card__title--empty'}`;

interface ReadingFaceProps {
  card: Card;
  title: string;
  warning: string;
  placed: boolean;
  text: CardText;
  template: Template;
  openCard(cardId: string): void;
}

function ReadingFace({ card, title, warning, placed, text, template, openCard }: ReadingFaceProps) {
  const { t, field } = text;
  const parties = orderParties(template, card.parties).map((key) => partyName(template, key));
  const indicators = splitIndicators(card.indicator).length;
  return (
    <>
      <div className="activity-card__top">
        {/* Placed cards show their goal by their zone and colour; only an unplaced card says so. */}
        {!placed && (
          <span className="activity-card__goal" title={t('card.unplacedHint')}>
            {t('card.unplaced')}
          </span>
        )}
        <span className={`activity-card__status activity-card__status--${card.status}`}>
          {t(`card.status.${card.status}`)}
        </span>
        <OpenButton title={title} open={() => openCard(card.id)} text={text} />
      </div>
      {warning && (
        <p className="activity-card__warning" data-testid="card-warning">
          {warning}
        </p>
      )}
      <p className={titleClass(card)}>{title}</p>
      {/* The registry's face fields (the card has room for a line or two), each when filled in. */}
      {FACE_FIELDS.map(
        (id) =>
          card[id].trim() && (
            <p key={id} className="activity-card__line">
              <span className="activity-card__label">{field(id)}:</span> {card[id]}
            </p>
          ),
      )}
      <div className="activity-card__bottom">
        {parties.length > 0 && (
          <ul className="activity-card__chips" aria-label={field('parties')} title={parties.join(', ')}>
            {parties.slice(0, CHIPS_SHOWN).map((name) => (
              <li key={name}>{name}</li>
            ))}
            {parties.length > CHIPS_SHOWN && <li className="activity-card__more">+{parties.length - CHIPS_SHOWN}</li>}
          </ul>
        )}
        <span className="activity-card__indicators" data-testid="card-indicators" data-count={indicators}>
          {indicators === 0
            ? t('card.indicators.none')
            : t(indicators === 1 ? 'card.indicators.one' : 'card.indicators.many', { count: indicators })}
        </span>
        <VoteControl card={card} title={title} />
      </div>
    </>
  );
}
