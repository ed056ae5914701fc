/**
 * "Uppföljning" in the card editor, when the board has rounds: the current
 * round's status, comment, effect and indicator answers, editable for those
 * who may edit; the earlier rounds read-only beneath, newest first.
 */
import type * as Y from 'yjs';
import type { Card } from '../../shared/card-schema.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './follow-up.css';
import { FollowUpStatusSelect, FollowUpTextArea, IndicatorInputs } from './FollowUpInputs.tsx';
import { entryFor, indicatorInputText, indicatorLines } from './follow-up-values.ts';
import { useRounds } from './useRounds.ts';

export interface FollowUpSectionProps {
  doc: Y.Doc;
  card: Card;
  readOnly: boolean;
  /** Who writes (stamped on the entry); without it (a version from the history) the section is read-only. */
  personName?: string;
}

export function FollowUpSection({ doc, card, readOnly, personName }: FollowUpSectionProps) {
  const { t } = useI18n();
  const { rounds, current } = useRounds(doc);
  if (rounds.length === 0) return null;
  const earlier = rounds.filter((round) => round.label !== current).reverse();
  const inputs = { doc, card, by: personName ?? '', readOnly: readOnly || personName === undefined };
  return (
    <section className="follow-up-section" aria-labelledby={`follow-up-${card.id}`} data-testid="follow-up-section">
      <h3 id={`follow-up-${card.id}`}>{t('followUp.section')}</h3>
      {current && (
        <fieldset className="follow-up-round" data-round={current}>
          <legend>{t('followUp.current', { round: current })}</legend>
          <FollowUpStatusSelect {...inputs} round={current} />
          <FollowUpTextArea {...inputs} round={current} field="comment" />
          <FollowUpTextArea {...inputs} round={current} field="effect" />
          <IndicatorInputs {...inputs} round={current} />
        </fieldset>
      )}
      {earlier.length > 0 && (
        <>
          <h4>{t('followUp.earlier')}</h4>
          {earlier.map((round) => (
            <FollowUpReadOnly key={round.label} card={card} round={round.label} />
          ))}
        </>
      )}
    </section>
  );
}

/** One round's entry of the card as text. */
export function FollowUpReadOnly({ card, round }: { card: Card; round: string }) {
  const { t } = useI18n();
  const entry = entryFor(card, round);
  const lines = indicatorLines(card);
  return (
    <div className="follow-up-round follow-up-round--read" data-round={round}>
      <h5>{round}</h5>
      {!entry ? (
        <p className="muted">{t('followUp.notFollowedUp')}</p>
      ) : (
        <dl className="follow-up-read">
          <dt>{t('followUp.status')}</dt>
          <dd>{t(`followUp.status.${entry.status}`)}</dd>
          <dt>{t('followUp.comment')}</dt>
          <dd>{entry.comment || t('followUp.empty')}</dd>
          <dt>{t('followUp.effect')}</dt>
          <dd>{entry.effect || t('followUp.empty')}</dd>
          {lines.map((line) => (
            <IndicatorAnswerText key={line.text} text={line.text} value={entry.indicators[line.text]} />
          ))}
        </dl>
      )}
    </div>
  );
}

function IndicatorAnswerText({ text, value }: { text: string; value: boolean | number | string | undefined }) {
  const { t } = useI18n();
  const shown =
    typeof value === 'boolean' ? t(value ? 'followUp.yes' : 'followUp.no') : indicatorInputText(value) || '–';
  return (
    <>
      <dt>{text}</dt>
      <dd>{shown}</dd>
    </>
  );
}
