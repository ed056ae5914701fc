/**
 * The wording of the follow-up report. Swedish by default, as the plan
 * exports; English when the report is asked for in English.
 */
import type { RoundStatus } from '../plan/follow-up-counts.ts';

export type ReportLang = 'sv' | 'en';
export const REPORT_LANGS: readonly ReportLang[] = ['sv', 'en'];

export interface ReportLabels {
  title: string;
  status: Record<RoundStatus, string>;
  round: string;
  previousRound: string;
  area: string;
  card: string;
  comment: string;
  effect: string;
  indicators: string;
  total: string;
  roundComment: string;
  unplaced: string;
  noCards: string;
  summarySheet: string;
  place: string;
  noRounds: string;
}

export const REPORT_LABELS: Record<ReportLang, ReportLabels> = {
  sv: {
    title: 'Uppföljning',
    status: {
      'not-started': 'Ej påbörjad',
      ongoing: 'Pågående',
      done: 'Genomförd',
      cancelled: 'Avslutad – slutar göra',
      none: 'Ej uppföljd',
    },
    round: 'Omgång',
    previousRound: 'Föregående omgång',
    area: 'Fokusområde',
    card: 'Aktivitet',
    comment: 'Kommentar',
    effect: 'Effekt',
    indicators: 'Indikatorer',
    total: 'Totalt',
    roundComment: 'Kommentar för omgången',
    unplaced: 'Ej placerade aktiviteter',
    noCards: 'Inga aktiviteter.',
    summarySheet: 'Sammanställning',
    place: 'Område/mål',
    noRounds: 'Ingen uppföljningsomgång',
  },
  en: {
    title: 'Follow-up',
    status: {
      'not-started': 'Not started',
      ongoing: 'Ongoing',
      done: 'Done',
      cancelled: 'Cancelled – stop doing',
      none: 'Not followed up',
    },
    round: 'Round',
    previousRound: 'Previous round',
    area: 'Focus area',
    card: 'Activity',
    comment: 'Comment',
    effect: 'Effect',
    indicators: 'Indicators',
    total: 'Total',
    roundComment: 'Comment for the round',
    unplaced: 'Unplaced activities',
    noCards: 'No activities.',
    summarySheet: 'Summary',
    place: 'Area/goal',
    noRounds: 'No follow-up round',
  },
};

/** The regional roll-up's own words (its Word document and workbook), beside the report's. */
export interface RollupWords {
  title: string;
  places: string;
  parties: string;
  party: string;
  plans: string;
  boards: string;
  board: string;
  cards: string;
  missing: string;
}

export const ROLLUP_WORDS: Record<ReportLang, RollupWords> = {
  sv: {
    title: 'Regional sammanställning',
    places: 'Per mål',
    parties: 'Per part',
    party: 'Part',
    plans: 'Planer',
    boards: 'Tavlor',
    board: 'Tavla',
    cards: 'Aktiviteter',
    missing: 'saknas i tavlans mall',
  },
  en: {
    title: 'Regional roll-up',
    places: 'By goal',
    parties: 'By party',
    party: 'Party',
    plans: 'Plans',
    boards: 'Boards',
    board: 'Board',
    cards: 'Activities',
    missing: "not in the board's template",
  },
};

/** An indicator value in words: yes/no, a number, or the text. */
export function indicatorText(value: boolean | number | string | null, lang: ReportLang): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return lang === 'sv' ? (value ? 'Ja' : 'Nej') : value ? 'Yes' : 'No';
  return String(value);
}
