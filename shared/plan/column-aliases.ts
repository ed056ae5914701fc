/**
 * Column headings an importer recognises, per flat-table column: our own export
 * headings, the card editor's and the templates' field labels, the headings of
 * the hand-written plans ("Aktiviteter 2019", "Ansvar aktivitet") and English
 * labels. Matching ignores case, spacing and a trailing year or colon, so
 * "Aktiviteter 2019", "aktiviteter" and "AKTIVITETER:" are one heading.
 */
import { COLUMNS } from './flat.ts';

const ALIASES: Record<string, readonly string[]> = {
  focusAreaId: ['fokusområde-id', 'fokusområdes-id', 'focus area id', 'focusareaid'],
  focusArea: ['fokusområde', 'focus area'],
  goalId: ['delmål-id', 'mål-id', 'goal id', 'goalid'],
  goal: ['delmål', 'mål', 'goal'],
  id: ['kort-id', 'card id', 'id'],
  title: ['rubrik', 'titel', 'title'],
  priorityArea: ['prioriterat område', 'prioriterade områden', 'priority area'],
  activity: ['aktivitet', 'aktiviteter', 'activity', 'activities'],
  indicators: [
    'indikatorer för uppföljning',
    'indikator för uppföljning',
    'indikatorer',
    'indikator',
    'indicators',
    'indicator',
    'indicator for follow-up',
    'indicators for follow-up',
  ],
  indicatorKinds: ['indikatortyp', 'indicator kind'],
  responsible: ['ansvar', 'ansvar aktivitet', 'ansvar för aktivitet', 'ansvarig', 'responsible'],
  targetGroups: ['målgrupp', 'målgrupper', 'target group', 'target groups'],
  parties: ['parter', 'huvudmän/parter', 'huvudmän', 'parties', 'principals/parties'],
  period: ['tidsram', 'tidsperiod', 'time frame', 'period'],
  periodFrom: ['tidsram från', 'time frame from'],
  periodTo: ['tidsram till', 'time frame to'],
  status: ['status'],
  votes: ['röster', 'votes'],
  authors: ['författare', 'authors', 'skapad av', 'created by'],
  createdAt: ['skapad', 'created', 'created at'],
  planTitle: ['plan', 'plan title'],
  planPeriod: ['planperiod', 'plan period'],
};

/** A heading as it is compared: lower case, single spaces, no trailing year or colon. */
export function normalizeHeading(heading: string): string {
  return heading
    .toLocaleLowerCase('sv')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:$/, '')
    .replace(/ (19|20)\d\d$/, '')
    .trim();
}

const BY_HEADING = new Map<string, string>();
for (const column of COLUMNS) {
  for (const name of [column.header, column.key, ...aliasesOf(column.key)]) {
    BY_HEADING.set(normalizeHeading(name), column.key);
  }
}

/** The flat-table column key a heading names, or undefined for a heading Samtavla does not know. */
export function columnForHeading(heading: string): string | undefined {
  return BY_HEADING.get(normalizeHeading(heading));
}

/** Every accepted heading of a column (for the README and tests). */
export function aliasesOf(key: string): readonly string[] {
  // Own keys only: "__proto__" or "constructor" name no column.
  return (Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined) ?? [];
}
