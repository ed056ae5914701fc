/**
 * Board document → plan data. Pure: reads `meta`, `cards` and, of the canvas,
 * only the sticky notes (notes.ts), and orders everything by template order,
 * then card order, then id, so two exports of one board differ only in `exportedAt`.
 */
import type * as Y from 'yjs';
import { BOARD_TITLE_MAX } from '../api.ts';
import { readMeta, readPlanPeriod, readSourceBoard } from '../board-doc.ts';
import { readCards } from '../card.ts';
import {
  type Card,
  type IndicatorAnswer,
  PARTIES_MAX,
  PARTY_NAME_MAX,
  splitIndicators,
  TEXT_FIELD_MAX,
} from '../card-schema.ts';
import { type CardDecision, readCardDecisions, readDecisionLog } from '../decisions/decisions.ts';
import { CARD_FIELDS } from '../fields/card-fields.ts';
import { indicatorKey } from '../follow-up/entry-map.ts';
import { INDICATOR_VALUE_MAX } from '../follow-up/round-limits.ts';
import { currentRoundLabel, readRounds } from '../follow-up/round-meta.ts';
import { readRoundComments } from '../follow-up/rounds.ts';
import type { Template } from '../template.ts';
import { cardVoteTotal } from '../voting/voting.ts';
import { planValue } from './field-values.ts';
import { planNotes } from './notes.ts';
import { isIsoDate } from './period.ts';
import { emptyPlan } from './plan-shell.ts';
import type {
  FollowUp,
  IndicatorValue,
  PlanCard,
  PlanData,
  PlanDecision,
  PlanDecisionLogEntry,
  PlanNote,
  Round,
} from './schema.ts';
import { planWarnings } from './warnings.ts';

export interface ToPlanOptions {
  /** The board id; the document itself does not know it. */
  boardId?: string | null;
  /** The export time (tests pass a fixed one). */
  now?: Date;
  /** The language of the template's texts (area and goal titles, level labels); the template's own when absent. */
  lang?: 'sv' | 'en';
}

/** A timestamp in canonical UTC form, or null when the document holds none or garbage. */
export function toTimestamp(value: string): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export { toLines } from './field-values.ts';

// The accessors cut text at the field limits, but a foreign client can write longer
// Y.Text; cutting again here keeps every export valid against the published schema.
const clip = (value: string, max = TEXT_FIELD_MAX): string => (value.length > max ? value.slice(0, max) : value);

function partyNames(card: Card, template: Template): string[] {
  const register = template.parties;
  const known = register.filter((p) => card.parties.includes(p.id)).map((p) => p.name);
  const free = card.parties.filter((key) => !register.some((p) => p.id === key));
  return [...known, ...free].map((name) => clip(name.trim(), PARTY_NAME_MAX)).slice(0, PARTIES_MAX);
}

/**
 * An entry's indicator values in the card's indicator order; a value whose wording is no longer
 * on the card (the indicator was reworded after the round) follows, so no answer is lost.
 */
function indicatorValues(card: Card, values: Card['followUp'][string]['indicators']): IndicatorValue[] {
  const byKey = new Map(Object.entries(values));
  const ordered: IndicatorValue[] = [];
  for (const line of splitIndicators(card.indicator)) {
    const key = indicatorKey(line);
    const value = byKey.get(key);
    if (value === undefined) continue;
    ordered.push({ text: clip(key), value: clipValue(value) });
    byKey.delete(key);
  }
  for (const [key, value] of byKey) if (key) ordered.push({ text: clip(key), value: clipValue(value) });
  return ordered;
}

const clipValue = (value: IndicatorAnswer): IndicatorAnswer =>
  typeof value === 'string' ? clip(value, INDICATOR_VALUE_MAX) : value;

function followUps(card: Card): FollowUp[] {
  return Object.entries(card.followUp)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, entry]) => ({
      period: clip(period, 32),
      status: entry.status,
      comment: clip(entry.comment),
      effect: clip(entry.effect),
      updatedAt: toTimestamp(entry.updatedAt),
      updatedBy: clip(entry.updatedBy, PARTY_NAME_MAX),
      indicators: indicatorValues(card, entry.indicators),
    }));
}

