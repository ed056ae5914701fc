/**
 * Plan data → a fresh board document. Every card goes through the accessors
 * in card.ts with Origin.import. A card whose goal (or focus area) the
 * template does not know lands in "unplaced" (goalId null): an import never
 * drops a card.
 */
import * as Y from 'yjs';
import { cardsMap, initBoardDoc, isSourceBoard, metaMap, Origin, setPlanPeriod } from '../board-doc.ts';
import { createCard, setFollowUp, setVote } from '../card.ts';
import { type CardDecision, writeDecisions } from '../decisions/decisions.ts';
import { TEXT_FIELDS } from '../fields/card-fields.ts';
import { randomId } from '../ids.ts';
import { placeIds, type Template } from '../template.ts';
import { planFieldValue, textOf } from './field-values.ts';
import { yearRange } from './period.ts';
import { localized } from './plan-shell.ts';
import { writePlanRounds } from './rounds-to-doc.ts';
import type { PlanCard, PlanData } from './schema.ts';

export interface ToDocOptions {
  /** Board title; defaults to the plan's, then to the template's short title. */
  title?: string;
  /** When the new board is created (tests pass a fixed one). */
  now?: Date;
  /** Participant id the imported vote totals are recorded under. */
  votesBy?: string;
  /** An empty document to write into (e.g. a sync room's), instead of a new one. */
  doc?: Y.Doc;
}

/** Where each card of a plan goes on a board of `template`, in plan order. */
export function placeCards(plan: PlanData, template: Template): { goalId: string | null; card: PlanCard }[] {
  const known = placeIds(template);
  const place = (id: string) => (known.has(id) ? id : null);
  return [
    // The order of the exports: an area's own cards, then its goals' cards.
    ...plan.focusAreas.flatMap((area) => [
      ...area.cards.map((card) => ({ goalId: place(area.id), card })),
      ...area.goals.flatMap((goal) => goal.cards.map((card) => ({ goalId: place(goal.id), card }))),
    ]),
    ...plan.unplaced.map((card) => ({ goalId: null, card })),
  ];
}

/** The focus areas and goals of a plan that hold cards but are not on `template`, with how many cards each holds. */
export function unknownPlaces(plan: PlanData, template: Template): { id: string; cards: number }[] {
  const known = placeIds(template);
  return plan.focusAreas
    .flatMap((area) => [
      { id: area.id, cards: area.cards.length },
      ...area.goals.map((g) => ({ id: g.id, cards: g.cards.length })),
    ])
    .filter((place) => place.cards > 0 && !known.has(place.id));
}

/** Template party ids for the names a plan lists; names outside the register stay free names. */
function partyKeys(names: string[], template: Template): string[] {
  return names.map((name) => {
    const wanted = name.trim().toLocaleLowerCase('sv');
    const party = template.parties.find((p) => p.name.toLocaleLowerCase('sv') === wanted || p.id === name.trim());
    return party ? party.id : name.trim();
  });
}

/** Writes a plan into a new board document of `template`. */
export function planToDoc(plan: PlanData, template: Template, options: ToDocOptions = {}): Y.Doc {
  const doc = options.doc ?? new Y.Doc();
  if (metaMap(doc).size > 0 || cardsMap(doc).size > 0) {
    throw new Error('planToDoc writes into an empty board document only');
  }
  const now = options.now ?? new Date();
  const title = options.title?.trim() || plan.board.title.trim() || localized(template.shortTitle, template.locale);
  initBoardDoc(doc, {
    title,
    templateId: template.id,
    templateVersion: template.version,
    createdAt: now.toISOString(),
    template,
  });
  const defaultPeriod = yearRange(template.period.from, template.period.to);
  const { from, to } = plan.board.planPeriod;
  if (from !== defaultPeriod.from || to !== defaultPeriod.to) setPlanPeriod(doc, { from, to }, Origin.import);

  const usedIds = new Set<string>();
  const decisions = new Map<string, CardDecision>();
  doc.transact(() => {
    // Position within the import is the order: the plan's arrays are already in board order.
    placeCards(plan, template).forEach(({ goalId, card }, index) => {
      // Keep the file's ids (they trace a card across exports) unless one repeats.
      const id = usedIds.has(card.id) ? randomId(16) : card.id;
      usedIds.add(id);
      createCard(
        doc,
        {
          id,
          goalId,
          order: index + 1,
          status: card.status,
          // Every author is kept: the first as the creator, the others beside it (follow-up writers
          // among them are written again with their entries; the export lists each name once).
          createdBy: card.authors[0] ?? '',
          coAuthors: card.authors.slice(1),
          createdAt: card.createdAt ?? now.toISOString(),
          fields: Object.fromEntries(TEXT_FIELDS.map((f) => [f.id, textOf(f.plan.kind, planFieldValue(card, f))])),
          parties: partyKeys(card.parties, template),
        },
        Origin.import,
      );
      for (const entry of card.followUp) {
        setFollowUp(
          doc,
          id,
          entry.period,
          {
            status: entry.status,
            comment: entry.comment,
            effect: entry.effect,
            updatedAt: entry.updatedAt ?? now.toISOString(),
            updatedBy: entry.updatedBy,
            indicators: Object.fromEntries(entry.indicators.map((indicator) => [indicator.text, indicator.value])),
          },
          Origin.import,
        );
      }
      if (card.decision) decisions.set(id, card.decision);
      if (card.votes !== 0) setVote(doc, id, options.votesBy ?? 'import', card.votes, Origin.import);
    });
    const source = plan.board.source;
    if (source && isSourceBoard(source)) metaMap(doc).set('source', { id: source.id, title: source.title });
    // As the file has them: the import is the server's own write of these server-owned maps.
    writeDecisions(doc, decisions, plan.decisions, Origin.import);
    // After the cards: starting a round gives each card that has no entry for it yet an empty one.
    writePlanRounds(doc, plan, template, now);
  }, Origin.import);
  return doc;
}
