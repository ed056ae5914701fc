/**
 * The decisions in the human-readable exports (README "Decisions"): a decision line per card
 * (in its status cell) and the "Beslutslogg" table after the plan, oldest first as the log
 * runs. In the export's language (labels.ts `PlanWords`); times in UTC, as stored.
 */
import { type PlanWords, planWords } from './labels.ts';
import type { PlanData, PlanDecision, PlanDecisionLogEntry } from './schema.ts';

/** Relative widths of the log's columns (Word, Excel). */
export const DECISION_LOG_WIDTHS = [18, 22, 40, 16, 60] as const;

/** "2026-12-02 19:50 UTC": the minute, as a reader wants it. */
export const decisionTime = (at: string): string => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;

/** "Beslut 2026-12-02 19:50 UTC (Karin): Vi kör." — the card's decision as one line. */
export function decisionLine(decision: PlanDecision, words: PlanWords = planWords()): string {
  const head = `${words.decision} ${decisionTime(decision.at)} (${decision.by})`;
  return decision.note ? `${head}: ${decision.note}` : head;
}

const agreedText = (entry: PlanDecisionLogEntry, words: PlanWords) =>
  words.cardStatus[entry.agreed ? 'agreed' : 'draft'];

/** The log as rows of `words.decisionLogHeadings`: when, who, the card, agreed or not, the note. */
export function decisionLogRows(plan: Pick<PlanData, 'decisions'>, words: PlanWords = planWords()): string[][] {
  return plan.decisions.map((entry) => [
    decisionTime(entry.at),
    entry.by,
    entry.title || entry.cardId,
    agreedText(entry, words),
    entry.note,
  ]);
}