/** The card's creator, then the further authors an import named, then follow-up writers: each once. */
export function cardAuthors(card: Pick<Card, 'createdBy' | 'coAuthors'>, followUp: FollowUp[]): string[] {
  return [card.createdBy, ...card.coAuthors, ...followUp.map((f) => f.updatedBy)]
    .map((name) => clip(name.trim(), PARTY_NAME_MAX))
    .filter((name, index, all) => name.length > 0 && all.indexOf(name) === index);
}

/** A decision as plan data, or null when the stored one has no readable time. */
function planDecision(decision: CardDecision | undefined): PlanDecision | null {
  const at = decision ? toTimestamp(decision.at) : null;
  return decision && at ? { note: decision.note, by: decision.by, at } : null;
}

function planDecisionLog(doc: Y.Doc): PlanDecisionLogEntry[] {
  return readDecisionLog(doc).flatMap((entry) => {
    const decision = planDecision(entry);
    return decision ? [{ cardId: entry.cardId, title: entry.title, agreed: entry.agreed, ...decision }] : [];
  });
}

/** One card as plan data: its fields in registry order, each by its plan kind. */
export function toPlanCard(card: Card, template: Template, decision?: CardDecision): PlanCard {
  const followUp = followUps(card);
  const fields = CARD_FIELDS.map((field) => [
    field.plan.key,
    field.yjs === 'Y.Map' ? partyNames(card, template) : planValue(field.plan.kind, clip(card[field.id], field.max)),
  ]);
  return {
    id: card.id,
    ...Object.fromEntries(fields),
    status: card.status,
    followUp,
    votes: cardVoteTotal(card.votes),
    authors: cardAuthors(card, followUp),
    createdAt: toTimestamp(card.createdAt),
    decision: planDecision(decision),
  } as PlanCard;
}

/** The board's rounds with their non-empty comments, in the plan's place order. */
function planRoundsOf(doc: Y.Doc, plan: PlanData): Round[] {
  const current = currentRoundLabel(doc);
  const placeIds = plan.focusAreas.flatMap((area) => [area.id, ...area.goals.map((goal) => goal.id)]);
  return readRounds(doc).map((round) => {
    const comments = readRoundComments(doc, round.label);
    return {
      label: round.label,
      date: round.date,
      current: round.label === current,
      comments: placeIds
        .filter((id) => Object.hasOwn(comments, id))
        .map((placeId) => ({ placeId, text: clip(comments[placeId] as string) })),
    };
  });
}

/** The plan data of a board. `template` is the board's template (meta.templateId). */
export function docToPlan(doc: Y.Doc, template: Template, options: ToPlanOptions = {}): PlanData {
  const meta = readMeta(doc);
  const stored = readPlanPeriod(doc);
  const plan = emptyPlan(template, {
    boardId: options.boardId ?? null,
    title: clip(meta?.title ?? '', BOARD_TITLE_MAX),
    planPeriod: stored && isIsoDate(stored.from) && isIsoDate(stored.to) && stored.from <= stored.to ? stored : null,
    createdAt: toTimestamp(meta?.createdAt ?? ''),
    now: options.now,
    locale: options.lang,
  });
  // Goal ids and area ids share one namespace (the template refuses duplicates).
  const buckets = new Map<string, { cards: PlanCard[]; notes: PlanNote[] }>();
  for (const area of plan.focusAreas) {
    buckets.set(area.id, area);
    for (const goal of area.goals) buckets.set(goal.id, goal);
  }
  const decisions = readCardDecisions(doc);
  // readCards returns cards in board order (order, then id); pushing keeps that order.
  for (const card of readCards(doc)) {
    const bucket = card.goalId === null ? undefined : buckets.get(card.goalId);
    (bucket?.cards ?? plan.unplaced).push(toPlanCard(card, template, decisions.get(card.id)));
  }
  // A note on no known goal is a scribble on the canvas, not plan material, like a drawing.
  for (const { goalId, note } of planNotes(doc)) buckets.get(goalId)?.notes.push(note);
  plan.warnings = planWarnings(plan);
  plan.board.source = readSourceBoard(doc);
  plan.rounds = planRoundsOf(doc, plan);
  plan.decisions = planDecisionLog(doc);
  return plan;
}
