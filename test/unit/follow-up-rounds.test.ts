/** Follow-up rounds in the board document (README "Follow-up rounds"): starting, switching, filling in at once. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardsMap, Origin } from '../../shared/board-doc.ts';
import { createCard, readCard } from '../../shared/card.ts';
import { readFollowUp } from '../../shared/follow-up/entry-map.ts';
import {
  resetFollowUpEntry,
  setFollowUpStatus,
  setFollowUpText,
  setIndicatorValue,
} from '../../shared/follow-up/follow-up-entry.ts';
import { ROUNDS_MAX } from '../../shared/follow-up/round-limits.ts';
import { type BoardRound, currentRoundLabel, readRounds } from '../../shared/follow-up/round-meta.ts';
import {
  RoundError,
  readRoundComments,
  setCurrentRound,
  setRoundComment,
  startRound,
} from '../../shared/follow-up/rounds.ts';
import { readContent, restoreContent } from '../../shared/restore.ts';
import { emptyBoard } from './plan-helpers.ts';

const round = (label: string, date: string | null = null): BoardRound => ({
  label,
  date,
  startedAt: '2025-03-01T10:00:00.000Z',
  startedBy: 'Fia',
});

function kindOf(run: () => void): RoundError['kind'] | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof RoundError) return error.kind;
    throw error;
  }
}

/** Sends each document's updates to the other as they happen, as the server's relay would. */
function relayBothWays(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
}

/** The Y.Map of a card's entry in the round (not its reading). */
const entryOf = (doc: Y.Doc, cardId: string): unknown =>
  (cardsMap(doc).get(cardId)?.get('followUp') as Y.Map<unknown> | undefined)?.get('Uppföljning 2025');

describe('round lifecycle', () => {
  it('starts rounds, refuses a repeated or bad label and a full board, and switches the current one', () => {
    const doc = emptyBoard();
    createCard(doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna' });
    startRound(doc, round('Uppföljning 2025', '2025-11-30'), ['A', 'A1']);
    expect(readRounds(doc)).toEqual([round('Uppföljning 2025', '2025-11-30')]);
    expect(currentRoundLabel(doc)).toBe('Uppföljning 2025');
    // Every card has the round's entry at once, blank (so not read as an answer).
    const followUp = cardsMap(doc).get('c1')?.get('followUp') as Y.Map<unknown>;
    expect(followUp.get('Uppföljning 2025')).toBeInstanceOf(Y.Map);
    expect(readCard(doc, 'c1')?.followUp).toEqual({});

    expect(kindOf(() => startRound(doc, round('Uppföljning 2025'), []))).toBe('exists');
    expect(kindOf(() => startRound(doc, round(' padded '), []))).toBe('invalid');
    expect(kindOf(() => startRound(doc, round('x', '30/11/2025'), []))).toBe('invalid');
    expect(readRounds(doc)).toHaveLength(1);

    startRound(doc, round('Uppföljning 2026'), []);
    expect(currentRoundLabel(doc)).toBe('Uppföljning 2026');
    setCurrentRound(doc, 'Uppföljning 2025');
    expect(currentRoundLabel(doc)).toBe('Uppföljning 2025');
    setCurrentRound(doc, null);
    expect(currentRoundLabel(doc)).toBeNull();
    expect(kindOf(() => setCurrentRound(doc, 'Uppföljning 1999'))).toBe('unknown');

    for (let n = readRounds(doc).length; n < ROUNDS_MAX; n++) startRound(doc, round(`R${n}`), []);
    expect(kindOf(() => startRound(doc, round('One too many'), []))).toBe('full');
    expect(readRounds(doc)).toHaveLength(ROUNDS_MAX);
  });

  it('gives a card made during a round that round’s entry', () => {
    const doc = emptyBoard();
    startRound(doc, round('Uppföljning 2025'), []);
    createCard(doc, { id: 'late', goalId: 'A1', createdBy: 'Anna' });
    const followUp = cardsMap(doc).get('late')?.get('followUp') as Y.Map<unknown>;
    expect([...followUp.keys()]).toEqual(['Uppföljning 2025']);
  });

  it('gives a card made under a later round its entry when an earlier round is made current again', () => {
    const doc = emptyBoard();
    startRound(doc, round('Uppföljning 2025'), []);
    startRound(doc, round('Uppföljning 2026'), []);
    createCard(doc, { id: 'late', goalId: 'A1', createdBy: 'Anna' });
    setCurrentRound(doc, 'Uppföljning 2025');
    const followUp = cardsMap(doc).get('late')?.get('followUp') as Y.Map<unknown>;
    expect([...followUp.keys()].sort()).toEqual(['Uppföljning 2025', 'Uppföljning 2026']);
    // So two people filling it in now edit one entry: both fields survive.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    relayBothWays(doc, other);
    doc.transact(() => setFollowUpStatus(doc, 'late', 'Uppföljning 2025', 'ongoing', 'Anna'));
    setFollowUpText(other, 'late', 'Uppföljning 2025', 'comment', 'Startat', 'Bo');
    expect(readCard(doc, 'late')?.followUp['Uppföljning 2025']).toMatchObject({
      status: 'ongoing',
      comment: 'Startat',
    });
  });

  it('keeps round comments per place, non-empty ones only when read', () => {
    const doc = emptyBoard();
    startRound(doc, round('Uppföljning 2025'), ['A', 'A1']);
    setRoundComment(doc, 'Uppföljning 2025', 'A1', 'Bra år');
    // A goal added after the round started gets its text when first written.
    setRoundComment(doc, 'Uppföljning 2025', 'A9', 'Nytt delmål');
    expect(readRoundComments(doc, 'Uppföljning 2025')).toEqual({ A1: 'Bra år', A9: 'Nytt delmål' });
  });
});

describe('filling a round in at once', () => {
  it('keeps one person’s status and another’s comment on the same card', () => {
    const a = emptyBoard();
    createCard(a, { id: 'c1', goalId: 'A1', createdBy: 'Anna' });
    startRound(a, round('Uppföljning 2025'), []);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    // Offline from each other: both write into the entry the round start made.
    setFollowUpStatus(a, 'c1', 'Uppföljning 2025', 'done', 'Anna');
    setFollowUpText(b, 'c1', 'Uppföljning 2025', 'comment', 'Klart i alla skolor', 'Bo');
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, fromA);
    Y.applyUpdate(a, fromB);

    for (const doc of [a, b]) {
      const entry = readCard(doc, 'c1')?.followUp['Uppföljning 2025'];
      expect(entry?.status).toBe('done');
      expect(entry?.comment).toBe('Klart i alla skolor');
    }
    expect(readCard(a, 'c1')).toEqual(readCard(b, 'c1'));
  });

  it('merges two people typing in the same comment', () => {
    const a = emptyBoard();
    createCard(a, { id: 'c1', goalId: 'A1', createdBy: 'Anna' });
    startRound(a, round('Uppföljning 2025'), []);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    relayBothWays(a, b);
    setFollowUpText(a, 'c1', 'Uppföljning 2025', 'comment', 'Start.', 'Anna');
    const offlineA = new Y.Doc();
    Y.applyUpdate(offlineA, Y.encodeStateAsUpdate(a));
    setFollowUpText(offlineA, 'c1', 'Uppföljning 2025', 'comment', 'Start. Anna', 'Anna');
    setFollowUpText(b, 'c1', 'Uppföljning 2025', 'comment', 'Bo: Start.', 'Bo');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(offlineA));
    expect(readCard(a, 'c1')?.followUp['Uppföljning 2025']?.comment).toBe('Bo: Start. Anna');
    expect(readCard(b, 'c1')?.followUp['Uppföljning 2025']?.comment).toBe('Bo: Start. Anna');
  });
});

