import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { docToPlan, writePlan } from '../../shared/plan/index.ts';
import { writeCsv } from '../../shared/plan/write-csv.ts';
import { HSVO, NOW, sampleBoard } from './plan-helpers.ts';

const plan = () => docToPlan(sampleBoard(), HSVO, { now: NOW });

function parse(csv: string, delimiter: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, delimiter });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('CSV export', () => {
  it('starts with a BOM and separates with ";" so Swedish Excel opens it as UTF-8 columns', () => {
    const csv = writeCsv(plan());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n')).split(';').slice(0, 5)).toEqual([
      'Fokusområde-id',
      'Fokusområde',
      'Delmål-id',
      'Delmål',
      'Kort-id',
    ]);
  });

  it('has one row per card with its area, goal and every field', () => {
    const rows = parse(writeCsv(plan()), ';');
    expect(rows.map((r) => r['Kort-id'])).toEqual([
      'c-area-a',
      'c-a1-tie-a',
      'c-a1-tie-b',
      'c-a1-late',
      'c-b1',
      'c-d1',
      'c-unplaced',
      'c-unknown',
    ]);
    const sip = rows.find((r) => r['Kort-id'] === 'c-b1');
    expect(sip).toMatchObject({
      'Fokusområde-id': 'B',
      Fokusområde: 'Nära vård',
      'Delmål-id': 'B1',
      Rubrik: 'SIP i primärvården',
      Aktivitet: 'Införa gemensam rutin för SIP\nUtbilda personal "SIP-ambassadörer"; två per enhet',
      'Indikatorer för uppföljning':
        'Rutin framtagen (Ja/Nej)\nAntal utbildade ambassadörer\nAndel SIP inom 14 dagar (procent)',
      Indikatortyp: 'Ja/Nej\nAntal\nProcent',
      Målgrupp: 'Äldre\nPersoner med psykisk ohälsa',
      Parter: 'Region Uppsala\nHeby kommun\nArbetsförmedlingen',
      Tidsram: '2025',
      'Tidsram från': '2025-01-01',
      'Tidsram till': '2025-12-31',
      Status: 'Överenskommen',
      Röster: '3',
      Författare: 'Anna\nCecilia',
      Skapad: '2025-01-20T09:00:00.000Z',
      'Uppföljning 2024: status': 'Genomförd',
      'Uppföljning 2025: status': 'Pågående',
      'Uppföljning 2025: kommentar': 'Rutinen är klar; utbildningen "pågår"',
      'Uppföljning 2025: effekt': 'Färre dubbla besök',
      'Uppföljning 2025: uppdaterad av': 'Cecilia',
    });
    expect(rows.find((r) => r['Kort-id'] === 'c-unknown')).toMatchObject({ 'Fokusområde-id': '', 'Delmål-id': '' });
  });

  it('quotes cells holding separators, quotes and newlines, doubling inner quotes', () => {
    const csv = writeCsv(plan());
    expect(csv).toContain('"Införa gemensam rutin för SIP\nUtbilda personal ""SIP-ambassadörer""; två per enhet"');
    expect(csv).toContain('"Rutinen är klar; utbildningen ""pågår"""');
  });

  it('separates with "," on request, still quoting correctly', () => {
    const csv = writeCsv(plan(), { delimiter: ',' });
    const rows = parse(csv, ',');
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r['Kort-id'] === 'c-b1')?.Parter).toBe('Region Uppsala\nHeby kommun\nArbetsförmedlingen');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const rows = parse(writeCsv(plan()), ';');
    const late = rows.find((r) => r['Kort-id'] === 'c-a1-late');
    expect(late?.Aktivitet).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(late?.['Indikatorer för uppföljning']).toBe("'- punktlista som text");
  });

  it('is served as UTF-8 CSV', async () => {
    const result = await writePlan(plan(), 'csv', { csv: { delimiter: ',' } });
    expect(result.contentType).toBe('text/csv; charset=utf-8');
    expect(result.fileName).toBe('samverkansplan-heby-2025-2025-03-01.csv');
    expect(String(result.body).slice(1, 16)).toBe('Fokusområde-id,');
  });
});
