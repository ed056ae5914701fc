import { describe, expect, it } from 'vitest';
import { createCard } from '../../shared/card.ts';
import { docToPlan, writePlan } from '../../shared/plan/index.ts';
import { TABLE_HEADINGS } from '../../shared/plan/labels.ts';
import { mdText, writeMarkdown } from '../../shared/plan/write-md.ts';
import { emptyBoard, HSVO, NOW, sampleBoard } from './plan-helpers.ts';

const md = () => writeMarkdown(docToPlan(sampleBoard(), HSVO, { now: NOW }));

/** Undoes CommonMark backslash escapes and the entities mdText writes, as a renderer would. */
const rendered = (text: string) =>
  text
    .replace(/\\([\\`*_{}[\]<>|#!~.+-])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');

/** A GFM table row's cells, split on pipes that are not escaped. */
const cells = (row: string) =>
  row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.split('<br>').map(rendered));

describe('Markdown export', () => {
  it('has the document outline of the Word export', () => {
    const headings = md()
      .split('\n')
      .filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Samverkansplan Heby 2025',
      '## Målbild',
      '## Fokusområde A: Förebyggande och hälsofrämjande',
      '### A1 Hälsosystemet stödjer och möjliggör hälsosamma val och en jämlik hälsa',
      '### A2 Socialt hållbara insatser stärker arbetet med att förebygga psykisk ohälsa och suicid',
      '## Fokusområde B: Nära vård',
      '### B1 Vården är personcentrerad, samordnad och tillgänglig',
      '### B2 Effektiva processer och flöden skapar värde för individen',
      '## Fokusområde C: Kompetensförsörjning',
      '### C1 Kompetensförsörjningen präglas av väl fungerande samverkan mellan huvudmännen samt med lärosäten och andra utbildningsaktörer',
      '## Fokusområde D: Krishantering och beredskap',
      '### D1 Samverkan har tydliggjorts och utvecklats för att hantera kris- och beredskapsfrågor i planering och styrning',
      '## Ej placerade aktiviteter',
    ]);
    expect(md()).toContain('**Planperiod:** 2024–2026');
  });

  it('writes each card as a table row with multi-line cells joined by <br>', () => {
    const row = md()
      .split('\n')
      .find((line) => line.includes('SIP i primärvården'));
    expect(cells(row ?? '')).toEqual([
      ['Samordnad individuell plan'],
      ['**SIP i primärvården**', 'Införa gemensam rutin för SIP', 'Utbilda personal "SIP-ambassadörer"; två per enhet'],
      ['Rutin framtagen (Ja/Nej)', 'Antal utbildade ambassadörer', 'Andel SIP inom 14 dagar (procent)'],
      ['Färre oplanerade återinläggningar', 'mätt som andel inom 30 dagar'],
      ['Tjänsteledning HSVO'],
      ['Äldre', 'Personer med psykisk ohälsa'],
      ['Region Uppsala', 'Heby kommun', 'Arbetsförmedlingen'],
      ['2025'],
      ['Överenskommen', '2024: Genomförd – Förstudie', '2025: Pågående – Rutinen är klar; utbildningen "pågår"'],
    ]);
  });

  it('escapes board text so it cannot inject HTML, break the table or start markup', () => {
    const out = md();
    expect(out).not.toContain('<script>');
    const row = out.split('\n').find((line) => line.includes('Tie A'));
    expect(cells(row ?? '')).toHaveLength(TABLE_HEADINGS.length);
    expect(cells(row ?? '')[1]).toEqual(['Tie A <script>alert(1)</script> | pipe']);
    expect(mdText('*fet* _kursiv_ [länk](x) `kod` #1 & co')).toBe(
      '\\*fet\\* \\_kursiv\\_ \\[länk\\](x) \\`kod\\` \\#1 &amp; co',
    );
  });

  it('keeps line breaks and control characters in a title or card title from ending the heading or table row', () => {
    const doc = emptyBoard('Plan\n# Injected heading\r\n<b>x</b>\u2028- item\u0085end');
    createCard(doc, {
      id: 'c-1',
      goalId: 'A1',
      createdBy: 'Anna',
      createdAt: '2025-01-20T09:00:00.000Z',
      fields: { title: 'Kort\n| a | b |\r## rubrik', activity: 'Rad ett' },
      parties: ['Part\n# ett'],
    });
    const out = writeMarkdown(docToPlan(doc, HSVO, { now: NOW }));
    const lines = out.split('\n');
    expect(lines[0]).toBe('# Plan \\# Injected heading  &lt;b\\>x&lt;/b\\> - item end');
    expect(lines.filter((line) => line.startsWith('# '))).toHaveLength(1);
    expect(lines.some((line) => /^#+ (Injected|rubrik)/.test(line))).toBe(false);
    const row = lines.find((line) => line.includes('Kort'));
    expect(cells(row ?? '')[1]).toEqual(['**Kort | a | b | ## rubrik**', 'Rad ett']);
    expect(cells(row ?? '')[TABLE_HEADINGS.indexOf('Parter')]).toEqual(['Part # ett']);
  });

  it('is served as UTF-8 Markdown', async () => {
    const result = await writePlan(docToPlan(sampleBoard(), HSVO, { now: NOW }), 'md');
    expect(result.contentType).toBe('text/markdown; charset=utf-8');
    expect(result.fileName).toBe('samverkansplan-heby-2025-2025-03-01.md');
  });
});
