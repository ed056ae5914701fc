/**
 * Starting follow-up rounds and their comments per focus area and goal
 * (README "Follow-up rounds"). The server starts a round (POST …/rounds):
 * it files the round in meta, makes it current, and gives every card an empty
 * entry and every area and goal an empty comment text for it, so the people
 * who then fill the round in concurrently merge field by field. A round
 * comment lives in meta.roundComments: round label → place id → Y.Text.
 */
import * as Y from 'yjs';
import { cardsMap, metaMap as meta, Origin } from '../board-doc.ts';
import { replaceText } from '../card.ts';
import { TEXT_FIELD_MAX } from '../card-schema.ts';
import { ensureFollowUpEntry } from './entry-map.ts';
import { ROUNDS_MAX } from './round-limits.ts';
import { type BoardRound, isRoundDate, readRounds, roundLabelProblem } from './round-meta.ts';

export class RoundError extends Error {
  readonly kind: 'invalid' | 'exists' | 'unknown' | 'full';
  constructor(message: string, kind: RoundError['kind']) {
    super(message);
    this.kind = kind;
  }
}

/** The comment texts of every round, made when missing (inside the caller's transaction). */
function commentRounds(doc: Y.Doc): Y.Map<Y.Map<Y.Text>> {
  const existing = meta(doc).get('roundComments');
  if (existing instanceof Y.Map) return existing as Y.Map<Y.Map<Y.Text>>;
  const made = new Y.Map<Y.Map<Y.Text>>();
  meta(doc).set('roundComments', made);
  return made;
}

function ensureCommentTexts(doc: Y.Doc, label: string, placeIds: readonly string[]): void {
  const rounds = commentRounds(doc);
  let places = rounds.get(label);
  if (!(places instanceof Y.Map)) {
    places = new Y.Map<Y.Text>();
    rounds.set(label, places);
  }
  for (const id of placeIds) if (!(places.get(id) instanceof Y.Text)) places.set(id, new Y.Text());
}

/**
 * Starts a round and makes it current. `placeIds` are the board's focus areas and
 * goals (template order), whose comment texts are made now. Throws a RoundError
 * for a label in use, a bad label or date, or a board with ROUNDS_MAX rounds.
 */
export function startRound(
  doc: Y.Doc,
  round: BoardRound,
  placeIds: readonly string[],
  origin: Origin = Origin.server,
): void {
  const problem = roundLabelProblem(round.label);
  if (problem) throw new RoundError(problem, 'invalid');
  if (round.date !== null && !isRoundDate(round.date)) {
    throw new RoundError('a round date is YYYY-MM-DD', 'invalid');
  }
  const rounds = readRounds(doc);
  if (rounds.some((r) => r.label === round.label)) {
    throw new RoundError(`the board already has a round "${round.label}"`, 'exists');
  }
  if (rounds.length >= ROUNDS_MAX) throw new RoundError(`a board holds at most ${ROUNDS_MAX} rounds`, 'full');
  doc.transact(() => {
    meta(doc).set('rounds', [...rounds, { ...round }]);
    meta(doc).set('currentRound', round.label);
    ensureRoundEntries(doc, round.label);
    ensureCommentTexts(doc, round.label, placeIds);
  }, origin);
}

/** Gives every card an entry for the round where it has none (inside the caller's transaction). */
function ensureRoundEntries(doc: Y.Doc, label: string): void {
  for (const card of cardsMap(doc).values()) {
    const followUp = card.get('followUp');
    if (followUp instanceof Y.Map) ensureFollowUpEntry(followUp as Y.Map<unknown>, label);
  }
}

/**
 * Makes an earlier round current again (or, with null, none). Cards made while another round was
 * current get their entry for this one now, before anyone fills them in (entry-map.ts says why).
 */
export function setCurrentRound(doc: Y.Doc, label: string | null, origin: Origin = Origin.server): void {
  if (label !== null && !readRounds(doc).some((round) => round.label === label)) {
    throw new RoundError(`the board has no round "${label}"`, 'unknown');
  }
  doc.transact(() => {
    if (label === null) meta(doc).delete('currentRound');
    else {
      meta(doc).set('currentRound', label);
      ensureRoundEntries(doc, label);
    }
  }, origin);
}

/** The comment text of a place in a round, when there is one (for live binding in the UI). */
export function roundCommentText(doc: Y.Doc, label: string, placeId: string): Y.Text | undefined {
  const rounds = meta(doc).get('roundComments');
  const texts = rounds instanceof Y.Map ? rounds.get(label) : undefined;
  const text = texts instanceof Y.Map ? texts.get(placeId) : undefined;
  return text instanceof Y.Text ? text : undefined;
}

/**
 * Sets a place's comment in a round by the smallest splice. A place added after the round started
 * (a goal the facilitator added to the layout) gets its text made here.
 */
export function setRoundComment(
  doc: Y.Doc,
  label: string,
  placeId: string,
  value: string,
  origin: Origin = Origin.user,
): void {
  const next = value.slice(0, TEXT_FIELD_MAX);
  doc.transact(() => {
    if (!roundCommentText(doc, label, placeId)) ensureCommentTexts(doc, label, [placeId]);
    const text = roundCommentText(doc, label, placeId);
    if (text) replaceText(text, next);
  }, origin);
}

/** A round's comments by place id, non-empty ones only. */
export function readRoundComments(doc: Y.Doc, label: string): Record<string, string> {
  const rounds = meta(doc).get('roundComments');
  const places = rounds instanceof Y.Map ? rounds.get(label) : undefined;
  if (!(places instanceof Y.Map)) return {};
  const entries = [...places.entries()]
    .filter((pair): pair is [string, Y.Text] => pair[1] instanceof Y.Text && pair[1].length > 0)
    .map(([id, text]) => [id, text.toString()] as const);
  return Object.fromEntries(entries);
}

/** Every round's comments (non-empty ones), by round label and place id: what a version keeps of them. */
export function readAllRoundComments(doc: Y.Doc): Record<string, Record<string, string>> {
  return Object.fromEntries(readRounds(doc).map((round) => [round.label, readRoundComments(doc, round.label)]));
}

/**
 * Makes the comments of the board's rounds equal `comments` (a version's), by the
 * smallest splice. Rounds themselves stay as they are (only the server starts them),
 * and a round the board holds no comment texts for is left alone.
 */
export function restoreRoundComments(
  doc: Y.Doc,
  comments: Record<string, Record<string, string>>,
  origin: Origin,
): void {
  const rounds = meta(doc).get('roundComments');
  if (!(rounds instanceof Y.Map)) return;
  for (const { label } of readRounds(doc)) {
    const places = rounds.get(label);
    if (!(places instanceof Y.Map)) continue;
    const wanted = Object.hasOwn(comments, label) ? (comments[label] as Record<string, string>) : {};
    for (const [placeId, text] of places.entries()) {
      const next = Object.hasOwn(wanted, placeId) ? (wanted[placeId] as string) : '';
      if (text instanceof Y.Text && text.toString() !== next) replaceText(text, next.slice(0, TEXT_FIELD_MAX));
    }
    for (const [placeId, text] of Object.entries(wanted)) {
      if (!places.has(placeId)) setRoundComment(doc, label, placeId, text, origin);
    }
  }
}
