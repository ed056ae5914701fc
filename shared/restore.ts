/**
 * Restoring plan content: make a board's cards equal those of another
 * document (a saved version) or bring one deleted card back, through the card
 * accessors. The result is ordinary edits in one transaction, so it reaches
 * everyone live and merges with concurrent typing: a text field the restore
 * changes gets the smallest edit that makes it equal, and what the restore does
 * not touch stays as the typist left it.
 */
import * as Y from 'yjs';
import { cardsMap, type Origin, type PlanPeriodMeta, readPlanPeriod, setPlanPeriod } from './board-doc.ts';
import { storedBoardTemplate } from './board-template.ts';
import {
  createCard,
  deleteCard,
  getCardMap,
  moveCard,
  readCard,
  readCards,
  setCardOrder,
  setCardParty,
  setCardText,
  setFollowUp,
  setVote,
} from './card.ts';
import { CARD_TEXT_FIELDS, type Card } from './card-schema.ts';
import { clearFollowUpEntry } from './follow-up/entry-map.ts';
import { readRounds } from './follow-up/round-meta.ts';
import { readAllRoundComments, restoreRoundComments } from './follow-up/rounds.ts';
import type { Template } from './template.ts';

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a restore makes a board equal to: its cards and its own plan period, and
 * the layout (its own template copy, null for older boards), which only the
 * server writes, as an edit of its own.
 */
export interface BoardContent {
  cards: Card[];
  planPeriod: PlanPeriodMeta | null;
  template: Template | null;
  /** Round label → place id → comment (non-empty ones); the rounds themselves stay as they are. */
  roundComments: Record<string, Record<string, string>>;
}

export const readContent = (doc: Y.Doc): BoardContent => ({
  cards: readCards(doc),
  planPeriod: readPlanPeriod(doc),
  template: storedBoardTemplate(doc),
  roundComments: readAllRoundComments(doc),
});

/** Writes `card` over the live card of the same id (which must exist, as `current` reads), field by field. */
function overwriteCard(doc: Y.Doc, card: Card, origin: Origin, current = readCard(doc, card.id)): void {
  const map = getCardMap(doc, card.id);
  if (!current || !map) return;
  for (const field of CARD_TEXT_FIELDS) setCardText(doc, card.id, field, card[field], origin);
  moveCard(doc, card.id, card.goalId, origin);
  if (current.order !== card.order) setCardOrder(doc, card.id, card.order, origin);
  if (!sameJson(current.coAuthors, card.coAuthors)) {
    if (card.coAuthors.length > 0) map.set('coAuthors', card.coAuthors);
    else map.delete('coAuthors');
  }
  // Status as it was, even "agreed": the version was agreed as it stands.
  if (current.status !== card.status) map.set('status', card.status);
  for (const party of current.parties)
    if (!card.parties.includes(party)) setCardParty(doc, card.id, party, false, origin);
  for (const party of card.parties)
    if (!current.parties.includes(party)) setCardParty(doc, card.id, party, true, origin);
  const followUp = map.get('followUp');
  if (followUp instanceof Y.Map) {
    // A round's entry is emptied in place, not taken away: everyone filling the round in shares that map.
    const rounds = new Set(readRounds(doc).map((round) => round.label));
    for (const label of Object.keys(current.followUp)) {
      if (Object.hasOwn(card.followUp, label)) continue;
      const entry = followUp.get(label);
      if (rounds.has(label) && entry instanceof Y.Map) clearFollowUpEntry(entry as Y.Map<unknown>);
      else followUp.delete(label);
    }
  }
  for (const [label, entry] of Object.entries(card.followUp)) {
    if (!sameJson(current.followUp[label], entry)) setFollowUp(doc, card.id, label, entry, origin);
  }
  for (const participant of Object.keys(current.votes)) {
    // Own keys only: a vote key is a client's ("toString" names no inherited vote).
    if (!Object.hasOwn(card.votes, participant)) setVote(doc, card.id, participant, 0, origin);
  }
  for (const [participant, votes] of Object.entries(card.votes)) {
    if (current.votes[participant] !== votes) setVote(doc, card.id, participant, votes, origin);
  }
}

/**
 * A card kept before the registry had all of today's fields (a deleted card in the trash, read
 * back from JSON): what it lacks is empty, as the migration would have made it.
 */
function withEveryField(card: Card): Card {
  const full: Card = { ...card, coAuthors: Array.isArray(card.coAuthors) ? card.coAuthors : [] };
  for (const field of CARD_TEXT_FIELDS) if (typeof full[field] !== 'string') full[field] = '';
  return full;
}

/** Creates `card` with its id and every field, or overwrites the live card of that id. */
export function putCard(doc: Y.Doc, kept: Card, origin: Origin): void {
  const card = withEveryField(kept);
  doc.transact(() => {
    if (!cardsMap(doc).has(card.id)) {
      createCard(
        doc,
        {
          id: card.id,
          goalId: card.goalId,
          createdBy: card.createdBy,
          coAuthors: card.coAuthors,
          createdAt: card.createdAt,
          order: card.order,
          status: card.status,
          fields: Object.fromEntries(CARD_TEXT_FIELDS.map((field) => [field, card[field]])),
          parties: card.parties,
        },
        origin,
      );
    }
    overwriteCard(doc, card, origin);
  }, origin);
}

/**
 * Makes the cards (and plan period) of `doc` equal `content`'s (a version's),
 * in one transaction. `cards` are doc's as they are, when the caller has read them.
 */
export function restoreContent(doc: Y.Doc, content: BoardContent, origin: Origin, cards = readCards(doc)): void {
  const keep = new Set(content.cards.map((card) => card.id));
  const live = new Map(cards.map((card) => [card.id, card]));
  doc.transact(() => {
    for (const id of [...cardsMap(doc).keys()]) if (!keep.has(id)) deleteCard(doc, id, origin);
    for (const card of content.cards) {
      const current = live.get(card.id);
      if (!current) putCard(doc, card, origin);
      // Reading every card once and skipping the equal ones keeps a restore of a few changes cheap.
      else if (!sameJson(current, card)) overwriteCard(doc, card, origin, current);
    }
    if (!sameJson(readPlanPeriod(doc), content.planPeriod)) setPlanPeriod(doc, content.planPeriod, origin);
    restoreRoundComments(doc, content.roundComments, origin);
  }, origin);
}