describe('readFollowUp', () => {
  it('omits blank entries and reads one with words but no status as not started', () => {
    const followUp = new Y.Doc().getMap<unknown>('followUp');
    const blank = new Y.Map<unknown>();
    blank.set('comment', new Y.Text());
    followUp.set('Tom', blank);
    const words = new Y.Map<unknown>();
    words.set('effect', new Y.Text('Färre avhopp'));
    followUp.set('Ord', words);
    expect(readFollowUp(followUp)).toEqual({
      Ord: { status: 'not-started', comment: '', effect: 'Färre avhopp', indicators: {}, updatedAt: '', updatedBy: '' },
    });
  });
});

describe('setting a card back to not followed up', () => {
  it('empties its entry in place, so the card counts as having none in the round', () => {
    const doc = emptyBoard();
    createCard(doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna', fields: { indicator: 'Andel elever' } });
    startRound(doc, round('Uppföljning 2025'), ['A', 'A1']);
    setFollowUpStatus(doc, 'c1', 'Uppföljning 2025', 'done', 'Bo');
    setFollowUpText(doc, 'c1', 'Uppföljning 2025', 'comment', 'Klart', 'Bo');
    setIndicatorValue(doc, 'c1', 'Uppföljning 2025', 'Andel elever', 62, 'Bo');
    const entry = entryOf(doc, 'c1');

    resetFollowUpEntry(doc, 'c1', 'Uppföljning 2025');
    expect(readCard(doc, 'c1')?.followUp).toEqual({});
    expect(entryOf(doc, 'c1')).toBe(entry);
    // Filled in again afterwards, it reads as a fresh entry.
    setFollowUpStatus(doc, 'c1', 'Uppföljning 2025', 'ongoing', 'Anna');
    expect(readCard(doc, 'c1')?.followUp['Uppföljning 2025']).toMatchObject({ status: 'ongoing', comment: '' });
  });
});

describe('restoring a version during a round', () => {
  it('brings back indicator values and round comments, and empties a later entry in place', () => {
    const doc = emptyBoard();
    createCard(doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna', fields: { indicator: 'Andel elever' } });
    createCard(doc, { id: 'c2', goalId: 'A1', createdBy: 'Anna' });
    startRound(doc, round('Uppföljning 2025'), ['A', 'A1']);
    setIndicatorValue(doc, 'c1', 'Uppföljning 2025', 'Andel elever', 62, 'Bo');
    setRoundComment(doc, 'Uppföljning 2025', 'A1', 'Bra start');
    const version = readContent(doc);

    setIndicatorValue(doc, 'c1', 'Uppföljning 2025', 'Andel elever', 70, 'Bo');
    setRoundComment(doc, 'Uppföljning 2025', 'A1', 'Ändrat');
    setRoundComment(doc, 'Uppföljning 2025', 'A', 'Ny kommentar');
    setFollowUpStatus(doc, 'c2', 'Uppföljning 2025', 'done', 'Bo');
    const entryOfC2 = entryOf(doc, 'c2');

    restoreContent(doc, version, Origin.server);
    expect(readCard(doc, 'c1')?.followUp['Uppföljning 2025']?.indicators).toEqual({ 'Andel elever': 62 });
    expect(readRoundComments(doc, 'Uppföljning 2025')).toEqual({ A1: 'Bra start' });
    expect(readCard(doc, 'c2')?.followUp).toEqual({});
    // The same map as before: whoever fills the card in next still shares it.
    expect(entryOf(doc, 'c2')).toBe(entryOfC2);
  });
});
