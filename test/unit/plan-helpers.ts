/** Boards for the plan tests: built through the real accessors, with fixed ids and times. */
import type ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { initBoardDoc } from '../../shared/board-doc.ts';
import { createCard, type NewCard, setFollowUp, setVote } from '../../shared/card.ts';
import type { PlanCard, PlanData } from '../../shared/plan/index.ts';
import { getTemplate, type Template } from '../../shared/template.ts';

export const NOW = new Date('2025-03-01T10:00:00.000Z');

export function template(id: string): Template {
  const found = getTemplate(id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

export const HSVO = template('hsvo-2024-2026');
export const NSU = template('nsu-2019');

export function emptyBoard(title = 'Samverkansplan Heby 2025', tpl: Template = HSVO): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title, templateId: tpl.id, templateVersion: tpl.version, createdAt: '2025-01-15T08:00:00.000Z' });
  return doc;
}

const card = (doc: Y.Doc, data: Partial<NewCard> & { id: string }) =>
  createCard(doc, { goalId: null, createdBy: 'Anna', createdAt: '2025-01-20T09:00:00.000Z', ...data });

/**
 * A board that exercises every field and every awkward case: several goals,
 * order ties broken by id, an area-level card, unplaced and unknown-goal cards,
 * free party names, follow-ups, votes, and text with quotes, separators,
 * newlines, formula starters and markup.
 */
export function sampleBoard(): Y.Doc {
  const doc = emptyBoard();
  card(doc, {
    id: 'c-b1',
    goalId: 'B1',
    order: 1,
    status: 'agreed',
    fields: {
      title: 'SIP i primärvården',
      priorityArea: 'Samordnad individuell plan',
      activity: 'Införa gemensam rutin för SIP\nUtbilda personal "SIP-ambassadörer"; två per enhet',
      indicator: 'Rutin framtagen (Ja/Nej)\nAntal utbildade ambassadörer\nAndel SIP inom 14 dagar (procent)',
      effectMeasure: 'Färre oplanerade återinläggningar\nmätt som andel inom 30 dagar',
      responsible: 'Tjänsteledning HSVO',
      targetGroup: 'Äldre\nPersoner med psykisk ohälsa',
      period: '2025',
    },
    parties: ['heby', 'region-uppsala', 'Arbetsförmedlingen'],
  });
  card(doc, {
    id: 'c-a1-late',
    goalId: 'A1',
    order: 5,
    fields: {
      activity: '=HYPERLINK("http://example.invalid")',
      indicator: '- punktlista som text',
      period: '2024–2026',
    },
  });
  card(doc, { id: 'c-a1-tie-b', goalId: 'A1', order: 2, fields: { activity: 'Tie B', period: 'tom 30 juni 2025' } });
  card(doc, {
    id: 'c-a1-tie-a',
    goalId: 'A1',
    order: 2,
    fields: { activity: 'Tie A <script>alert(1)</script> | pipe' },
  });
  card(doc, { id: 'c-area-a', goalId: 'A', order: 1, fields: { activity: 'Kort på fokusområdet' } });
  card(doc, { id: 'c-unplaced', goalId: null, order: 1, fields: { activity: 'Utan plats' } });
  card(doc, { id: 'c-unknown', goalId: 'Z9', order: 2, fields: { activity: 'Okänt delmål' } });
  card(doc, {
    id: 'c-d1',
    goalId: 'D1',
    order: 1,
    createdBy: 'Bertil',
    fields: { activity: 'Övning\u0007 med kontrolltecken', indicator: 'Övning genomförd (ja/nej)' },
  });
  setFollowUp(doc, 'c-b1', '2025', {
    status: 'ongoing',
    comment: 'Rutinen är klar; utbildningen "pågår"',
    effect: 'Färre dubbla besök',
    updatedAt: '2025-06-01T12:00:00.000Z',
    updatedBy: 'Cecilia',
  });
  setFollowUp(doc, 'c-b1', '2024', {
    status: 'done',
    comment: 'Förstudie',
    effect: '',
    updatedAt: '2024-12-01T12:00:00.000Z',
    updatedBy: 'Anna',
  });
  setVote(doc, 'c-b1', 'p1', 2);
  setVote(doc, 'c-b1', 'p2', 1);
  return doc;
}

/** Every card of a plan, flat, in plan order. */
export function allCards(plan: PlanData) {
  return [
    ...plan.focusAreas.flatMap((area) => [...area.cards, ...area.goals.flatMap((goal) => goal.cards)]),
    ...plan.unplaced,
  ];
}

/** A plan without what an import may change: card ids, timestamps and the board's own id. */
export function withoutIdsAndTimes(plan: PlanData): unknown {
  const card = (c: PlanCard) => ({
    ...c,
    id: '*',
    createdAt: '*',
    followUp: c.followUp.map((f) => ({ ...f, updatedAt: '*' })),
  });
  return {
    ...plan,
    exportedAt: '*',
    board: { ...plan.board, id: '*', createdAt: '*' },
    focusAreas: plan.focusAreas.map((area) => ({
      ...area,
      cards: area.cards.map(card),
      goals: area.goals.map((goal) => ({ ...goal, cards: goal.cards.map(card) })),
    })),
    unplaced: plan.unplaced.map(card),
  };
}

/** The table columns of the seed plans, spelled out here so the writers' own constant is checked, not trusted. */
export const SEED_PLAN_HEADINGS = [
  'Prioriterat område',
  'Aktiviteter',
  'Indikatorer för uppföljning',
  // Not in the 2019 seed plans: asked for in the 2024 strategy work, added through the field registry.
  'Effektmått',
  'Ansvar',
  'Målgrupp',
  'Parter',
  'Tidsram',
  'Status',
];

/** An exceljs cell value as text (the writer's tests read its output back with exceljs). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** mammoth maps Heading 1–6 itself; the title, body text and contents styles of our DOCX need saying. */
export const DOCX_STYLE_MAP = {
  styleMap: [
    "p[style-name='Title'] => h1:fresh",
    "p[style-name='Brödtext'] => p:fresh",
    "p[style-name='toc 1'] => p:fresh",
    "p[style-name='toc 2'] => p:fresh",
  ],
};
