/**
 * Swedish wording of the documents and spreadsheets. The exports are read by
 * Swedish working groups, so they speak Swedish whatever the UI language;
 * importers accept these labels and the machine ids alike.
 */
import type { CardStatus, FollowUpStatus, RequiredField } from '../card-schema.ts';
import { DOCUMENT_FIELDS, REQUIRED_FIELDS } from '../fields/card-fields.ts';
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

/** The last column of every plan table: the card's status (and follow-up statuses). */
export const STATUS_HEADING = 'Status';

/**
 * The columns of the plan tables in the Word, Markdown and per-area Excel layout, as in the seed plans:
 * the registry's fields with a document column, in registry order, then the status.
 */
export const TABLE_HEADINGS: readonly string[] = [...DOCUMENT_FIELDS.map((f) => f.document.heading), STATUS_HEADING];

/** The card fields an agreed card needs, as the flat table names them. */
export const FIELD_LABEL = Object.fromEntries(REQUIRED_FIELDS.map((f) => [f.id, f.column.header])) as Record<
  RequiredField,
  string
>;

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
