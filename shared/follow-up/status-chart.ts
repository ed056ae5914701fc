/**
 * A focus area's follow-up status counts as a chart: one stacked horizontal
 * bar per round, round against round, a segment per status. Returns an SVG
 * string (a pure function), so the follow-up page can inline it and the
 * server can turn it into a PNG for the Word report. Accessible on its own:
 * role="img" with a <title> and a <desc> that give every number in words, so
 * a screen reader (or an image without its picture) loses nothing.
 */
import { BADGE_INK } from '../area-palette.ts';
import { followUpCounts, ROUND_STATUSES, type RoundStatus, type StatusCounts } from '../plan/follow-up-counts.ts';
import type { PlanData } from '../plan/schema.ts';

export interface ChartRound {
  label: string;
  counts: StatusCounts;
}

export interface StatusChartInput {
  title: string;
  rounds: ChartRound[];
  statusLabels: Record<RoundStatus, string>;
  /** The word after the sum in the text alternative: "totalt", "in all". Swedish when left out. */
  totalWord?: string;
}

/*
 * Strong colours of the area palette (shared/area-palette.ts): each carries
 * white text at WCAG AA, which the unit test checks, and they stay apart from
 * one another. "Not followed up" takes the neutral slate.
 */
export const STATUS_COLOR: Record<RoundStatus, string> = {
  'not-started': '#A64400',
  ongoing: '#005A96',
  done: '#00704F',
  cancelled: '#6E3D9A',
  none: '#4A5868',
};
export const CHART_INK = '#1f2933';
export const CHART_FONT = 'Liberation Sans, Arial, sans-serif';

export const CHART_WIDTH = 640;
const PAD = 16;
const LABEL_WIDTH = 150;
const TITLE_HEIGHT = 28;
const BAR_HEIGHT = 28;
const BAR_GAP = 12;
const LEGEND_ROW = 22;
const SWATCH = 12;
const FONT_SIZE = 12;
/** A rough width of a character at the font size: enough to decide what fits, not to lay out type. */
const CHAR_WIDTH = 7;

export const BAR_X = PAD + LABEL_WIDTH;
export const BAR_WIDTH = CHART_WIDTH - BAR_X - PAD;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const total = (counts: StatusCounts): number => ROUND_STATUSES.reduce((sum, status) => sum + counts[status], 0);
const round1 = (n: number): number => Math.round(n * 100) / 100;

export interface ChartSegment {
  status: RoundStatus;
  count: number;
  x: number;
  width: number;
}

/** The segments of one round's bar; widths are proportional to the counts, against the largest round. */
export function barSegments(counts: StatusCounts, largest: number): ChartSegment[] {
  const segments: ChartSegment[] = [];
  let x = BAR_X;
  for (const status of ROUND_STATUSES) {
    const count = counts[status];
    if (count <= 0 || largest <= 0) continue;
    const width = (count / largest) * BAR_WIDTH;
    segments.push({ status, count, x, width });
    x += width;
  }
  return segments;
}

/** One round in words: "Uppföljning 2025: 3 Pågående, 1 Genomförd (4 totalt)". */
function roundInWords(round: ChartRound, labels: Record<RoundStatus, string>, totalWord: string): string {
  const parts = ROUND_STATUSES.filter((status) => round.counts[status] > 0).map(
    (status) => `${round.counts[status]} ${labels[status]}`,
  );
  return `${round.label}: ${parts.length > 0 ? parts.join(', ') : '0'} (${total(round.counts)} ${totalWord})`;
}

export function chartDescription(input: StatusChartInput): string {
  return input.rounds.map((round) => roundInWords(round, input.statusLabels, input.totalWord ?? 'totalt')).join('. ');
}

/** Legend items laid out in rows that fit the chart's width. */
function legendItems(labels: Record<RoundStatus, string>, top: number): { svg: string[]; height: number } {
  const svg: string[] = [];
  let x = PAD;
  let y = top;
  for (const status of ROUND_STATUSES) {
    const width = SWATCH + 6 + labels[status].length * CHAR_WIDTH + 16;
    if (x > PAD && x + width > CHART_WIDTH - PAD) {
      x = PAD;
      y += LEGEND_ROW;
    }
    svg.push(
      `<rect x="${x}" y="${y}" width="${SWATCH}" height="${SWATCH}" fill="${STATUS_COLOR[status]}"/>`,
      `<text x="${x + SWATCH + 6}" y="${y + SWATCH - 1}" fill="${CHART_INK}">${escapeXml(labels[status])}</text>`,
    );
    x += width;
  }
  return { svg, height: y - top + LEGEND_ROW };
}

function barSvg(round: ChartRound, y: number, largest: number): string[] {
  const label = round.label.length > 20 ? `${round.label.slice(0, 19)}…` : round.label;
  const svg = [
    `<text x="${PAD}" y="${y + BAR_HEIGHT / 2 + 4}" fill="${CHART_INK}">${escapeXml(label)}</text>`,
    `<rect x="${BAR_X}" y="${y}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" fill="#f2f4f6"/>`,
  ];
  for (const segment of barSegments(round.counts, largest)) {
    svg.push(
      `<rect x="${round1(segment.x)}" y="${y}" width="${round1(segment.width)}" height="${BAR_HEIGHT}" fill="${STATUS_COLOR[segment.status]}"/>`,
    );
    const text = String(segment.count);
    if (segment.width >= text.length * CHAR_WIDTH + 8) {
      svg.push(
        `<text x="${round1(segment.x + segment.width / 2)}" y="${y + BAR_HEIGHT / 2 + 4}" fill="${BADGE_INK}" text-anchor="middle" font-weight="bold">${text}</text>`,
      );
    }
  }
  return svg;
}

export function statusChartSvg(input: StatusChartInput): string {
  const largest = Math.max(0, ...input.rounds.map((round) => total(round.counts)));
  const body: string[] = [
    `<text x="${PAD}" y="${PAD + 4}" fill="${CHART_INK}" font-size="15" font-weight="bold">${escapeXml(input.title)}</text>`,
  ];
  let y = PAD + TITLE_HEIGHT;
  for (const round of input.rounds) {
    body.push(...barSvg(round, y, largest));
    y += BAR_HEIGHT + BAR_GAP;
  }
  const legend = legendItems(input.statusLabels, y + 4);
  body.push(...legend.svg);
  const height = Math.ceil(y + 4 + legend.height + PAD / 2);
  const title = escapeXml(input.title);
  const desc = escapeXml(chartDescription(input));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="${CHART_FONT}" font-size="${FONT_SIZE}">`,
    `<title id="chart-title">${title}</title>`,
    `<desc id="chart-desc">${desc}</desc>`,
    `<rect width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** The chart of one focus area over the given rounds, from plan data; undefined for an unknown area. */
export function chartData(
  plan: PlanData,
  areaId: string,
  rounds: readonly string[],
  statusLabels: Record<RoundStatus, string>,
): StatusChartInput | undefined {
  const area = plan.focusAreas.find((candidate) => candidate.id === areaId);
  if (!area) return undefined;
  return {
    title: area.title,
    rounds: rounds.map((label) => ({
      label,
      counts: followUpCounts(plan, label).areas.find((a) => a.id === areaId)?.statuses as StatusCounts,
    })),
    statusLabels,
  };
}
