/**
 * The document outline every human-readable export shares (Word, Markdown,
 * the per-area Excel sheets): focus areas → goals → one table row a card.
 * Defined once so the three layouts cannot disagree about what a cell shows.
 */
import { CARD_STATUS_LABEL, FOLLOW_UP_STATUS_LABEL, UNPLACED_HEADING } from './labels.ts';
import type { PlanCard, PlanData } from './schema.ts';
import { missingText } from './warnings.ts';

/** One card as the cells of a plan table, multi-line cells as lists of lines. */
export interface CardCells {
  priorityArea: string;
  /** The card's short title, shown bold above the activity when set. */
  title: string;
  activity: string;
  indicators: string[];
  responsible: string;
  targetGroups: string[];
  parties: string[];
  period: string;
  status: string[];
}

export interface PlanGroup {
  /** The goal; both null for cards on the focus area itself (id: the area's id when the area has no goals). */
  id: string | null;
  title: string | null;
  direction: string | null;
  cards: CardCells[];
  /** Sticky notes left on the goal ("Anteckningar"), each its text. */
  notes: string[];
}

export interface PlanSection {
  /** The focus area; id null for the unplaced cards. */
  id: string | null;
  title: string;
  groups: PlanGroup[];
}

/** "A1 Hälsosystemet …": ids are short codes that read well in front of the title. */
export const numbered = (item: { id: string | null; title: string | null }): string =>
  [item.id, item.title].filter(Boolean).join(' ');

export function cardCells(card: PlanCard): CardCells {
  return {
    priorityArea: card.priorityArea,
    title: card.title,
    activity: card.activity,
    indicators: card.indicators.map((indicator) => indicator.text),
    responsible: card.responsible,
    targetGroups: card.targetGroups,
    parties: card.parties,
    period: card.period.label,
    status: [
      missingText(card) ?? CARD_STATUS_LABEL[card.status],
      ...card.followUp.map((entry) => `${entry.period}: ${FOLLOW_UP_STATUS_LABEL[entry.status]}`),
    ],
  };
}

/** The cells of one card as the eight columns of TABLE_HEADINGS, each a list of lines. */
export function cellLines(cells: CardCells): string[][] {
  const lines = (value: string) => (value ? value.split(/\r?\n/) : []);
  return [
    lines(cells.priorityArea),
    [...(cells.title ? [cells.title] : []), ...lines(cells.activity)],
    cells.indicators,
    lines(cells.responsible),
    cells.targetGroups,
    cells.parties,
    lines(cells.period),
    cells.status,
  ];
}

/** Focus areas in template order, each with its area-level cards first, then its goals; unplaced cards last. */
export function planSections(plan: PlanData): PlanSection[] {
  const sections: PlanSection[] = plan.focusAreas.map((area) => ({
    id: area.id,
    title: area.title,
    groups: [
      // An area without goals is itself the place of its cards (template.ts cardPlaces): one group
      // under the area's heading, with no heading of its own, and "no activities" when empty.
      ...(area.goals.length === 0
        ? [
            {
              id: area.id,
              title: null,
              direction: null,
              cards: area.cards.map(cardCells),
              notes: area.notes.map((n) => n.text),
            },
          ]
        : []),
      ...(area.goals.length > 0 && (area.cards.length > 0 || area.notes.length > 0)
        ? [
            {
              id: null,
              title: null,
              direction: null,
              cards: area.cards.map(cardCells),
              notes: area.notes.map((n) => n.text),
            },
          ]
        : []),
      ...area.goals.map((goal) => ({
        id: goal.id,
        title: goal.title,
        direction: goal.direction,
        cards: goal.cards.map(cardCells),
        notes: goal.notes.map((n) => n.text),
      })),
    ],
  }));
  if (plan.unplaced.length > 0) {
    sections.push({
      id: null,
      title: UNPLACED_HEADING,
      groups: [{ id: null, title: null, direction: null, cards: plan.unplaced.map(cardCells), notes: [] }],
    });
  }
  return sections;
}
