/** Import on the file's own focus areas and goals, when no template fits the file. */
import { describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import type { Template } from '../../shared/template.ts';
import { bearer, rememberBoard, serverPerTest, withToken } from '../helpers/server.ts';
import { createOwnBoard, ownTemplate } from '../helpers/templates.ts';

const ctx = serverPerTest();
const AREAS = ['Trygg uppväxt', 'Psykisk hälsa', 'Äldres hälsa', 'Digital vård', 'Jämlik hälsa'];
type Imported = CreatedBoard & { cardCount: number; notices: string[]; error?: string };

async function importFile(body: string, query: string): Promise<{ status: number; json: Imported }> {
  const type = query.includes('format=json') ? 'application/json' : 'text/csv';
  const response = await fetch(`${ctx.server.url}/api/boards/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
  const json = (await response.json()) as Imported;
  if (response.status === 201) rememberBoard(json);
  return { status: response.status, json };
}

const boardTemplate = async (boardId: string) =>
  (await (
    await fetch(`${ctx.server.url}/api/boards/${boardId}/template`, { headers: bearer(boardId, 'viewer') })
  ).json()) as Template;
const exported = async (boardId: string) =>
  (await (
    await fetch(withToken(`${ctx.server.url}/api/boards/${boardId}/export?format=json`, boardId, 'viewer'))
  ).json()) as PlanData;

/** A hand-made list: five areas, goals named in a "Mål" column (two areas without goals), no ids. */
const handMadeCsv = [
  'Fokusområde;Mål;Aktivitet;Ansvar',
  'Trygg uppväxt;Fler barn i förskolan;Uppsökande verksamhet;Förskolan',
  'Trygg uppväxt;Färre barn i utanförskap;Läxhjälp på biblioteket;Kultur',
  'Psykisk hälsa;;Samtalsstöd för unga;Elevhälsan',
  'Äldres hälsa;Fler äldre rör sig;Seniorgympa;Fritid',
  'Digital vård;;E-hälsa i hemtjänsten;Hemtjänsten',
  'Jämlik hälsa;Jämlik tandvård;Tandvårdsinformation;Tandvården',
].join('\n');

describe('import on the file’s own focus areas and goals', () => {
  it('lays a CSV with five areas no template knows out on those areas and goals, and says so', async () => {
    const { status, json } = await importFile(handMadeCsv, 'format=csv&title=Folkh%C3%A4lsoplan');
    expect(status, JSON.stringify(json)).toBe(201);
    expect(json.cardCount).toBe(6);
    expect(json.notices.join('\n')).toMatch(
      /Tavlan lades upp efter filens egna fokusområden och mål \(5 fokusområden, 4 mål\)/,
    );

    const template = await boardTemplate(json.id);
    expect(template.focusAreas.map((a) => a.title.sv)).toEqual(AREAS);
    expect(template.focusAreas.map((a) => a.goals.map((g) => g.title.sv))).toEqual([
      ['Fler barn i förskolan', 'Färre barn i utanförskap'],
      [],
      ['Fler äldre rör sig'],
      [],
      ['Jämlik tandvård'],
    ]);
    expect(template.focusAreas[0]?.id).toBe('trygg-uppvaxt');
    expect(new Set(template.focusAreas.map((a) => a.color)).size).toBe(5);

    // Every card sits where its row said: goals, or the goal-less area itself; none unplaced.
    const plan = await exported(json.id);
    expect(plan.unplaced).toEqual([]);
    expect(plan.focusAreas[0]?.goals.map((g) => g.cards.map((c) => c.activity))).toEqual([
      ['Uppsökande verksamhet'],
      ['Läxhjälp på biblioteket'],
    ]);
    expect(plan.focusAreas[1]?.cards.map((c) => c.activity)).toEqual(['Samtalsstöd för unga']);
    expect(plan.focusAreas[3]?.cards.map((c) => c.activity)).toEqual(['E-hälsa i hemtjänsten']);
  });

  it('re-imports the JSON export of an own-template board, unknown to this server, on its own areas', async () => {
    const source = await createOwnBoard(ctx.server.url, ownTemplate(AREAS, 1, 'landstingets-plan'));
    const plan = await exported(source.id);
    plan.focusAreas[4]!.goals[0]!.cards.push({
      ...({} as PlanData['unplaced'][number]),
      id: 'kort-1',
      title: 'Jämlik hälsa i praktiken',
      priorityArea: '',
      activity: 'Hälsosamtal',
      indicators: [],
      responsible: '',
      targetGroups: [],
      parties: [],
      period: { label: '', from: null, to: null },
      status: 'draft',
      followUp: [],
      votes: 0,
      authors: [],
      createdAt: null,
    });
    const file = JSON.stringify({ ...plan, template: { ...plan.template, id: 'en-annan-servers-mall' } });
    const { status, json } = await importFile(file, 'format=json');
    expect(status, JSON.stringify(json)).toBe(201);
    expect(json.notices.join('\n')).toMatch(/Tavlan lades upp efter filens egna fokusområden och mål/);
    const template = await boardTemplate(json.id);
    expect(template.focusAreas.map((a) => [a.id, a.title.sv, a.goals.length])).toEqual(
      AREAS.map((title, i) => [`area-${i + 1}`, title, 1]),
    );
    const again = await exported(json.id);
    expect(again.focusAreas[4]?.goals[0]?.cards.map((c) => c.id)).toEqual(['kort-1']);
  });

  it('takes layout=file even when a template fits, and keeps the named template’s row-by-row report', async () => {
    const hsvoCsv = ['Delmål-id;Aktivitet', 'A1;Hälsosamtal', 'Q7;Okänt mål'].join('\n');
    const named = await importFile(hsvoCsv, 'format=csv&templateId=hsvo-2024-2026');
    expect(named.status).toBe(201);
    expect(named.json.templateId).toBe('hsvo-2024-2026');
    expect(named.json.notices.join('\n')).toMatch(
      /"Q7" is no goal or focus area of the template "hsvo-2024-2026"; the cards of row 3 are unplaced/,
    );

    const own = await importFile(
      ['Delmål-id;Aktivitet', 'A1;Hälsosamtal', 'A2;Läxhjälp'].join('\n'),
      'format=csv&layout=file',
    );
    expect(own.status).toBe(201);
    const template = await boardTemplate(own.json.id);
    expect(template.focusAreas.flatMap((a) => a.goals.map((g) => g.id))).toEqual(['A1', 'A2']);
    expect((await importFile(hsvoCsv, 'format=csv&layout=file&templateId=hsvo-2024-2026')).status).toBe(400);
    expect((await importFile(hsvoCsv, 'format=csv&layout=other')).status).toBe(400);
  });

  it('still lays a file whose ids fit a template out on that template', async () => {
    const fitting = ['Delmål-id;Aktivitet', 'A1;Hälsosamtal', 'D1;Samverkan'].join('\n');
    const { json } = await importFile(fitting, 'format=csv');
    expect(json.templateId).toBe('hsvo-2024-2026');
    expect(json.notices.join('\n')).not.toMatch(/egna fokusområden/);
  });
});
