/**
 * One goal's activities in a follow-up round as a table: a caption naming the
 * goal, the card titles as row headers, and the round's status, comment,
 * effect and indicator answers, editable in the current round.
 */
import type * as Y from 'yjs';
import type { Card } from '../../shared/card-schema.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FollowUpStatusSelect, FollowUpTextArea, IndicatorInputs } from './FollowUpInputs.tsx';
import { entryFor, indicatorInputText, indicatorLines } from './follow-up-values.ts';

export interface FollowUpTableProps {
  doc: Y.Doc;
  caption: string;
  /** A goal-less area's own table: its heading is right above, so the caption is for screen readers only. */
  hideCaption?: boolean;
  cards: readonly Card[];
  round: string;
  editable: boolean;
  by: string;
  untitled: string;
}

export function FollowUpTable({ doc, caption, hideCaption, cards, round, editable, by, untitled }: FollowUpTableProps) {
  const { t } = useI18n();
  const columns = ['status', 'comment', 'effect', 'indicators'] as const;
  return (
    <table className="follow-up-table">
      <caption className={hideCaption ? 'sr-only' : undefined}>
        {caption} <span className="muted">({cards.length})</span>
      </caption>
      <colgroup>
        <col style={{ width: '18%' }} />
        <col style={{ width: '12%' }} />
        <col style={{ width: '22%' }} />
        <col style={{ width: '22%' }} />
        <col style={{ width: '26%' }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('followUp.page.activity')}</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(column === 'status' ? 'followUp.page.statusColumn' : `followUp.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cards.length === 0 && (
          <tr>
            <td colSpan={columns.length + 1} className="muted">
              {t('followUp.page.noCards')}
            </td>
          </tr>
        )}
        {cards.map((card) => {
          const title = card.title.trim() || untitled;
          const inputs = { doc, card, round, by, readOnly: !editable, context: title };
          return (
            <tr key={card.id} data-card-id={card.id}>
              <th scope="row">{title}</th>
              {editable ? (
                <>
                  <td>
                    <FollowUpStatusSelect {...inputs} />
                  </td>
                  <td>
                    <FollowUpTextArea {...inputs} field="comment" />
                  </td>
                  <td>
                    <FollowUpTextArea {...inputs} field="effect" />
                  </td>
                  <td>
                    <IndicatorInputs {...inputs} />
                  </td>
                </>
              ) : (
                <ReadOnlyCells card={card} round={round} />
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ReadOnlyCells({ card, round }: { card: Card; round: string }) {
  const { t } = useI18n();
  const entry = entryFor(card, round);
  const answer = (value: boolean | number | string | undefined) =>
    typeof value === 'boolean' ? t(value ? 'followUp.yes' : 'followUp.no') : indicatorInputText(value) || '–';
  return (
    <>
      <td data-testid="follow-up-status-text">{t(`followUp.status.${entry?.status ?? 'none'}`)}</td>
      <td className="follow-up-table__text">{entry?.comment || t('followUp.empty')}</td>
      <td className="follow-up-table__text">{entry?.effect || t('followUp.empty')}</td>
      <td>
        <ul className="follow-up-table__answers">
          {indicatorLines(card).map((line) => (
            <li key={line.text}>
              {line.text}: {answer(entry?.indicators[line.text])}
            </li>
          ))}
        </ul>
      </td>
    </>
  );
}
