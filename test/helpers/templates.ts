/** Own templates for tests: areas (with or without goals) built the way a facilitator's design would be. */
import type { CreatedBoard } from '../../shared/api.ts';
import type { Template } from '../../shared/template.ts';
import { rememberBoard } from './server.ts';

const COLOURS = ['#0072B2', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#56B4E9'];

/** A template of `titles.length` focus areas, each with `goalsPerArea` goals (0: the area takes cards itself). */
export function ownTemplate(titles: string[], goalsPerArea = 0, id = 'egen-plan'): Template {
  return {
    kind: 'board-template',
    id,
    version: '1.0.0',
    locale: 'sv',
    title: { sv: 'Egen plan', en: 'Own plan' },
    shortTitle: { sv: 'Egen plan', en: 'Own plan' },
    period: { from: 2026, to: 2027 },
    levelLabels: {
      focusArea: { sv: 'Fokusområde', en: 'Focus area' },
      goal: { sv: 'Mål', en: 'Goal' },
      card: { sv: 'Aktivitet', en: 'Activity' },
    },
    focusAreas: titles.map((title, a) => ({
      id: `area-${a + 1}`,
      title: { sv: title, en: title },
      color: COLOURS[a % COLOURS.length] as string,
      colorLight: '#F0F0F0',
      goals: Array.from({ length: goalsPerArea }, (_, g) => ({
        id: `area-${a + 1}-goal-${g + 1}`,
        title: { sv: `${title}: mål ${g + 1}`, en: `${title}: goal ${g + 1}` },
      })),
    })),
    parties: [{ id: 'heby', name: 'Heby kommun', type: 'kommun' }],
    suggestedTargetGroups: ['Barn och unga'],
    fieldLabels: {},
    followUpStatuses: [],
  };
}

/** POST /api/boards with any body; the answer as status and JSON. */
export async function postBoard(
  baseUrl: string,
  body: unknown,
): Promise<{ status: number; json: { error?: string } & Partial<CreatedBoard> }> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (response.status === 201) rememberBoard(json as CreatedBoard);
  return { status: response.status, json };
}

/** A board on an own template (remembered, so the server helpers know its tokens). */
export async function createOwnBoard(baseUrl: string, template: Template, title = 'Egen tavla'): Promise<CreatedBoard> {
  const { status, json } = await postBoard(baseUrl, { title, template });
  if (status !== 201) throw new Error(`create board: ${status} ${JSON.stringify(json)}`);
  return json as CreatedBoard;
}
