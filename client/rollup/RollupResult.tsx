/**
 * A roll-up as the page shows it: per focus area the follow-up view's chart
 * (a bar per board) and per goal a table of each board's activities and statuses.
 */
import type { StatusCounts } from '../../shared/plan/follow-up-counts.ts';
import { ROUND_STATUSES, type RoundStatus } from '../../shared/plan/follow-up-counts.ts';
import type { Rollup, RollupShare } from '../../shared/plan/rollup.ts';
import { StatusChart } from '../follow-up/StatusSummary.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

const placeName = (place: { id: string; title: string }) => `${place.id} ${place.title}`;

export function RollupResult({ rollup }: { rollup: Rollup }) {
  const { t } = useI18n();
  const statusLabels = Object.fromEntries(ROUND_STATUSES.map((s) => [s, t(`followUp.status.${s}`)])) as Record<
    RoundStatus,
    string
  >;
  const shareTable = (caption: string, shares: (RollupShare | null)[], cards: number, statuses: StatusCounts) => (
    <table className="follow-up-table rollup-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rollup.board')}</th>
          <th scope="col">{t('rollup.cards')}</th>
          {ROUND_STATUSES.map((status) => (
            <th scope="col" key={status}>
              {statusLabels[status]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shares.map((share, at) => (
          <tr key={rollup.plans[at]?.title ?? at}>
            <th scope="row">{rollup.plans[at]?.title}</th>
            {share ? (
              <>
                <td>{share.cards}</td>
                {ROUND_STATUSES.map((status) => (
                  <td key={status}>{share.statuses[status]}</td>
                ))}
              </>
            ) : (
              <td colSpan={ROUND_STATUSES.length + 1}>{t('rollup.missing')}</td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('rollup.total')}</th>
          <td>{cards}</td>
          {ROUND_STATUSES.map((status) => (
            <td key={status}>{statuses[status]}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
  return (
    <section aria-labelledby="rollup-result-heading" data-testid="rollup-result">
      <h2 id="rollup-result-heading">{t('rollup.result', { round: rollup.round || '–' })}</h2>
      <p>
        {t('rollup.boards', { count: rollup.plans.length, titles: rollup.plans.map((plan) => plan.title).join(', ') })}
      </p>
      {rollup.areas.map((area) => {
        const chart = {
          title: placeName(area),
          totalWord: t('followUp.page.chartTotal'),
          statusLabels,
          rounds: area.boards.flatMap((share, at) =>
            share ? [{ label: rollup.plans[at]?.title ?? '', counts: share.statuses }] : [],
          ),
        };
        return (
          <section key={area.id} className="rollup-area" aria-labelledby={`rollup-area-${area.id}`}>
            <h3 id={`rollup-area-${area.id}`}>{t('rollup.area', { area: placeName(area) })}</h3>
            <StatusChart chart={chart} areaId={area.id} caption={t('followUp.page.chart', { area: placeName(area) })} />
            {rollup.places
              .filter((place) => place.areaId === area.id)
              .map((place) => (
                <div key={place.id} data-rollup-place={place.id}>
                  {shareTable(
                    t('rollup.goalCaption', { goal: placeName(place) }),
                    place.boards,
                    place.cards,
                    place.statuses,
                  )}
                </div>
              ))}
          </section>
        );
      })}
    </section>
  );
}
