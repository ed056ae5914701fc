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
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { DECISION_LOG_WIDTHS, decisionLogRows } from './decision-log.ts';
import { PAGE, tableXml } from './docx-table.ts';
import { type PlanLang, type PlanWords, planWords } from './labels.ts';
import { formatPlanPeriod } from './period.ts';
import type { PlanData } from './schema.ts';
import { numbered, type PlanGroup, type PlanSection, planSections } from './sections.ts';
import { xmlSafePlan } from './xml-safe.ts';

/*
 * Normal text is the 9 pt table text, so the 40,000 cell paragraphs of a big
 * board carry no style of their own; the few body paragraphs use BODY_STYLE.
 */
const BODY_STYLE = 'Brodtext';

/*
 * Each goal's table is written as XML by docx-table.ts, not as docx objects,
 * which took most of the export's time. docx lays out the rest of the document
 * with one slot paragraph a table, and the tables replace the slots.
 */
const TABLE_SLOT = 'samtavla-table-slot';
const SLOT_XML = `<w:p><w:r><w:t xml:space="preserve">${TABLE_SLOT}</w:t></w:r></w:p>`;

function labelled(label: string, text: string, keepNext = false): Paragraph {
  return new Paragraph({
    style: BODY_STYLE,
    spacing: { after: 120 },
    keepNext,
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)],
  });
}

function groupBlocks(group: PlanGroup, plan: PlanData, tables: string[], lang: PlanLang): Paragraph[] {
  const words = planWords(lang);
  const blocks: Paragraph[] = [];
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
  if (group.direction) blocks.push(labelled(plan.template.labels.direction ?? words.direction, group.direction, true));
  if (group.cards.length > 0) {
    tables.push(tableXml(group.cards, lang));
    blocks.push(new Paragraph({ text: TABLE_SLOT }), new Paragraph({ style: BODY_STYLE, text: '' }));
  } else if (group.id !== null) {
    blocks.push(new Paragraph({ style: BODY_STYLE, children: [new TextRun({ text: words.noCards, italics: true })] }));
  }
  return [...blocks, ...noteBlocks(group.notes, words.notes)];
}

/** The notes left on a goal, as a bulleted list under its table; a note's lines stay lines of its item. */
function noteBlocks(notes: string[], heading: string): Paragraph[] {
  if (notes.length === 0) return [];
  return [
    new Paragraph({ style: BODY_STYLE, keepNext: true, children: [new TextRun({ text: heading, bold: true })] }),
    ...notes.map(
      (note) =>
        new Paragraph({
          style: BODY_STYLE,
          bullet: { level: 0 },
          children: note.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
        }),
    ),
  ];
}

function sectionBlocks(section: PlanSection, plan: PlanData, tables: string[], lang: PlanLang): Paragraph[] {
  const heading = section.code ? `${plan.template.labels.focusArea} ${section.code}: ${section.title}` : section.title;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: heading, pageBreakBefore: true, keepNext: true }),
    ...section.groups.flatMap((group) => groupBlocks(group, plan, tables, lang)),
  ];
}

function frontMatter(plan: PlanData, lang: PlanLang): (Paragraph | TableOfContents)[] {
  const { board, template } = plan;
  const words = planWords(lang);
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, text: board.title || words.untitled }),
    new Paragraph({
      style: BODY_STYLE,
      spacing: { after: 240 },
      children: [new TextRun({ text: template.title, italics: true })],
    }),
    labelled(words.planPeriod, formatPlanPeriod(board.planPeriod, lang)),
    ...(board.parties.length > 0 ? [labelled(words.parties, board.parties.map((p) => p.name).join(', '))] : []),
    new Paragraph({
      style: BODY_STYLE,
      spacing: { before: 240 },
      children: [new TextRun({ text: words.contents, bold: true })],
    }),
    // Filled in from the headings as written, so it reads right before Word updates its page numbers;
    // written clean (not dirty), so Word does not ask to update fields every time the plan is opened.
    new TableOfContents(words.contents, { hyperlink: true, headingStyleRange: '1-2', beginDirty: false }),
    ...(template.vision
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: words.vision }),
          new Paragraph({ style: BODY_STYLE, text: template.vision }),
        ]
      : []),
  ];
}

