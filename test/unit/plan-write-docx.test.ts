import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../../shared/card.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { writeDocx } from '../../shared/plan/write-docx.ts';
import { DOCX_STYLE_MAP, emptyBoard, HSVO, NOW, NSU, SEED_PLAN_HEADINGS, sampleBoard } from './plan-helpers.ts';

const STYLE_MAP = DOCX_STYLE_MAP;

let html: string;
let documentXml: string;
let stylesXml: string;
let messages: unknown[];

/** The cell texts of every table, as mammoth reads them: tables → rows → cells. */
function tables(source: string): string[][][] {
  return [...source.matchAll(/<table>(.*?)<\/table>/g)].map(([, table]) =>
    [...(table ?? '').matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
      [...(row ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map(([, cell]) =>
        (cell ?? '')
          .replace(/<\/p><p>|<br \/>/g, '\n')
          .replace(/<[^>]+>/g, '')
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      ),
    ),
  );
}

/** Heading texts, without the bookmarks the table of contents links to. */
const headings = (level: number) =>
  [...html.matchAll(new RegExp(`<h${level}>(.*?)</h${level}>`, 'g'))].map(([, text]) =>
    (text ?? '').replace(/<a id="[^"]*"><\/a>/g, ''),
  );

beforeAll(async () => {
  const bytes = await writeDocx(docToPlan(sampleBoard(), HSVO, { now: NOW }));
  const buffer = Buffer.from(bytes);
  const result = await mammoth.convertToHtml({ buffer }, STYLE_MAP);
  html = result.value;
  messages = result.messages;
  const zip = await JSZip.loadAsync(bytes);
  documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
});

describe('DOCX export', () => {
  it('reads cleanly: mammoth reports no problems', () => {
    expect(messages).toEqual([]);
  });

  it('declares its language and lists its chapters in a table of contents', () => {
    expect(documentXml).toContain('w:instrText');
    expect(documentXml).toContain('TOC \\h \\o &quot;1-2&quot;');
    // The table's own field is written clean, with its entries, so Word shows it as written. (Only the page
    // numbers inside the entries are left for Word to fill in: docx does not know them.)
    const tocBegin = /<w:fldChar w:fldCharType="begin"[^>]*\/>(?=(?:(?!<w:fldChar).)*?TOC \\h)/s.exec(documentXml)?.[0];
    expect(tocBegin).toBeDefined();
    expect(tocBegin).not.toContain('w:dirty="true"');
    // The entries are written with the document, each linking to its heading.
    expect(html).toMatch(/<a href="#_Toc\d+">Fokusområde A: Förebyggande och hälsofrämjande/);
    expect(stylesXml).toContain('<w:lang w:val="sv-SE"/>');
  });

  it('opens with the title, the strategy, the plan period, the parties and the vision', () => {
    expect(html).toMatch(/^<h1>Samverkansplan Heby 2025<\/h1>/);
    expect(html).toContain('<strong>Planperiod: </strong>2024–2026');
    expect(html).toContain('<strong>Parter: </strong>Region Uppsala, Enköpings kommun');
    expect(html).toContain('Strategi för samverkan inom hälsa, stöd, vård och omsorg i Uppsala län 2024–2026');
    expect(html).toContain('Målet är ett hälsofrämjande samhälle');
  });

  it('has a chapter per focus area and a section per goal with its direction', () => {
    expect(headings(1)).toEqual([
      'Samverkansplan Heby 2025',
      'Målbild',
      'Fokusområde A: Förebyggande och hälsofrämjande',
      'Fokusområde B: Nära vård',
      'Fokusområde C: Kompetensförsörjning',
      'Fokusområde D: Krishantering och beredskap',
      'Ej placerade aktiviteter',
    ]);
    expect(headings(2)).toHaveLength(6);
    expect(headings(2)[2]).toBe('B1 Vården är personcentrerad, samordnad och tillgänglig');
    expect(html).toContain('<strong>Inriktning: </strong>Regional och kommunal primärvård är navet');
  });

  it("puts each goal's cards in a table with the plan columns", () => {
    const all = tables(html);
    // A (area cards), A1, B1, D1, unplaced: the goals without cards get a note instead.
    expect(all).toHaveLength(5);
    for (const table of all) {
      expect(table[0]).toEqual(SEED_PLAN_HEADINGS);
    }
    expect(all[2]?.[1]).toEqual([
      'Samordnad individuell plan',
      'SIP i primärvården\nInföra gemensam rutin för SIP\nUtbilda personal "SIP-ambassadörer"; två per enhet',
      'Rutin framtagen (Ja/Nej)\nAntal utbildade ambassadörer\nAndel SIP inom 14 dagar (procent)',
      'Färre oplanerade återinläggningar\nmätt som andel inom 30 dagar',
      'Tjänsteledning HSVO',
      'Äldre\nPersoner med psykisk ohälsa',
      'Region Uppsala\nHeby kommun\nArbetsförmedlingen',
      '2025',
      'Överenskommen\n2024: Genomförd – Förstudie\n2025: Pågående – Rutinen är klar; utbildningen "pågår"',
    ]);
    expect(all[1]?.slice(1).map((row) => row[1])).toEqual([
      'Tie A <script>alert(1)</script> | pipe',
      'Tie B',
      '=HYPERLINK("http://example.invalid")',
    ]);
    expect(html.match(/Inga aktiviteter\./g)).toHaveLength(3);
  });

  it('is A4 landscape with a repeating table header row', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(documentXml).toContain('<w:tblHeader/>');
  });

  it('drops characters XML cannot hold', () => {
    expect(documentXml).toContain('Övning med kontrolltecken');
    expect(documentXml).not.toContain('\u0007');
  });

  it('handles a template without directions or vision text, and a board with no cards', async () => {
    const bytes = await writeDocx(docToPlan(emptyBoard('NSU 2019', NSU), NSU, { now: NOW }));
    const nsu = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, STYLE_MAP)).value.replace(
      /<a id="[^"]*"><\/a>/g,
      '',
    );
    expect(nsu).toMatch(
      /<h1>(<a id="[^"]*"><\/a>)?Fokusområde 1: Stärk grundläggande förutsättningar i närvården<\/h1>/,
    );
    expect(nsu).toContain('<h2>3.3 De mål som finns i handlingsplan');
    expect(nsu).not.toContain('Inriktning');
    expect(nsu.match(/Inga aktiviteter\./g)).toHaveLength(10);
  });

  it('merges repeated priority areas, and repeated responsibles within one, down the rows as the seed plans do', async () => {
    const doc = emptyBoard();
    const rows = [
      ['Tydlig arena', 'Första', 'Ledningsgrupp'],
      ['Tydlig arena', 'Andra', 'Ledningsgrupp'],
      ['Annan arena', 'Tredje', 'Ledningsgrupp'],
      ['', 'Fjärde', ''],
      ['', 'Femte', ''],
    ];
    rows.forEach(([priorityArea, activity, responsible], i) => {
      createCard(doc, {
        id: `m${i}`,
        goalId: 'C1',
        order: i,
        createdBy: '',
        fields: { priorityArea, activity, responsible },
      });
    });
    const bytes = await writeDocx(docToPlan(doc, HSVO, { now: NOW }));
    const merged = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, STYLE_MAP)).value;
    const body = merged.slice(merged.indexOf('<tbody>'), merged.indexOf('</tbody>'));
    const bodyRows = [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
      [...(row ?? '').matchAll(/<td( rowspan="\d+")?>(.*?)<\/td>/g)].map(
        ([, span, text]) => `${(text ?? '').replace(/<[^>]+>/g, '')}${span ? ` ×${span.replace(/\D/g, '')}` : ''}`,
      ),
    );
    // Row 1 holds the merged cells and row 2 lacks them; a new priority area starts a new
    // responsible cell even with the same text; empty cells never merge.
    // Columns found by heading: Effektmått came in before Ansvar, and the merge followed the field.
    const columns = SEED_PLAN_HEADINGS.length;
    const responsible = SEED_PLAN_HEADINGS.indexOf('Ansvar');
    expect(bodyRows.map((row) => row.length)).toEqual([columns, columns - 2, columns, columns, columns]);
    expect([bodyRows[0]?.[0], bodyRows[0]?.[responsible], bodyRows[1]?.[0]]).toEqual([
      'Tydlig arena ×2',
      'Ledningsgrupp ×2',
      'Andra',
    ]);
    expect([bodyRows[2]?.[0], bodyRows[2]?.[responsible]]).toEqual(['Annan arena', 'Ledningsgrupp']);
    expect([bodyRows[3]?.[0], bodyRows[4]?.[0]]).toEqual(['', '']);
  });
});
