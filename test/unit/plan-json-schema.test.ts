import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { docToPlan, importPlan, type PlanData, planToDoc, writePlan } from '../../shared/plan/index.ts';
import { planJsonSchema } from '../../shared/plan/json-schema.ts';
import { emptyBoard, HSVO, NOW, NSU, sampleBoard } from './plan-helpers.ts';

const committed = JSON.parse(
  readFileSync(new URL('../../shared/plan/samverkansplan.schema.json', import.meta.url), 'utf8'),
);

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(committed);

async function exportedJson(plan: PlanData): Promise<unknown> {
  return JSON.parse(String((await writePlan(plan, 'json')).body));
}

/** Sets (or with undefined, deletes) the value at `path` inside parsed JSON. */
function setPath(json: unknown, path: (string | number)[], value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], json);
  const key = path[path.length - 1] as string | number;
  if (value === undefined) delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string, unknown>)[key] = value;
}

describe('samverkansplan.schema.json', () => {
  it('is what the zod schema generates (regenerate: npx node test/scripts/generate-plan-schema.ts)', () => {
    expect(committed).toEqual(planJsonSchema());
  });

  it('takes a 1.1 file whose cards lack Effektmått (added in 1.2), and the zod reader fills it in empty', async () => {
    const json = (await exportedJson(docToPlan(sampleBoard(), HSVO, { now: NOW }))) as PlanData;
    expect(json.formatVersion).toBe('1.4');
    const old = structuredClone(json) as unknown as Record<string, unknown> & PlanData;
    old.formatVersion = '1.1';
    const cards = [...old.focusAreas.flatMap((a) => [...a.cards, ...a.goals.flatMap((g) => g.cards)]), ...old.unplaced];
    for (const card of cards) delete (card as Partial<typeof card>).effectMeasure;
    expect(validate(old)).toBe(true);
    const read = await importPlan(new TextEncoder().encode(JSON.stringify(old)), 'plan.json');
    const readCards = [
      ...read.focusAreas.flatMap((a) => [...a.cards, ...a.goals.flatMap((g) => g.cards)]),
      ...read.unplaced,
    ];
    expect(readCards.map((card) => card.effectMeasure)).toEqual(cards.map(() => ''));
    // Over its limit it is refused, like every text field.
    const long = structuredClone(json);
    const first = long.focusAreas[1]?.goals[0]?.cards[0];
    if (first) first.effectMeasure = 'x'.repeat(5_001);
    expect(validate(long)).toBe(false);
  });

  it('declares the format as a constant and takes every 1.x version', () => {
    expect(committed.properties.format).toMatchObject({ const: 'samverkansplan' });
    expect(committed.properties.formatVersion).toMatchObject({ pattern: '^1\\.\\d+$' });
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each([
    ['a board with every kind of card', () => docToPlan(sampleBoard(), HSVO, { boardId: 'b', now: NOW })],
    ['an empty board', () => docToPlan(emptyBoard(), HSVO, { now: NOW })],
    ['an empty NSU board', () => docToPlan(emptyBoard('NSU', NSU), NSU, { now: NOW })],
    ['a board rebuilt from its own export', () => docToPlan(planToDoc(docToPlan(sampleBoard(), HSVO), HSVO), HSVO)],
  ])('accepts the JSON export of %s', async (_name, plan) => {
    const data = await exportedJson(plan());
    const ok = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects exports that break the contract', async () => {
    const good = await exportedJson(docToPlan(sampleBoard(), HSVO, { now: NOW }));
    const card = ['focusAreas', 1, 'goals', 0, 'cards', 0];
    const broken: [string, (string | number)[], unknown][] = [
      ['a newer format version', ['formatVersion'], '2.0'],
      ['an unknown card status', [...card, 'status'], 'approved'],
      ['an unknown indicator kind', [...card, 'indicators', 0, 'kind'], 'scale'],
      ['a date that is not a date', ['board', 'planPeriod', 'from'], '2025-13-01'],
      ['a missing field', ['unplaced'], undefined],
      ['an extra field', ['focusAreas', 0, 'extra'], true],
    ];
    for (const [name, path, value] of broken) {
      const copy = structuredClone(good);
      setPath(copy, path, value);
      expect(validate(copy), name).toBe(false);
    }
  });
});
