/** Restore as a domain operation: the document ends with exactly the version's plan content. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardsMap, initBoardDoc, Origin, setPlanPeriod } from '../../shared/board-doc.ts';
import {
  createCard,
  deleteCard,
  moveCard,
  readCard,
  setCardParty,
  setCardStatus,
  setCardText,
  setFollowUp,
  setVote,
} from '../../shared/card.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { putCard, readContent, restoreContent } from '../../shared/restore.ts';
import { getTemplate, type Template } from '../../shared/template.ts';

const found = getTemplate('hsvo-2024-2026');
if (!found) throw new Error('template missing');
const template: Template = found;
const NOW = new Date('2026-03-12T14:00:00Z');

function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, {
    title: 'Plan Heby',
    templateId: template.id,
    templateVersion: template.version,
    createdAt: '2026-01-01',
  });
  return doc;
}

const copy = (doc: Y.Doc): Y.Doc => {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
};

const plan = (doc: Y.Doc) => docToPlan(doc, template, { now: NOW });

describe('restoreContent', () => {
  it('undoes every kind of difference: added, removed, edited, moved cards, parties, status, follow-up, votes, period', () => {
    const doc = board();
    createCard(doc, {
      id: 'kept',
      goalId: 'A1',
      createdBy: 'Karin',
      fields: {
        title: 'Föräldraträffar',
        activity: 'Träffar varje termin',
        responsible: 'Heby',
        indicator: 'Antal träffar',
      },
      parties: ['heby'],
    });
    createCard(doc, { id: 'removed-later', goalId: 'B1', createdBy: 'Per', fields: { title: 'Hembesök' } });
    setFollowUp(doc, 'kept', '2025', { status: 'ongoing', comment: 'Två träffar', effect: '', updatedBy: 'Karin' });
    setVote(doc, 'kept', 'p1', 2);
    const version = copy(doc);
    const expected = plan(version);

    createCard(doc, { id: 'added-later', goalId: 'C1', createdBy: 'Ola', fields: { title: 'Ny' } });
    deleteCard(doc, 'removed-later');
    setCardText(doc, 'kept', 'title', 'Föräldraträffar i skolan');
    setCardText(doc, 'kept', 'activity', '');
    moveCard(doc, 'kept', 'D1');
    setCardParty(doc, 'kept', 'heby', false);
    setCardParty(doc, 'kept', 'tierp', true);
    setCardStatus(doc, 'kept', 'agreed');
    setFollowUp(doc, 'kept', '2025', { status: 'done', comment: 'Klart', effect: 'Bra', updatedBy: 'Ola' });
    setFollowUp(doc, 'kept', '2026', { status: 'not-started', comment: '', effect: '', updatedBy: 'Ola' });
    setVote(doc, 'kept', 'p1', 0);
    setVote(doc, 'kept', 'p2', 5);
    setPlanPeriod(doc, { from: '2026-01-01', to: '2026-12-31' });
    expect(plan(doc)).not.toEqual(expected);

    restoreContent(doc, readContent(version), Origin.server);
    expect(plan(doc)).toEqual(expected);
    expect(readCard(doc, 'removed-later')?.title).toBe('Hembesök');
  });

  it('takes away follow-up rounds and votes the version lacks, whatever their client-chosen names', () => {
    const doc = board();
    createCard(doc, { id: 'c', goalId: 'A1', createdBy: 'Karin', fields: { title: 'Samverkan' } });
    const version = copy(doc);
    // Names an object inherits: a check with `in` would take them for the version's own.
    setFollowUp(doc, 'c', 'toString', { status: 'done', comment: 'Klart', effect: '', updatedBy: 'Ola' });
    setFollowUp(doc, 'c', '__proto__', { status: 'ongoing', comment: 'Pågår', effect: '', updatedBy: 'Ola' });
    setVote(doc, 'c', 'constructor', 3);
    expect(Object.keys(readCard(doc, 'c')?.followUp ?? {}).sort()).toEqual(['__proto__', 'toString']);
    restoreContent(doc, readContent(version), Origin.server);
    expect(readCard(doc, 'c')?.followUp).toEqual({});
    expect(readCard(doc, 'c')?.votes).toEqual({});
  });

  it('is one transaction, and concurrent typing elsewhere in a field survives it', () => {
    const doc = board();
    createCard(doc, {
      id: 'c',
      goalId: 'A1',
      createdBy: 'Karin',
      fields: { title: 'Samverkan', activity: 'Gemensam plan' },
    });
    const version = copy(doc);
    setCardText(doc, 'c', 'title', 'Samverkan kring barn');
    const typist = copy(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    restoreContent(doc, readContent(version), Origin.server);
    expect(transactions).toBe(1);
    // Meanwhile someone typed in the activity, which the restore does not change.
    setCardText(typist, 'c', 'activity', 'Gemensam plan för hela länet');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(typist));
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(doc));
    expect(readCard(doc, 'c')?.title).toBe('Samverkan');
    expect(readCard(doc, 'c')?.activity).toBe('Gemensam plan för hela länet');
    expect(readCard(typist, 'c')).toEqual(readCard(doc, 'c'));
  });

  it('puts a deleted card back with every field', () => {
    const doc = board();
    createCard(doc, {
      id: 'gone',
      goalId: 'B2',
      createdBy: 'Per',
      fields: { title: 'Digitala besök', indicator: 'Antal\nAndel' },
      parties: ['region'],
    });
    setFollowUp(doc, 'gone', '2025', { status: 'ongoing', comment: 'Pågår', effect: '', updatedBy: 'Per' });
    const card = readCard(doc, 'gone');
    if (!card) throw new Error('no card');
    deleteCard(doc, 'gone');
    expect(cardsMap(doc).has('gone')).toBe(false);
    putCard(doc, card, Origin.server);
    expect(readCard(doc, 'gone')).toEqual(card);
  });
});

describe('putCard of a card kept before today’s fields', () => {
  it('brings back a trashed card that lacks Effektmått and co-authors, with them empty', () => {
    const doc = board();
    const kept = JSON.parse(
      JSON.stringify({
        id: 'old',
        goalId: 'A1',
        status: 'draft',
        order: 1,
        createdAt: '2025-01-01T00:00:00.000Z',
        createdBy: 'Anna',
        title: 'Från papperskorgen',
        priorityArea: '',
        activity: 'Samtal',
        indicator: '',
        responsible: '',
        targetGroup: '',
        period: '',
        parties: [],
        followUp: {},
        votes: {},
      }),
    );
    putCard(doc, kept, Origin.server);
    expect(readCard(doc, 'old')).toMatchObject({ title: 'Från papperskorgen', effectMeasure: '', coAuthors: [] });
    // Put again over the live card: nothing missing to write over either.
    putCard(doc, kept, Origin.server);
    expect(readCard(doc, 'old')?.activity).toBe('Samtal');
  });

  it('keeps the co-authors of a card it restores', () => {
    const doc = board();
    createCard(doc, { id: 'c', goalId: 'A1', createdBy: 'Anna', coAuthors: ['Bo', 'Cecilia'] });
    const card = readCard(doc, 'c');
    if (!card) throw new Error('no card');
    deleteCard(doc, 'c');
    putCard(doc, card, Origin.server);
    expect(readCard(doc, 'c')?.coAuthors).toEqual(['Bo', 'Cecilia']);
    putCard(doc, { ...card, coAuthors: [] }, Origin.server);
    expect(readCard(doc, 'c')?.coAuthors).toEqual([]);
  });
});
