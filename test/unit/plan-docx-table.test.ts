import { describe, expect, it } from 'vitest';
import { escapeXml, rowSpans, tableXml } from '../../shared/plan/docx-table.ts';
import type { CardCells } from '../../shared/plan/sections.ts';

const card = (overrides: Partial<CardCells>): CardCells => ({
  priorityArea: '',
  title: '',
  activity: '',
  indicators: [],
  responsible: '',
  targetGroups: [],
  parties: [],
  period: '',
  status: ['Utkast'],
  ...overrides,
});

const count = (xml: string, part: string) => xml.split(part).length - 1;

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
      card({ priorityArea: 'Arena', responsible: 'Grupp', indicators: ['Ja/Nej', 'Antal'] }),
    ]);
    expect(xml.startsWith('<w:tbl>')).toBe(true);
    expect(xml.endsWith('</w:tbl>')).toBe(true);
    expect(count(xml, '<w:tr>')).toBe(3);
    expect(count(xml, '<w:tblHeader/>')).toBe(1);
    expect(count(xml, '<w:cantSplit/>')).toBe(2);
    // Every row has its eight cells; the covered ones are empty continuations.
    expect(count(xml, '<w:tc>')).toBe(24);
    expect(count(xml, '<w:vMerge w:val="restart"/>')).toBe(2);
    expect(count(xml, '<w:vMerge w:val="continue"/></w:tcPr><w:p/>')).toBe(2);
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Kort &lt;1&gt;</w:t></w:r>');
    expect(xml).toContain('<w:br/><w:t xml:space="preserve">Rad 2</w:t>');
    expect(xml).toContain('<w:br/><w:t xml:space="preserve">Antal</w:t>');
  });
});
