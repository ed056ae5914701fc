/**
 * Swedish wording of the documents and spreadsheets. The exports are read by
 * Swedish working groups, so they speak Swedish whatever the UI language;
 * importers accept these labels and the machine ids alike.
 */
import type { CardStatus, FollowUpStatus, REQUIRED_FOR_AGREED } from '../card-schema.ts';
import type { IndicatorKind } from './schema.ts';

export const CARD_STATUS_LABEL: Record<CardStatus, string> = {
  draft: 'Utkast',
  agreed: 'Överenskommen',
};

export const FOLLOW_UP_STATUS_LABEL: Record<FollowUpStatus, string> = {
  'not-started': 'Ej påbörjad',
  ongoing: 'Pågående',
  done: 'Genomförd',
  cancelled: 'Avslutad – slutar göra',
};

export const INDICATOR_KIND_LABEL: Record<IndicatorKind, string> = {
  yesno: 'Ja/Nej',
  count: 'Antal',
  percent: 'Procent',
  text: 'Text',
};

/** The columns of the plan tables in the Word, Markdown and per-area Excel layout, as in the seed plans. */
export const TABLE_HEADINGS = [
  'Prioriterat område',
  'Aktiviteter',
  'Indikatorer för uppföljning',
  'Ansvar',
  'Målgrupp',
  'Parter',
  'Tidsram',
  'Status',
] as const;

/** The card fields an agreed card needs, as the plan tables name them. */
export const FIELD_LABEL: Record<(typeof REQUIRED_FOR_AGREED)[number], string> = {
  title: 'Rubrik',
  activity: 'Aktivitet',
  responsible: 'Ansvar',
  indicator: 'Indikatorer för uppföljning',
};

/** Sticky notes left on a goal, listed under its table. */
export const NOTES_HEADING = 'Anteckningar';

export const UNPLACED_HEADING = 'Ej placerade aktiviteter';
export const NO_CARDS = 'Inga aktiviteter.';

/** Reverse lookup for importers: a label or id (any case) → the id, or undefined. */
export function fromLabel<T extends string>(labels: Record<T, string>, value: string): T | undefined {
  const wanted = value.trim().toLocaleLowerCase('sv');
  for (const [id, label] of Object.entries(labels) as [T, string][]) {
    if (id.toLocaleLowerCase('sv') === wanted || label.toLocaleLowerCase('sv') === wanted) return id;
  }
  return undefined;
}
