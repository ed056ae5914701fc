/**
 * The tables of the Word report as WordprocessingML strings, in the plan
 * export's table style (shared/plan/docx-table.ts: borders, a dark header row
 * that repeats on every page, fixed layout). Written as strings for the same
 * reason: a 2,000-card report has 12,000 cells, too many for docx objects.
 */
import { escapeXml } from '../plan/docx-table.ts';

const HEADER_FILL = '1F4E79';
const t = (text: string) => `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
const LINE_BREAK = '<w:br/>';

function paragraph(lines: readonly string[], bold = false): string {
  const props = bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  if (lines.length === 0) return '<w:p/>';
  return `<w:p><w:r>${props}${lines.map((line, i) => (i > 0 ? LINE_BREAK : '') + t(line)).join('')}</w:r></w:p>`;
}

const cell = (width: number, content: string, properties = '') =>
  `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${properties}</w:tcPr>${content}</w:tc>`;

/**
 * A table filling `totalWidth` twips, columns in proportion to `weights`; cells are lists of lines.
 * Headings are a point smaller than the cells, so status names fit their narrow columns whole.
 */
export function reportTableXml(
  headings: readonly string[],
  rows: readonly (readonly string[])[][],
  weights: readonly number[],
  totalWidth: number,
  boldFirstColumn = false,
): string {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * totalWidth));
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`)
    .join('');
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${totalWidth}"/><w:tblBorders>${borders}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/>' +
    '<w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    '<w:tr><w:trPr><w:tblHeader/></w:trPr>' +
    headings
      .map((heading, i) =>
        cell(
          widths[i] ?? 0,
          `<w:p><w:r><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>${t(heading)}</w:r></w:p>`,
          `<w:shd w:fill="${HEADER_FILL}" w:color="auto" w:val="clear"/>`,
        ),
      )
      .join('') +
    '</w:tr>';
  for (const row of rows) {
    xml += '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    row.forEach((lines, i) => {
      xml += cell(widths[i] ?? 0, paragraph(lines, boldFirstColumn && i === 0));
    });
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}
