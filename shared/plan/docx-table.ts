/**
 * The plan tables of the Word export, written straight as WordprocessingML.
 *
 * A 5,000-card board makes some 40,000 table cells. Built as docx Table/
 * TableRow/TableCell/Paragraph/TextRun objects they took over 3 s: docx makes
 * an object tree per run, turns it into a second tree to serialize, and the
 * garbage collector then clears both. Writing the same elements as strings
 * takes a tenth of that. The XML is what docx wrote for those objects (borders,
 * fixed layout, cell widths, merged cells, repeated header row), so Word shows
 * the same table; write-docx.ts puts each table where docx left its slot.
 */
import { DOCUMENT_FIELDS } from '../fields/card-fields.ts';
import { type PlanLang, planWords } from './labels.ts';
import { type CardCells, cellLines, type DocumentFieldId, TITLE_COLUMN } from './sections.ts';
import { TABLE_WIDTHS } from './xlsx-layout.ts';

export const PAGE = { width: 11906, height: 16838, margin: 1134 }; // A4 in twips, 2 cm margins
const TEXT_WIDTH = PAGE.height - 2 * PAGE.margin; // landscape: the long side is the width
const TOTAL = TABLE_WIDTHS.reduce((a, b) => a + b, 0);
/** The grid columns, as proportions of the text width. */
const COLUMN_TWIPS = TABLE_WIDTHS.map((w) => Math.floor((w / TOTAL) * TEXT_WIDTH));
// Each cell also states its width, scaled up so the columns fill the table exactly, as docx did:
// Word sizes a cell without a width to its content, whatever the grid says.
const SCALE = TEXT_WIDTH / COLUMN_TWIPS.reduce((a, b) => a + b, 0);
const CELL_TWIPS = COLUMN_TWIPS.map((w) => Math.round(w * SCALE));
const HEADER_FILL = '1F4E79';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 cannot hold are dropped, as docx did.
const SPECIAL = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Text as XML character data: markup characters escaped, characters XML cannot hold dropped. */
export const escapeXml = (text: string): string => text.replace(SPECIAL, (char) => ESCAPES[char] ?? '');

const t = (text: string) => `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
const BOLD = '<w:rPr><w:b/><w:bCs/></w:rPr>';
// Runs after a line break say "not bold" outright, as docx wrote them.
const LINE_BREAK = '<w:rPr><w:b w:val="false"/><w:bCs w:val="false"/></w:rPr><w:br/>';

/** One paragraph, its lines split by line breaks rather than paragraphs of their own, with no run properties. */
function paragraph(lines: string[]): string {
  if (lines.length === 0) return '<w:p/>';
  let xml = `<w:p><w:r>${t(lines[0] ?? '')}</w:r>`;
  for (let i = 1; i < lines.length; i++) xml += `<w:r>${LINE_BREAK}${t(lines[i] ?? '')}</w:r>`;
  return `${xml}</w:p>`;
}

const cell = (column: number, content: string, properties = '') =>
  `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${CELL_TWIPS[column]}"/>${properties}</w:tcPr>${content}</w:tc>`;
const MERGE_START = '<w:vMerge w:val="restart"/>';
// A cell covered by the merged cell above still has to be there, empty, saying so.
const MERGED = '<w:vMerge w:val="continue"/>';

const tableStart = (headings: readonly string[]) =>
  '<w:tbl><w:tblPr>' +
  `<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>` +
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`)
    .join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/>' +
  '<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/>' +
  '<w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar>' +
  `</w:tblPr><w:tblGrid>${COLUMN_TWIPS.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
  // The header row repeats at the top of every page the table runs onto.
  '<w:tr><w:trPr><w:tblHeader/></w:trPr>' +
  headings
    .map((heading, column) =>
      cell(
        column,
        `<w:p><w:r><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>${t(heading)}</w:r></w:p>`,
        `<w:shd w:fill="${HEADER_FILL}" w:color="auto" w:val="clear"/>`,
      ),
    )
    .join('') +
  '</w:tr>';

/**
 * Columns whose repeated values merge into one cell down the rows, as in the
 * seed plans: the fields the registry marks `merge` (the priority area, and the
 * responsible within one priority area), found by field id, not by position.
 * An empty cell merges with nothing.
 */
const fieldText = (cells: CardCells, id: DocumentFieldId) => cells.fields[id].join('\n');
const mergeKeys = new Map<number, (cells: CardCells) => string>();
DOCUMENT_FIELDS.forEach((field, column) => {
  const merge: { within?: DocumentFieldId } | undefined = 'merge' in field.document ? field.document.merge : undefined;
  if (!merge) return;
  const within = merge.within;
  mergeKeys.set(column, (cells) => {
    const own = fieldText(cells, field.id);
    return own && within ? `${fieldText(cells, within)}\u0000${own}` : own;
  });
});

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

function cardRow(cells: CardCells, spanOf: (column: number) => number): string {
  let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
  cellLines(cells).forEach((lines, column) => {
    const span = spanOf(column);
    if (column === TITLE_COLUMN && cells.title) {
      // The card's short title in bold above its activity text.
      const title = `<w:p><w:r>${BOLD}${t(cells.title)}</w:r></w:p>`;
      xml += cell(column, lines.length > 1 ? title + paragraph(lines.slice(1)) : title);
    } else if (span === 0) xml += cell(column, '<w:p/>', MERGED);
    else xml += cell(column, paragraph(lines), span > 1 ? MERGE_START : '');
  });
  return `${xml}</w:tr>`;
}

/** The start of every table, its header row in each export language. */
const TABLE_START: Record<PlanLang, string> = {
  sv: tableStart(planWords('sv').tableHeadings),
  en: tableStart(planWords('en').tableHeadings),
};

/** The `<w:tbl>` of one goal's cards: the header row, then a row a card. */
export function tableXml(cards: CardCells[], lang: PlanLang = 'sv'): string {
  const spans = new Map([...mergeKeys].map(([column, key]) => [column, rowSpans(cards.map(key))]));
  const rows = cards.map((cells, row) => cardRow(cells, (column) => spans.get(column)?.[row] ?? 1));
  return `${TABLE_START[lang]}${rows.join('')}</w:tbl>`;
}
