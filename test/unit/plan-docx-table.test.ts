import {
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FIELDS } from '../../shared/fields/card-fields.ts';
import { escapeXml, PAGE, rowSpans, tableXml } from '../../shared/plan/docx-table.ts';
import { TABLE_HEADINGS } from '../../shared/plan/labels.ts';
import { type CardCells, cellLines, type DocumentFieldId } from '../../shared/plan/sections.ts';
import { TABLE_WIDTHS } from '../../shared/plan/xlsx-layout.ts';

type Overrides = { title?: string; status?: string[] } & Partial<Record<DocumentFieldId, string | string[]>>;

/** A card's cells from field values: a string is the field's text, split into lines as the export does. */
const card = ({ title, status, ...fields }: Overrides): CardCells => ({
  title: title ?? '',
  status: status ?? ['Utkast'],
  fields: Object.fromEntries(
    DOCUMENT_FIELDS.map((f) => {
      const value = fields[f.id] ?? [];
      return [f.id, typeof value === 'string' ? (value ? value.split(/\r?\n/) : []) : value];
    }),
  ) as CardCells['fields'],
});
/** Columns are found by field id: the oracle must not know their positions either. */
const column = (id: DocumentFieldId) => DOCUMENT_FIELDS.findIndex((f) => f.id === id);
const text = (cells: CardCells, id: DocumentFieldId) => cells.fields[id].join('\n');

const count = (xml: string, part: string) => xml.split(part).length - 1;

/*
 * The oracle: the same table built from docx objects, as the export did before
 * it wrote tables as strings. If a docx upgrade changes what Word gets for
 * these objects, this test says so, and docx-table.ts follows.
 */
function docxTable(cards: CardCells[]): Table {
  const paragraph = (lines: string[], bold = false) =>
    new Paragraph({
      children: lines.map((text, i) => new TextRun(bold || i > 0 ? { text, bold, break: i > 0 ? 1 : 0 } : text)),
    });
  const cell = (children: Paragraph[], fill?: string, rowSpan = 1) =>
    new TableCell({
      children,
      ...(rowSpan > 1 ? { rowSpan } : {}),
      ...(fill ? { shading: { fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
    });
  const header = new TableRow({
    tableHeader: true,
    children: TABLE_HEADINGS.map((heading) =>
      cell([new Paragraph({ children: [new TextRun({ text: heading, bold: true, color: 'FFFFFF' })] })], '1F4E79'),
    ),
  });
  const area = (c: CardCells) => text(c, 'priorityArea');
  const spans = new Map([
    [column('priorityArea'), rowSpans(cards.map(area))],
    [
      column('responsible'),
      rowSpans(cards.map((c) => (text(c, 'responsible') ? `${area(c)}\u0000${text(c, 'responsible')}` : ''))),
    ],
  ]);
  const rows = cards.map((cells, row) => {
    const columns = cellLines(cells).map((lines, i) => {
      if (i === column('activity') && cells.title) {
        const activity = cells.fields.activity;
        return cell([paragraph([cells.title], true), ...(activity.length ? [paragraph(activity)] : [])]);
      }
      const span = spans.get(i)?.[row] ?? 1;
      return span === 0 ? null : cell([paragraph(lines)], undefined, span);
    });
    return new TableRow({ children: columns.filter((c): c is TableCell => c !== null), cantSplit: true });
  });
  const textWidth = PAGE.height - 2 * PAGE.margin;
  const total = TABLE_WIDTHS.reduce((a, b) => a + b, 0);
  return new Table({
    rows: [header, ...rows],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: TABLE_WIDTHS.map((w) => Math.floor((w / total) * textWidth)),
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

async function docxTableXml(cards: CardCells[]): Promise<string> {
  const bytes = await Packer.toArrayBuffer(new Document({ sections: [{ children: [docxTable(cards)] }] }));
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  return /<w:tbl>.*<\/w:tbl>/s.exec(xml)?.[0] ?? 'no table in the document';
}

describe('Word plan table XML', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`a <b> & "c" 'd'\u0007\tz`)).toBe('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;\tz');
  });

  it('spans repeated keys down the rows, never empty ones', () => {
    expect(rowSpans(['a', 'a', 'b', '', '', 'b'])).toEqual([2, 0, 1, 1, 1, 1]);
    expect(rowSpans([])).toEqual([]);
  });

  it('writes a repeating header row, a row a card, merged cells and the title in bold', () => {
    const xml = tableXml([
      card({ priorityArea: 'Arena', title: 'Kort <1>', activity: 'Rad 1\nRad 2', responsible: 'Grupp' }),
      card({ priorityArea: 'Arena', responsible: 'Grupp', indicator: ['Ja/Nej', 'Antal'] }),
    ]);
    expect(xml.startsWith('<w:tbl>')).toBe(true);
    expect(xml.endsWith('</w:tbl>')).toBe(true);
    expect(count(xml, '<w:tr>')).toBe(3);
    expect(count(xml, '<w:tblHeader/>')).toBe(1);
    expect(count(xml, '<w:cantSplit/>')).toBe(2);
    // Every row has a cell a column; the covered ones are empty continuations.
    expect(count(xml, '<w:tc>')).toBe(3 * TABLE_HEADINGS.length);
    expect(count(xml, '<w:vMerge w:val="restart"/>')).toBe(2);
    expect(count(xml, '<w:vMerge w:val="continue"/></w:tcPr><w:p/>')).toBe(2);
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Kort &lt;1&gt;</w:t></w:r>');
    expect(xml).toContain('<w:br/><w:t xml:space="preserve">Rad 2</w:t>');
    expect(xml).toContain('<w:br/><w:t xml:space="preserve">Antal</w:t>');
  });

  it('writes byte for byte the table docx writes for the same cells', async () => {
    const cards = [
      card({ priorityArea: 'Arena', title: 'Kort <1> & "citat"', activity: 'Rad 1\nRad 2', responsible: 'Grupp' }),
      card({ priorityArea: 'Arena', responsible: 'Grupp', indicator: ['Ja/Nej', 'Antal'], period: '2025' }),
      card({
        priorityArea: 'Arena',
        responsible: 'Annan',
        targetGroup: ['Äldre', 'Barn och unga'],
        effectMeasure: 'Färre fall\nmätt i journalen',
      }),
      card({ title: 'Utan aktivitet', parties: ['Region Uppsala', 'Heby kommun'], status: ['Överenskommen'] }),
      card({ priorityArea: '', activity: ' inledande blanksteg', responsible: '' }),
      card({
        priorityArea: "Barn's hälsa",
        title: 'Tab\there',
        activity: 'Rad A\r\nRad B\u0007',
        responsible: 'X & Y',
      }),
    ];
    expect(tableXml(cards)).toBe(await docxTableXml(cards));
  });
});
