/**
 * DOCX export: a Word plan document in the shape of the seed plans — title,
 * plan period, parties and vision, then a chapter per focus area with each
 * goal's direction and a table of its activities. A4 landscape, because the
 * table has eight columns.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { NO_CARDS, TABLE_HEADINGS } from './labels.ts';
import { formatPlanPeriod } from './period.ts';
import type { PlanData } from './schema.ts';
import { type CardCells, cellLines, numbered, type PlanGroup, type PlanSection, planSections } from './sections.ts';
import { TABLE_WIDTHS } from './xlsx-layout.ts';
import { xmlSafePlan } from './xml-safe.ts';

const PAGE = { width: 11906, height: 16838, margin: 1134 }; // A4 in twips, 2 cm margins
const TEXT_WIDTH = PAGE.height - 2 * PAGE.margin; // landscape: the long side is the width
const TOTAL = TABLE_WIDTHS.reduce((a, b) => a + b, 0);
const COLUMN_TWIPS = TABLE_WIDTHS.map((w) => Math.floor((w / TOTAL) * TEXT_WIDTH));
const HEADER_FILL = '1F4E79';
/*
 * Normal text is the 9 pt table text, so the 40,000 cell paragraphs of a big
 * board carry no style of their own; the few body paragraphs use BODY_STYLE.
 */
const BODY_STYLE = 'Brodtext';

/*
 * A 5,000-card board makes some 40,000 table cells, and the docx library's
 * cost is per XML element, so a cell is kept lean: one paragraph (lines split
 * by breaks), no run properties, margins and widths set once on the table.
 */
function cellParagraph(lines: string[], bold = false): Paragraph {
  return new Paragraph({
    children: lines.map((text, i) => new TextRun(bold || i > 0 ? { text, bold, break: i > 0 ? 1 : 0 } : text)),
  });
}

const cell = (children: Paragraph[], fill?: string, rowSpan = 1) =>
  new TableCell({
    children,
    ...(rowSpan > 1 ? { rowSpan } : {}),
    ...(fill ? { shading: { fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
  });

/**
 * Columns whose repeated values merge into one cell down the rows, as in the
 * seed plans: the priority area, and the responsible within one priority area.
 */
const mergeKeys: Record<number, (cells: CardCells) => string> = {
  0: (cells) => cells.priorityArea,
  3: (cells) => (cells.responsible ? `${cells.priorityArea}\u0000${cells.responsible}` : ''),
};

/** For each row, how many rows its cell spans in a merged column: 0 where a cell above covers it. */
export function rowSpans(keys: string[]): number[] {
  const spans = keys.map(() => 1);
  for (let start = 0; start < keys.length; ) {
    let end = start + 1;
    while (end < keys.length && keys[start] !== '' && keys[end] === keys[start]) end++;
    spans[start] = end - start;
    for (let covered = start + 1; covered < end; covered++) spans[covered] = 0;
    start = end;
  }
  return spans;
}

function cardRow(cells: CardCells, spans: Map<number, number>): TableRow {
  const columns = cellLines(cells).map((lines, i) => {
    if (i === 1 && cells.title) {
      // The card's short title in bold above its activity text.
      const activity = cells.activity ? cells.activity.split(/\r?\n/) : [];
      return cell(
        activity.length
          ? [cellParagraph([cells.title], true), cellParagraph(activity)]
          : [cellParagraph([cells.title], true)],
      );
    }
    const span = spans.get(i) ?? 1;
    return span === 0 ? null : cell([cellParagraph(lines)], undefined, span);
  });
  // docx adds the continuation cells of a merged column itself, so covered cells are left out.
  return new TableRow({ children: columns.filter((c): c is TableCell => c !== null), cantSplit: true });
}

function planTable(cards: CardCells[]): Table {
  const header = new TableRow({
    tableHeader: true,
    children: TABLE_HEADINGS.map((heading) =>
      cell(
        [
          new Paragraph({
            children: [new TextRun({ text: heading, bold: true, color: 'FFFFFF' })],
          }),
        ],
        HEADER_FILL,
      ),
    ),
  });
  const spans = Object.entries(mergeKeys).map(([column, key]) => [Number(column), rowSpans(cards.map(key))] as const);
  const rows = cards.map((cells, row) => cardRow(cells, new Map(spans.map(([column, s]) => [column, s[row] ?? 1]))));
  return new Table({
    rows: [header, ...rows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_TWIPS,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function labelled(label: string, text: string, keepNext = false): Paragraph {
  return new Paragraph({
    style: BODY_STYLE,
    spacing: { after: 120 },
    keepNext,
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)],
  });
}

function groupBlocks(group: PlanGroup, plan: PlanData): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [];
  if (group.title) {
    // Kept with what follows, so a goal's heading never ends a page without its table.
    blocks.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        text: numbered(group),
        spacing: { before: 240 },
        keepNext: true,
      }),
    );
  }
  if (group.direction) blocks.push(labelled(plan.template.labels.direction ?? 'Inriktning', group.direction, true));
  if (group.cards.length === 0)
    blocks.push(new Paragraph({ style: BODY_STYLE, children: [new TextRun({ text: NO_CARDS, italics: true })] }));
  else blocks.push(planTable(group.cards), new Paragraph({ style: BODY_STYLE, text: '' }));
  return blocks;
}

function sectionBlocks(section: PlanSection, plan: PlanData): (Paragraph | Table)[] {
  const heading = section.id ? `${plan.template.labels.focusArea} ${section.id}: ${section.title}` : section.title;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: heading, pageBreakBefore: true, keepNext: true }),
    ...section.groups.flatMap((group) => groupBlocks(group, plan)),
  ];
}

function frontMatter(plan: PlanData): Paragraph[] {
  const { board, template } = plan;
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, text: board.title || 'Samverkansplan' }),
    new Paragraph({
      style: BODY_STYLE,
      spacing: { after: 240 },
      children: [new TextRun({ text: template.title, italics: true })],
    }),
    labelled('Planperiod', formatPlanPeriod(board.planPeriod)),
    ...(board.parties.length > 0 ? [labelled('Parter', board.parties.map((p) => p.name).join(', '))] : []),
    ...(template.vision
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Målbild' }),
          new Paragraph({ style: BODY_STYLE, text: template.vision }),
        ]
      : []),
  ];
}

export async function writeDocx(input: PlanData): Promise<Uint8Array> {
  const plan = xmlSafePlan(input);
  const document = new Document({
    creator: 'Samtavla',
    title: plan.board.title,
    description: `${plan.template.title}, ${formatPlanPeriod(plan.board.planPeriod)}`,
    styles: {
      default: { document: { run: { font: 'Calibri', size: 18 }, paragraph: { spacing: { before: 0, after: 0 } } } },
      paragraphStyles: [
        {
          id: BODY_STYLE,
          name: 'Brödtext',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 22 },
          paragraph: { spacing: { after: 120 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    size: 16,
                    children: [`${plan.board.title} · sida `, PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...frontMatter(plan), ...planSections(plan).flatMap((section) => sectionBlocks(section, plan))],
      },
    ],
  });
  // toArrayBuffer (not toBuffer) so the same code runs in the browser.
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
