/**
 * How many of an area's activities are at each status in the round, as a
 * table, beside the status chart of the rounds so far (the same SVG the Word
 * report carries as an image; its words are the image's text alternative).
 */
import type { Card } from '../../shared/card-schema.ts';
import { chartDescription, type StatusChartInput, statusChartSvg } from '../../shared/follow-up/status-chart.ts';
import { ROUND_STATUSES, type RoundStatus } from '../../shared/plan/follow-up-counts.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { countRound } from './follow-up-values.ts';

/** The chart as an image (the SVG as a data URL) whose alt text gives every number; the roll-up page shows it too. */
export function StatusChart({ chart, areaId, caption }: { chart: StatusChartInput; areaId: string; caption: string }) {
  const chartUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(statusChartSvg(chart))}`;
  return (
    <figure className="status-summary__chart" data-chart-area={areaId}>
      <img src={chartUrl} alt={chartDescription(chart)} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export function StatusSummary({
  areaId,
  areaTitle,
  cards,
  round,
  chartRounds,
}: {
  areaId: string;
  areaTitle: string;
  cards: readonly Card[];
  round: string;
  /** The rounds the chart sets against one another, oldest first, ending with `round`. */
  chartRounds: readonly string[];
}) {
  const { t } = useI18n();
  const counts = countRound(cards, round);
  const chart: StatusChartInput = {
    title: areaTitle,
    totalWord: t('followUp.page.chartTotal'),
    rounds: chartRounds.map((label) => ({ label, counts: countRound(cards, label) })),
    statusLabels: Object.fromEntries(ROUND_STATUSES.map((s) => [s, t(`followUp.status.${s}`)])) as Record<
      RoundStatus,
      string
    >,
  };
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
      <StatusChart chart={chart} areaId={areaId} caption={t('followUp.page.chart', { area: areaTitle })} />
    </div>
  );
}
