/**
 * How many of an area's activities are at each status in the round, as a
 * table, beside the empty figure the status chart is mounted into later.
 */
import type { Card } from '../../shared/card-schema.ts';
import { ROUND_STATUSES } from '../../shared/plan/follow-up-counts.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { countRound } from './follow-up-values.ts';

export function StatusSummary({
  areaId,
  areaTitle,
  cards,
  round,
}: {
  areaId: string;
  areaTitle: string;
  cards: readonly Card[];
  round: string;
}) {
  const { t } = useI18n();
  const counts = countRound(cards, round);
  return (
    <div className="status-summary">
      <table className="status-summary__table" data-summary-area={areaId}>
        <caption>{t('followUp.page.summary', { round, area: areaTitle })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('followUp.page.statusColumn')}</th>
            <th scope="col">{t('followUp.page.countColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {ROUND_STATUSES.map((status) => (
            <tr key={status} data-status={status}>
              <th scope="row">{t(`followUp.status.${status}`)}</th>
              <td>{counts[status]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('followUp.page.total')}</th>
            <td>{cards.length}</td>
          </tr>
        </tfoot>
      </table>
      {/* The status chart (an SVG) is mounted here by its own module. */}
      <figure
        className="status-summary__chart"
        data-chart-area={areaId}
        aria-label={t('followUp.page.chart', { area: areaTitle })}
      />
    </div>
  );
}
