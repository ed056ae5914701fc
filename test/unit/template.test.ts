import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATE_ID,
  findGoal,
  getTemplate,
  listTemplates,
  parseTemplate,
  templateGoals,
} from '../../shared/template.ts';

describe('templates', () => {
  it('ships HSVO 2024–2026 as the default, with NSU 2019 beside it', () => {
    expect(listTemplates().map((t) => t.id)).toEqual(['hsvo-2024-2026', 'nsu-2019']);
    expect(listTemplates()[0]?.id).toBe(DEFAULT_TEMPLATE_ID);
  });

  it('lays HSVO out as four focus areas A–D with goals A1, A2, B1, B2, C1, D1', () => {
    const hsvo = getTemplate('hsvo-2024-2026');
    expect(hsvo?.focusAreas.map((a) => a.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(templateGoals(hsvo!).map((g) => g.goal.id)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'D1']);
    expect(findGoal(hsvo!, 'B2')?.area.title.sv).toBe('Nära vård');
    expect(findGoal(hsvo!, 'Z9')).toBeUndefined();
  });

  it('carries the party register: Region Uppsala and the eight municipalities', () => {
    const parties = getTemplate('hsvo-2024-2026')?.parties ?? [];
    expect(parties).toHaveLength(9);
    expect(parties.filter((p) => p.type === 'kommun')).toHaveLength(8);
    expect(parties.map((p) => p.name)).toContain('Region Uppsala');
  });

  it('accepts templates without goal directions (NSU 2019)', () => {
    const nsu = getTemplate('nsu-2019');
    expect(templateGoals(nsu!)).toHaveLength(10);
    expect(findGoal(nsu!, '1.1')?.goal.direction).toBeNull();
  });

  it('rejects a broken template with a message naming the problem', () => {
    const broken = structuredClone(getTemplate('hsvo-2024-2026')) as Record<string, unknown>;
    (broken.focusAreas as { color: string }[])[0]!.color = 'green';
    expect(() => parseTemplate(broken, 'custom template')).toThrow(/custom template[\s\S]*colour/);
    const duplicate = structuredClone(getTemplate('hsvo-2024-2026')) as { focusAreas: { id: string }[] };
    duplicate.focusAreas[1]!.id = 'A';
    expect(() => parseTemplate(duplicate)).toThrow(/duplicate area\/goal id "A"/);
    const twoHeby = structuredClone(getTemplate('hsvo-2024-2026')) as { parties: { id: string }[] };
    twoHeby.parties[1]!.id = twoHeby.parties[0]!.id;
    expect(() => parseTemplate(twoHeby)).toThrow(/duplicate party id/);
    expect(() => parseTemplate({ kind: 'board-template' })).toThrow(/Invalid template/);
  });
});