/** The decision log after the plan: a heading and a table of who decided what, when (none without decisions). */
function decisionLogBlocks(plan: PlanData, words: PlanWords): (Paragraph | Table)[] {
  const rows = decisionLogRows(plan, words);
  if (rows.length === 0) return [];
  const total = DECISION_LOG_WIDTHS.reduce((a, b) => a + b, 0);
  const cell = (text: string, column: number, bold = false) =>
    new TableCell({
      width: {
        size: Math.round((DECISION_LOG_WIDTHS[column] ?? 10) * (10_000 / total)) / 100,
        type: WidthType.PERCENTAGE,
      },
      children: text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
    });
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      text: words.decisionLog,
      pageBreakBefore: true,
      keepNext: true,
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: words.decisionLogHeadings.map((heading, i) => cell(heading, i, true)),
        }),
        ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i)) })),
      ],
    }),
  ];
}

/** The BCP 47 tag of the plan's language, when no export language is asked for: its template's locale (Swedish unless English). */
const documentLanguage = (locale: string) => (locale === 'en' ? 'en-GB' : 'sv-SE');

/** The document's XML with each table slot replaced by its table. */
async function fillSlots(skeleton: ArrayBuffer, tables: string[]): Promise<string> {
  const xml = await (await JSZip.loadAsync(skeleton)).file('word/document.xml')?.async('string');
  const parts = xml?.split(SLOT_XML) ?? [];
  if (parts.length !== tables.length + 1)
    throw new Error(`DOCX export: ${tables.length} tables, ${parts.length - 1} slots`);
  return parts.map((part, i) => (i === 0 ? part : `${tables[i - 1]}${part}`)).join('');
}

/** `lang`: the export's language (headings, labels, statuses); Swedish words when absent. */
export async function writeDocx(input: PlanData, lang?: PlanLang): Promise<Uint8Array> {
  const plan = xmlSafePlan(input);
  const words = planWords(lang);
  const tables: string[] = [];
  const document = new Document({
    creator: 'Samtavla',
    title: plan.board.title,
    description: `${plan.template.title}, ${formatPlanPeriod(plan.board.planPeriod, lang)}`,
    styles: {
      default: {
        document: {
          // The language is declared, so Word checks spelling and hyphenates in it and screen readers speak it.
          run: {
            font: 'Calibri',
            size: 18,
            language: { value: lang ? words.locale : documentLanguage(plan.board.locale) },
          },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      paragraphStyles: [
        // Word's own names for the contents levels, so Word and other readers know them.
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', run: { size: 22 }, paragraph: { spacing: { after: 60 } } },
        {
          id: 'TOC2',
          name: 'toc 2',
          basedOn: 'Normal',
          run: { size: 20 },
          paragraph: { spacing: { after: 40 }, indent: { left: 360 } },
        },
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
                    children: [
                      `${plan.board.title} · ${words.page} `,
                      PageNumber.CURRENT,
                      ` ${words.of} `,
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...frontMatter(plan, lang ?? 'sv'),
          ...planSections(plan, words).flatMap((section) => sectionBlocks(section, plan, tables, lang ?? 'sv')),
          ...decisionLogBlocks(plan, words),
        ],
      },
    ],
  });
  // toArrayBuffer (not toBuffer) so the same code runs in the browser. The first pass is
  // small, as it has no tables; the second zips the same parts with the filled-in document.
  const data = await fillSlots(await Packer.toArrayBuffer(document), tables);
  return new Uint8Array(await Packer.toArrayBuffer(document, false, [{ path: 'word/document.xml', data }]));
}
