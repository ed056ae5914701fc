/**
 * How the compare view names and shows plan-data fields: the template's own
 * field labels where a plan key is a card field, and each value as one short
 * text. Pure, so it is tested without a browser.
 */
import { fieldOfPlanKey } from '../../shared/plan/field-values.ts';
import type { PlanCard } from '../../shared/plan/schema.ts';
import { findGoal, type LocalizedText, type Template } from '../../shared/template.ts';
import type { MessageKey, MessageParams } from '../i18n/messages.ts';

type T = (key: MessageKey, params?: MessageParams) => string;

const OWN_LABEL: Partial<Record<string, MessageKey>> = {
  status: 'compare.field.status',
  followUp: 'compare.field.followUp',
  votes: 'compare.field.votes',
  authors: 'compare.field.authors',
  createdAt: 'compare.field.createdAt',
  decision: 'compare.field.decision',
  place: 'compare.field.goal',
};

/** A plan key's name for people: "Indikator för uppföljning" for `indicators`. */
export function fieldLabel(key: string, t: T, cardField: (field: string) => string): string {
  // A card field of the registry, under its plan key ("indicators" is the card's `indicator` field).
  const field = fieldOfPlanKey(key);
  if (field) return cardField(field.id);
  const own = OWN_LABEL[key];
  return own ? t(own) : key;
}

/** One field's value as text; lists one item a line. */
export function fieldValue(card: PlanCard, key: string, statusLabel: (status: string) => string): string {
  switch (key) {
    case 'indicators':
      return card.indicators.map((indicator) => indicator.text).join('\n');
    case 'targetGroups':
      return card.targetGroups.join('\n');
    case 'parties':
    case 'authors':
      return card[key].join(', ');
    case 'period':
      return card.period.label;
    case 'status':
      return statusLabel(card.status);
    case 'followUp':
      return card.followUp
        .map((entry) => `${entry.period}: ${entry.status}${entry.comment ? ` – ${entry.comment}` : ''}`)
        .join('\n');
    case 'decision':
      return card.decision ? `${card.decision.note} (${card.decision.by})` : '';
    default: {
      const value = card[key as keyof PlanCard];
      return value === null || value === undefined ? '' : String(value);
    }
  }
}

/** A place from cardPlaces as people read it: "A1 Goal title", the area, or unplaced. */
export function placeName(
  place: string | null | undefined,
  template: Template,
  pick: (text: LocalizedText) => string,
  unplaced: string,
): string {
  if (!place) return unplaced;
  const goal = findGoal(template, place);
  if (goal) return `${goal.goal.id} ${pick(goal.goal.title)}`;
  const area = template.focusAreas.find((a) => a.id === place);
  return area ? `${area.id} ${pick(area.title)}` : place;
}
