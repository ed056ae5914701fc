/**
 * The follow-up status charts as PNGs for the Word report: the SVG of
 * shared/follow-up/status-chart.ts rendered by resvg, with the font files
 * chart-fonts.ts found once per process; on a machine without any fonts the
 * bars and the colours still render, and the document's alt text carries
 * every number anyway.
 */
import { Resvg } from '@resvg/resvg-js';
import { chartDescription, statusChartSvg } from '../../shared/follow-up/status-chart.ts';
import type { StatusCounts } from '../../shared/plan/follow-up-counts.ts';
import type { Rollup } from '../../shared/plan/rollup.ts';
import { type ChartPng, type FollowUpReport, REPORT_LABELS, type ReportLang } from '../../shared/report/index.ts';
import { placeName } from '../../shared/report/report-rows.ts';
import { rollupPlaceName } from '../../shared/report/write-rollup-docx.ts';
import { chartFonts } from './chart-fonts.ts';

export function svgToPng(svg: string): { png: Uint8Array; width: number; height: number } {
  const rendered = new Resvg(svg, {
    font: chartFonts(),
    background: '#ffffff',
  }).render();
  return { png: new Uint8Array(rendered.asPng()), width: rendered.width, height: rendered.height };
}

/** Each focus area's chart of the report's round against the one before. */
export function reportCharts(report: FollowUpReport, lang: ReportLang = 'sv'): Map<string, ChartPng> {
  const statusLabels = REPORT_LABELS[lang].status;
  const charts = new Map<string, ChartPng>();
  for (const area of report.areas) {
    const rounds: { label: string; counts: StatusCounts }[] = [];
    if (report.previousRound !== null && area.previousCounts) {
      rounds.push({ label: report.previousRound, counts: area.previousCounts });
    }
    rounds.push({ label: report.round, counts: area.counts });
    const input = { title: placeName(area), rounds, statusLabels, totalWord: lang === 'en' ? 'in all' : 'totalt' };
    charts.set(area.id, {
      ...svgToPng(statusChartSvg(input)),
      title: input.title,
      description: chartDescription(input),
    });
  }
  return charts;
}

/** Each focus area's chart of a roll-up: a bar per board that has the area, in the roll-up's round. */
export function rollupCharts(rollup: Rollup, lang: ReportLang = 'sv'): Map<string, ChartPng> {
  const statusLabels = REPORT_LABELS[lang].status;
  const charts = new Map<string, ChartPng>();
  for (const area of rollup.areas) {
    const rounds = area.boards.flatMap((share, at) =>
      share ? [{ label: rollup.plans[at]?.title ?? '', counts: share.statuses }] : [],
    );
    const input = {
      title: rollupPlaceName(area),
      rounds,
      statusLabels,
      totalWord: lang === 'en' ? 'in all' : 'totalt',
    };
    charts.set(area.id, {
      ...svgToPng(statusChartSvg(input)),
      title: input.title,
      description: chartDescription(input),
    });
  }
  return charts;
}
