/**
 * Realistic activity cards for the card e2e tests and the table benchmark:
 * rows of the 2019 NSU plan (test/fixtures/nsu-2019-plan.json), written into a
 * board by a plain Yjs client, as an import would.
 */
import { readFileSync } from 'node:fs';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, type NewCard } from '../../shared/card.ts';
import { connectClient, waitFor } from '../helpers/server.ts';

export interface PlanRow {
  id: string;
  goalId: string;
  targetGroup: string | null;
  priorityArea: string;
  activity: string;
  indicator: string;
  responsible: string;
  period: string;
}

export function nsuRows(): PlanRow[] {
  const url = new URL('../fixtures/nsu-2019-plan.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { rows: PlanRow[] }).rows;
}

/** A short card title from an activity text: its first sentence, cut at a word near 60 characters. */
export function titleFrom(activity: string): string {
  const sentence = activity.split(/(?<=\.)\s/)[0] ?? activity;
  if (sentence.length <= 64) return sentence.replace(/\.$/, '');
  const cut = sentence.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}

/** A plan row as a new card; `index` varies parties and status so the board looks like a real workshop. */
const EFFECTS = [
  'Fler elever når gymnasiebehörighet; mäts som andel behöriga i årskurs 9, jämfört med 2018.',
  'Färre avbrott i gymnasiet; mäts som andel som slutför inom fyra år.',
  'Fler unga vuxna i arbete eller studier; mäts i kommunens uppföljning av aktivitetsansvaret.',
];

export function cardFromRow(row: PlanRow, index: number): NewCard {
  const parties = index % 3 === 2 ? ['uppsala'] : ['region-uppsala', 'uppsala'];
  return {
    id: row.id.replace(/\./g, '-'),
    goalId: row.goalId,
    createdBy: 'Import NSU 2019',
    createdAt: new Date(Date.UTC(2019, 0, 1, 0, 0, index)).toISOString(),
    status: index % 4 === 1 ? 'agreed' : 'draft',
    fields: {
      title: titleFrom(row.activity),
      priorityArea: row.priorityArea,
      activity: row.activity,
      indicator: row.indicator,
      // The 2019 plans had no Effektmått; some cards get one, as a group writing one in 2025 would.
      effectMeasure: index % 2 === 0 ? EFFECTS[(index / 2) % EFFECTS.length] : '',
      responsible: row.responsible,
      targetGroup: row.targetGroup ?? '',
      period: row.period,
    },
    parties,
  };
}

/** Writes cards into a board through the server and waits until a second client sees them all. */
export async function seedCards(baseUrl: string, boardId: string, cards: readonly NewCard[]): Promise<void> {
  const writer = connectClient(baseUrl, boardId);
  await writer.synced;
  writer.doc.transact(() => {
    for (const card of cards) createCard(writer.doc, card);
  });
  const reader = connectClient(baseUrl, boardId);
  try {
    await reader.synced;
    await waitFor('the seeded cards on a second client', () => cardsMap(reader.doc).size >= cards.length, 20_000);
  } finally {
    reader.destroy();
    writer.destroy();
  }
}
