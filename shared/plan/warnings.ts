/**
 * What an export warns about: an agreed card that has since lost a field an
 * agreed card needs (someone cleared "Ansvar" after the group agreed). The
 * card stays agreed, as the group decided, and every export says what it lacks
 * until it is filled in or set back to draft.
 */
import { missingForAgreed, type RequiredField } from '../card-schema.ts';
import { REQUIRED_FIELDS } from '../fields/card-fields.ts';
import { planFieldValue, textOf } from './field-values.ts';
import { type PlanWords, planWords } from './labels.ts';
import type { PlanCard, PlanData, PlanWarning } from './schema.ts';

/** The required fields an agreed plan card lacks; empty for drafts and complete cards. */
export function missingOnAgreed(card: PlanCard): RequiredField[] {
  if (card.status !== 'agreed') return [];
  const texts = REQUIRED_FIELDS.map((field) => [field.id, textOf(field.plan.kind, planFieldValue(card, field))]);
  return missingForAgreed(Object.fromEntries(texts) as Record<RequiredField, string>);
}

/** "Överenskommen, men saknar: Ansvar, Indikatorer för uppföljning" (in the export's language), or null when nothing is missing. */
export function missingText(card: PlanCard, words: PlanWords = planWords()): string | null {
  const missing = missingOnAgreed(card);
  return missing.length > 0 ? words.agreedMissing(missing.map((f) => words.fieldLabel[f])) : null;
}

/** The warnings of a plan, in plan order (area cards before the area's goals, unplaced last). */
export function planWarnings(plan: PlanData): PlanWarning[] {
  const cards = [
    ...plan.focusAreas.flatMap((area) => [...area.cards, ...area.goals.flatMap((goal) => goal.cards)]),
    ...plan.unplaced,
  ];
  return cards.flatMap((card) => {
    const fields = missingOnAgreed(card);
    return fields.length > 0 ? [{ kind: 'agreed-missing' as const, cardId: card.id, fields }] : [];
  });
}
