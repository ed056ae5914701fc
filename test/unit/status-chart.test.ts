/** The follow-up status chart (shared/follow-up/status-chart.ts): geometry, text alternative, escaping, colours. */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { AA_NORMAL, BADGE_INK, contrastRatio } from '../../shared/area-palette.ts';
import { createCard, setFollowUp } from '../../shared/card.ts';
import type { FollowUpStatus } from '../../shared/card-schema.ts';
import {
  BAR_WIDTH,
  BAR_X,
  barSegments,
  CHART_FONT,
  chartData,
  STATUS_COLOR,
  statusChartSvg,
} from '../../shared/follow-up/status-chart.ts';
import { noCounts, ROUND_STATUSES, type RoundStatus } from '../../shared/plan/follow-up-counts.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { emptyBoard, HSVO, NOW } from './plan-helpers.ts';

const LABELS: Record<RoundStatus, string> = {
  'not-started': 'Ej påbörjad',
  ongoing: 'Pågående',
  done: 'Genomförd',
  cancelled: 'Avslutad – slutar göra',
  none: 'Ej uppföljd',
};
const counts = (partial: Partial<ReturnType<typeof noCounts>>) => ({ ...noCounts(), ...partial });

describe('the status chart', () => {
  it('makes segment widths proportional to the counts, against the largest round', () => {
    const segments = barSegments(counts({ done: 3, ongoing: 1 }), 8);
    expect(segments.map((s) => s.status)).toEqual(['ongoing', 'done']);
    expect(segments[0]?.x).toBe(BAR_X);
    expect(segments[0]?.width).toBeCloseTo(BAR_WIDTH / 8);
    expect(segments[1]?.width).toBeCloseTo((3 * BAR_WIDTH) / 8);
    expect(segments[1]?.x).toBeCloseTo(BAR_X + BAR_WIDTH / 8);
    expect(barSegments(noCounts(), 0)).toEqual([]);
  });

  it('is an accessible image whose title and desc give the numbers in words', () => {
    const svg = statusChartSvg({
      title: 'Fokusområde A',
      rounds: [
        { label: 'Uppföljning 2024', counts: counts({ 'not-started': 4, none: 2 }) },
        { label: 'Uppföljning 2025', counts: counts({ done: 5, cancelled: 1 }) },
      ],
      statusLabels: LABELS,
    });
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toMatch(/width="640" height="\d+"/);
    expect(svg).toContain(`font-family="${CHART_FONT}"`);
    expect(svg).toContain('<title id="chart-title">Fokusområde A</title>');
    const desc = /<desc[^>]*>(.*)<\/desc>/.exec(svg)?.[1];
    expect(desc).toBe(
      'Uppföljning 2024: 4 Ej påbörjad, 2 Ej uppföljd (6 totalt). Uppföljning 2025: 5 Genomförd, 1 Avslutad – slutar göra (6 totalt)',
    );
    // Each wide segment is labelled with its count; every status is in the legend.
    for (const n of ['4', '2', '5', '1']) expect(svg).toMatch(new RegExp(`font-weight="bold">${n}</text>`));
    for (const label of Object.values(LABELS)) expect(svg).toContain(`>${label}</text>`);
  });

  it('leaves out the count of a segment too narrow for it', () => {
    const svg = statusChartSvg({
      title: 'A',
      rounds: [{ label: 'R', counts: counts({ done: 1, none: 400 }) }],
      statusLabels: LABELS,
    });
    expect(svg).toContain('font-weight="bold">400</text>');
    expect(svg).not.toContain('font-weight="bold">1</text>');
  });

  it('escapes titles, round labels and status names', () => {
    const svg = statusChartSvg({
      title: 'A <b> & "c"',
      rounds: [{ label: '<script>', counts: counts({ done: 1 }) }],
      statusLabels: { ...LABELS, done: 'Klar & "färdig"' },
    });
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A &#60;b&#62; &#38; &#34;c&#34;');
    expect(svg).toContain('Klar &#38; &#34;färdig&#34;');
  });

  it('writes white counts on colours that pass WCAG AA', () => {
    for (const status of ROUND_STATUSES) {
      expect(contrastRatio(STATUS_COLOR[status], BADGE_INK)).toBeGreaterThanOrEqual(AA_NORMAL);
    }
  });

  it('takes one area over rounds from plan data', () => {
    const doc: Y.Doc = emptyBoard();
    const card = (goalId: string, rounds: Record<string, FollowUpStatus>) => {
      const id = createCard(doc, { goalId, createdBy: 'Karin', fields: { title: 'Aktivitet' } });
      for (const [round, status] of Object.entries(rounds)) {
        setFollowUp(doc, id, round, { status, comment: '', effect: '', updatedBy: 'Karin' });
      }
    };
    card('A1', { '2024': 'ongoing', '2025': 'done' });
    card('A2', { '2025': 'ongoing' });
    card('B1', { '2025': 'done' });
    const plan = docToPlan(doc, HSVO, { now: NOW });
    const data = chartData(plan, 'A', ['2024', '2025'], LABELS);
    expect(data?.title).toBe(plan.focusAreas[0]?.title);
    expect(data?.rounds).toEqual([
      { label: '2024', counts: counts({ ongoing: 1, none: 1 }) },
      { label: '2025', counts: counts({ done: 1, ongoing: 1 }) },
    ]);
    expect(chartData(plan, 'nope', ['2025'], LABELS)).toBeUndefined();
  });
});
