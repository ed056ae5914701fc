/**
 * The document outline every human-readable export shares (Word, Markdown,
 * the per-area Excel sheets): focus areas → goals → one table row a card.
 * Defined once so the three layouts cannot disagree about what a cell shows.
 */

import { DOCUMENT_FIELDS, type DocumentFieldDef } from '../fields/card-fields.ts';
import { placeCode } from '../place-codes.ts';
import { decisionLine } from './decision-log.ts';
import { linesOf, planFieldValue } from './field-values.ts';
import { type PlanWords, planWords } from './labels.ts';
import type { PlanCard, PlanData } from './schema.ts';
import { missingText } from './warnings.ts';

export type DocumentFieldId = DocumentFieldDef['id'];

/** One card as the cells of a plan table, multi-line cells as lists of lines. */
export interface CardCells {
  /** The card's short title, shown bold above the activity when set. */
  title: string;
  /** The lines of each field with a plan-table column (the registry's `document`), by field id. */
  fields: Record<DocumentFieldId, string[]>;
  status: string[];
}

/** The plan-table column the title is shown in, above the activity text. */
export const TITLE_COLUMN = DOCUMENT_FIELDS.findIndex((field) => field.id === 'activity');

export interface PlanGroup {
  /** The goal; both null for cards on the focus area itself (id: the area's id when the area has no goals). */
  id: string | null;
  /** What is shown in front of the title (place-codes.ts): the id, or a code for an id slugged from a file. */
  code: string | null;
  title: string | null;
  direction: string | null;
  cards: CardCells[];
  /** Sticky notes left on the goal ("Anteckningar"), each its text. */
  notes: string[];
}

export interface PlanSection {
  /** The focus area; id null for the unplaced cards. */
  id: string | null;
  code: string | null;
  title: string;
  groups: PlanGroup[];
}

/** "A1 Hälsosystemet …": a short code in front of the title. */
export const numbered = (item: { code: string | null; title: string | null }): string =>
  [item.code, item.title].filter(Boolean).join(' ');

/**
 * A follow-up entry in the plan's status cell: "2025: Pågående – Planen är på remiss." The comment
 * belongs beside its status, as the committees write "Kommentar mars 2022" in their action lists.
 */
const followUpLine =
  (words: PlanWords) =>
  (entry: PlanCard['followUp'][number]): string => {
    const comment = entry.comment.trim().replace(/\s+/g, ' ');
    return `${entry.period}: ${words.followUpStatus[entry.status]}${comment ? ` – ${comment}` : ''}`;
  };

export function cardCells(card: PlanCard, words: PlanWords = planWords()): CardCells {
  const fields = DOCUMENT_FIELDS.map((f) => [f.id, linesOf(f.plan.kind, planFieldValue(card, f))]);
  return {
    title: card.title,
    fields: Object.fromEntries(fields) as CardCells['fields'],
    status: [
      missingText(card, words) ?? words.cardStatus[card.status],
      ...card.followUp.map(followUpLine(words)),
      ...(card.decision ? [decisionLine(card.decision, words)] : []),
    ],
  };
}

/** The cells of one card as the columns of TABLE_HEADINGS, each a list of lines (the title first in its column). */
export function cellLines(cells: CardCells): string[][] {
  return [
    ...DOCUMENT_FIELDS.map((f, column) => [
      ...(column === TITLE_COLUMN && cells.title ? [cells.title] : []),
      ...cells.fields[f.id],
    ]),
    cells.status,
  ];
}

/** Focus areas in template order, each with its area-level cards first, then its goals; unplaced cards last. */
export function planSections(plan: PlanData, words: PlanWords = planWords()): PlanSection[] {
  const code = (id: string) => placeCode(plan.focusAreas, id);
  const cardCellsOf = (cards: PlanCard[]) => cards.map((card) => cardCells(card, words));
  const sections: PlanSection[] = plan.focusAreas.map((area) => ({
    id: area.id,
    code: code(area.id),
    title: area.title,
    groups: [
      // An area without goals is itself the place of its cards (template.ts cardPlaces): one group
      // under the area's heading, with no heading of its own, and "no activities" when empty.
      ...(area.goals.length === 0
        ? [
            {
              id: area.id,
              code: null,
              title: null,
              direction: null,
              cards: cardCellsOf(area.cards),
              notes: area.notes.map((n) => n.text),
            },
          ]
        : []),
      ...(area.goals.length > 0 && (area.cards.length > 0 || area.notes.length > 0)
        ? [
            {
              id: null,
              code: null,
              title: null,
              direction: null,
              cards: cardCellsOf(area.cards),
              notes: area.notes.map((n) => n.text),
            },
          ]
        : []),
      ...area.goals.map((goal) => ({
        id: goal.id,
        code: code(goal.id),
        title: goal.title,
        direction: goal.direction,
        cards: cardCellsOf(goal.cards),
        notes: goal.notes.map((n) => n.text),
      })),
    ],
  }));
  if (plan.unplaced.length > 0) {
    sections.push({
      id: null,
      code: null,
      title: words.unplaced,
      groups: [{ id: null, code: null, title: null, direction: null, cards: cardCellsOf(plan.unplaced), notes: [] }],
    });
  }
  return sections;
}
