/**
 * What every Word document of the follow-up shares (the report and the
 * regional roll-up): the A4 portrait page and default style, a chart as an
 * image paragraph with its text alternative, and the tables, laid out by docx
 * as slot paragraphs and swapped for WordprocessingML strings at the end
 * (docx-report-table.ts says why).
 */
import { AlignmentType, Document, ImageRun, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { PAGE } from '../plan/docx-table.ts';
import type { ReportLang } from './labels.ts';

export interface ChartPng {
  png: Uint8Array;
  /** The chart's size in pixels; the document shows it at this size, scaled to fit the text width. */
  width: number;
  height: number;
  title: string;
  description: string;
}

export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin; // portrait
const TEXT_PIXELS = Math.floor((TEXT_WIDTH / 1440) * 96);
export const BODY = { size: 22 };
const SLOT = 'samtavla-report-table-slot';
const SLOT_XML = `<w:p><w:r><w:t xml:space="preserve">${SLOT}</w:t></w:r></w:p>`;

/** The chart as a paragraph holding its PNG, scaled down to the text width. */
export function chartParagraph(chart: ChartPng): Paragraph {
  const scale = Math.min(1, TEXT_PIXELS / chart.width);
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
        altText: { name: chart.title, title: chart.title, description: chart.description },
      }),
    ],
  });
}

/** Tables kept as XML strings: `slot` stands in for one in the document, `write` packs the document with them. */
export function tableSlots() {
  const tables: string[] = [];
  return {
    slot(xml: string): Paragraph[] {
      tables.push(xml);
      return [new Paragraph({ text: SLOT }), new Paragraph({ text: '' })];
    },
    async write(children: Paragraph[], title: string, lang: ReportLang): Promise<Uint8Array> {
      const document = new Document({
        creator: 'Samtavla',
        title,
        styles: {
          default: {
            document: {
              run: { font: 'Calibri', size: 18, language: { value: lang === 'en' ? 'en-GB' : 'sv-SE' } },
              paragraph: { spacing: { before: 0, after: 0 } },
            },
          },
        },
        sections: [
          {
            properties: {
              page: {
                size: { width: PAGE.width, height: PAGE.height },
                margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
              },
            },
            children,
          },
        ],
      });
      // As in the plan export: docx lays out the document with a slot paragraph a table, the tables replace the slots.
      const skeleton = await Packer.toArrayBuffer(document);
      const xml = (await (await JSZip.loadAsync(skeleton)).file('word/document.xml')?.async('string')) ?? '';
      const parts = xml.split(SLOT_XML);
      if (parts.length !== tables.length + 1)
        throw new Error(`report DOCX: ${tables.length} tables, ${parts.length - 1} slots`);
      const data = parts.map((part, i) => (i === 0 ? part : `${tables[i - 1]}${part}`)).join('');
      return new Uint8Array(await Packer.toArrayBuffer(document, false, [{ path: 'word/document.xml', data }]));
    },
  };
}
