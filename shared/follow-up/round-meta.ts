/**
 * The follow-up rounds a board has (README "Follow-up rounds"), as the server
 * keeps them in meta: `rounds`, a list of { label, date, startedAt, startedBy }
 * in the order they were started, and `currentRound`, the label of the one the
 * board fills in now. Both are written by the server only (POST …/rounds), so a
 * client reads them here and never writes them.
 */
import type * as Y from 'yjs';
import { metaMap as meta } from '../board-doc.ts';
import { ROUND_LABEL_MAX, ROUNDS_MAX } from './round-limits.ts';

export interface BoardRound {
  /** Also the key of the round's follow-up entries on every card: "Uppföljning 2025". */
  label: string;
  /** The date the round is about (YYYY-MM-DD), when the facilitator gave one. */
  date: string | null;
  startedAt: string;
  startedBy: string;
}

/** A round's date: YYYY-MM-DD. */
export const isRoundDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Why a round label cannot be used, or null when it can. */
export function roundLabelProblem(label: string): string | null {
  if (label.trim() === '') return 'a round needs a label';
  if (label !== label.trim()) return 'a round label has no leading or trailing spaces';
  if (label.length > ROUND_LABEL_MAX) return `a round label is at most ${ROUND_LABEL_MAX} characters`;
  return null;
}

/** Whether a stored value is a round (the contract checks meta.rounds with this). */
export function isBoardRound(value: unknown): value is BoardRound {
  if (typeof value !== 'object' || value === null) return false;
  const round = value as Record<string, unknown>;
  return (
    typeof round.label === 'string' &&
    roundLabelProblem(round.label) === null &&
    (round.date === null || (typeof round.date === 'string' && isRoundDate(round.date))) &&
    typeof round.startedAt === 'string' &&
    round.startedAt.length <= 64 &&
    typeof round.startedBy === 'string' &&
    round.startedBy.length <= 200
  );
}

/** Whether a stored value is a list of rounds with distinct labels. */
export function isRoundList(value: unknown): value is BoardRound[] {
  return (
    Array.isArray(value) &&
    value.length <= ROUNDS_MAX &&
    value.every(isBoardRound) &&
    new Set(value.map((round) => round.label)).size === value.length
  );
}

export function readRounds(doc: Y.Doc): BoardRound[] {
  const value = meta(doc).get('rounds');
  return isRoundList(value) ? value.map((round) => ({ ...round })) : [];
}

/** The label of the round the board fills in now, or null when no round runs. */
export function currentRoundLabel(doc: Y.Doc): string | null {
  const label = meta(doc).get('currentRound');
  if (typeof label !== 'string') return null;
  return readRounds(doc).some((round) => round.label === label) ? label : null;
}
