/**
 * The regional roll-up as a Word document, laid out like the follow-up
 * report (write-report-docx.ts): the title and round, the boards combined,
 * then per focus area its chart (a bar per board) and a table of each board's
 * activities and statuses, the same per goal, and last the parties. The charts
 * come in as PNGs rendered by the server, so this module stays pure.
 */
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { ROUND_STATUSES, type StatusCounts } from '../plan/follow-up-counts.ts';
import type { Rollup, RollupShare } from '../plan/rollup.ts';
import { BODY, type ChartPng, chartParagraph, TEXT_WIDTH, tableSlots } from './docx-document.ts';
import { reportTableXml } from './docx-report-table.ts';
import { REPORT_LABELS, type ReportLang, ROLLUP_WORDS } from './labels.ts';

const countCells = (cards: number, counts: StatusCounts): string[][] => [
  [String(cards)],
  ...ROUND_STATUSES.map((status) => [String(counts[status])]),
];

/** "Regional sammanställning – Uppföljning 2025". */
export const rollupHeading = (rollup: Pick<Rollup, 'round'>, lang: ReportLang): string =>
  rollup.round ? `${ROLLUP_WORDS[lang].title} – ${rollup.round}` : ROLLUP_WORDS[lang].title;

/** The name a roll-up gives a place: its code (the id) and title, as the workbook does. */
export const rollupPlaceName = (place: { id: string; title: string }): string => `${place.id} ${place.title}`;

export async function writeRollupDocx(
  rollup: Rollup,
  charts: ReadonlyMap<string, ChartPng> = new Map(),
  lang: ReportLang = 'sv',
): Promise<Uint8Array> {
  const labels = REPORT_LABELS[lang];
  const words = ROLLUP_WORDS[lang];
  const { slot, write } = tableSlots();
  const headings = [words.cards, ...ROUND_STATUSES.map((status) => labels.status[status])];
  const weights = [2, ...ROUND_STATUSES.map(() => 2)];
  /** A row per board (a board whose template lacks the place says so), then the total. */
  const boardTable = (shares: readonly (RollupShare | null)[], cards: number, statuses: StatusCounts) =>
    slot(
      reportTableXml(
        [words.board, ...headings],
        [
          ...shares.map((share, at) => [
            [rollup.plans[at]?.title ?? ''],
            ...(share
              ? countCells(share.cards, share.statuses)
              : [[`– (${words.missing})`], ...ROUND_STATUSES.map(() => [])]),
          ]),
          [[labels.total], ...countCells(cards, statuses)],
        ],
        [5, ...weights],
        TEXT_WIDTH,
        true,
      ),
    );
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: rollupHeading(rollup, lang) }),
    new Paragraph({
      spacing: { before: 120, after: 240 },
      children: [
        new TextRun({ text: `${labels.round}: `, bold: true, ...BODY }),
        new TextRun({ text: rollup.round || '–', ...BODY }),
      ],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: words.boards }),
    ...slot(
      reportTableXml(
        [words.board, words.cards],
        [
          ...rollup.plans.map((plan) => [[plan.title], [String(plan.cards)]]),
          [[labels.total], [String(rollup.plans.reduce((n, plan) => n + plan.cards, 0))]],
        ],
        [6, 2],
        TEXT_WIDTH,
      ),
    ),
  ];
  for (const area of rollup.areas) {
    const chart = charts.get(area.id);
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        text: `${labels.area} ${rollupPlaceName(area)}`,
        pageBreakBefore: true,
      }),
      ...(chart ? [chartParagraph(chart)] : []),
      ...boardTable(area.boards, area.cards, area.statuses),
    );
    for (const place of rollup.places.filter((candidate) => candidate.areaId === area.id)) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          text:
            place.id === area.id
              ? `${rollupPlaceName(place)} (${labels.area.toLocaleLowerCase(lang)})`
              : rollupPlaceName(place),
          spacing: { before: 240 },
          keepNext: true,
        }),
        ...boardTable(place.boards, place.cards, place.statuses),
      );
    }
  }
  if (rollup.parties.length > 0) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, text: words.parties, pageBreakBefore: true }),
      ...slot(
        reportTableXml(
          [words.party, ...headings],
          rollup.parties.map((party) => [[party.name], ...countCells(party.cards, party.statuses)]),
          [5, ...weights],
          TEXT_WIDTH,
          true,
        ),
      ),
    );
  }
  return write(children, rollupHeading(rollup, lang), lang);
}
