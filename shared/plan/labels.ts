/**
 * Wording of the documents and spreadsheets. Swedish by default (the working
 * groups are Swedish); English when an export is asked for in English (`lang`,
 * README "Export and import"). Importers accept both languages' labels and the
 * machine ids alike. The Swedish constants below are the Swedish words.
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

export type PlanLang = 'sv' | 'en';
export const PLAN_LANGS: readonly PlanLang[] = ['sv', 'en'];
export const isPlanLang = (value: string): value is PlanLang => (PLAN_LANGS as readonly string[]).includes(value);

/** Every word an export writes that is not the board's or the template's own text. */
export interface PlanWords {
  cardStatus: Record<CardStatus, string>;
  followUpStatus: Record<FollowUpStatus, string>;
  indicatorKind: Record<IndicatorKind, string>;
  /** The plan-table columns (TABLE_HEADINGS in this language). */
  tableHeadings: readonly string[];
  fieldLabel: Record<RequiredField, string>;
  /** "Överenskommen, men saknar: Ansvar": an agreed card that lacks fields. */
  agreedMissing: (fields: string[]) => string;
  notes: string;
  unplaced: string;
  noCards: string;
  /** The document title of a board without one. */
  untitled: string;
  planPeriod: string;
  parties: string;
  vision: string;
  contents: string;
  /** A goal's direction, when the template names none. */
  direction: string;
  /** The Word footer's "sida 2 av 9". */
  page: string;
  of: string;
  /** The Word document's language tag, and the locale of dates written for people. */
  locale: 'sv-SE' | 'en-GB';
  /** A card's decision line ("Beslut …") and the decision log's heading and columns. */
  decision: string;
  decisionLog: string;
  decisionLogHeadings: readonly [string, string, string, string, string];
}

/** English plan-table headings where the field's English label is not the heading (the Swedish ones are plural there). */
const EN_DOCUMENT_HEADING: Record<string, string> = {
  activity: 'Activities',
  indicator: 'Indicators for follow-up',
};

export const PLAN_WORDS: Record<PlanLang, PlanWords> = {
  sv: {
    cardStatus: CARD_STATUS_LABEL,
    followUpStatus: FOLLOW_UP_STATUS_LABEL,
    indicatorKind: INDICATOR_KIND_LABEL,
    tableHeadings: TABLE_HEADINGS,
    fieldLabel: FIELD_LABEL,
    agreedMissing: (fields) => `Överenskommen, men saknar: ${fields.join(', ')}`,
    notes: NOTES_HEADING,
    unplaced: UNPLACED_HEADING,
    noCards: NO_CARDS,
    untitled: 'Samverkansplan',
    planPeriod: 'Planperiod',
    parties: 'Parter',
    vision: 'Målbild',
    contents: 'Innehåll',
    direction: 'Inriktning',
    page: 'sida',
    of: 'av',
    locale: 'sv-SE',
    decision: 'Beslut',
    decisionLog: 'Beslutslogg',
    decisionLogHeadings: ['När', 'Vem', 'Aktivitet', 'Beslut', 'Anteckning'],
  },
  en: {
    cardStatus: { draft: 'Draft', agreed: 'Agreed' },
    followUpStatus: {
      'not-started': 'Not started',
      ongoing: 'Ongoing',
      done: 'Done',
      cancelled: 'Cancelled – stop doing',
    },
    indicatorKind: { yesno: 'Yes/No', count: 'Count', percent: 'Percent', text: 'Text' },
    tableHeadings: [...DOCUMENT_FIELDS.map((f) => EN_DOCUMENT_HEADING[f.id] ?? f.label.en), 'Status'],
    fieldLabel: Object.fromEntries(REQUIRED_FIELDS.map((f) => [f.id, f.label.en])) as Record<RequiredField, string>,
    agreedMissing: (fields) => `Agreed, but missing: ${fields.join(', ')}`,
    notes: 'Notes',
    unplaced: 'Unplaced activities',
    noCards: 'No activities.',
    untitled: 'Collaboration plan',
    planPeriod: 'Plan period',
    parties: 'Parties',
    vision: 'Vision',
    contents: 'Contents',
    direction: 'Direction',
    page: 'page',
    of: 'of',
    locale: 'en-GB',
    decision: 'Decision',
    decisionLog: 'Decision log',
    decisionLogHeadings: ['When', 'Who', 'Activity', 'Decision', 'Note'],
  },
};

/** The words of an export language; Swedish when none is asked for. */
export const planWords = (lang: PlanLang = 'sv'): PlanWords => PLAN_WORDS[lang];

/** Reverse lookup for importers: a label or id (any case) → the id, or undefined. */
export function fromLabel<T extends string>(labels: Record<T, string>, value: string): T | undefined {
  const wanted = value.trim().toLocaleLowerCase('sv');
  for (const [id, label] of Object.entries(labels) as [T, string][]) {
    if (id.toLocaleLowerCase('sv') === wanted || label.toLocaleLowerCase('sv') === wanted) return id;
  }
  return undefined;
}

/** `fromLabel` over the labels of every export language: a Swedish or an English file reads the same. */
export function fromAnyLabel<T extends string>(
  pick: (words: PlanWords) => Record<T, string>,
  value: string,
): T | undefined {
  for (const lang of PLAN_LANGS) {
    const id = fromLabel(pick(PLAN_WORDS[lang]), value);
    if (id !== undefined) return id;
  }
  return undefined;
}
