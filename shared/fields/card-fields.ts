/**
 * The card field registry: every field a person fills in on an activity card,
 * defined once. The card editor, the table view, the card face, the server's
 * document contract, the board-document migration and every export and import
 * are driven from this list (README "Card fields"). To add a field, add an
 * entry here (and, when it is a new Y.Text, bump SCHEMA_VERSION in
 * board-doc.ts so older boards get it, and the plan format's minor version).
 *
 * Plain data on purpose: the client bundle loads it, so no zod and no Yjs here.
 */

/** How a field's text is held in plan data (shared/plan/field-values.ts converts). */
export type PlanKind = 'text' | 'lines' | 'indicators' | 'period' | 'parties';

export interface CardFieldDef {
  /** The key in the card's Y.Map, in `Card` and in template `fieldLabels`. */
  id: string;
  /** Y.Text merges concurrent typing character by character; parties are a Y.Map of name → true. */
  yjs: 'Y.Text' | 'Y.Map';
  /** The key in plan data (PlanCard) and how its value is shaped there. */
  plan: { key: string; kind: PlanKind; description?: string; since?: string };
  /** Fallback labels for the UI; a template's `fieldLabels[id]` overrides them. */
  label: { sv: string; en: string };
  /** Most characters (Y.Text) or entries (Y.Map). */
  max: number;
  requiredForAgreed: boolean;
  /** How the editor and the table show it: one line, a line that wraps, or several lines. */
  input: 'line' | 'wrap' | 'multiline' | 'parties';
  /** The table view's input, when its narrow cell wants another than the editor's. */
  tableInput?: 'multiline' | 'wrap';
  /** A hint under the input, in both UI languages. */
  hint?: { sv: string; en: string };
  /** The template list the input suggests values from (a <datalist>). */
  suggestFrom?: 'suggestedTargetGroups';
  /** The flat table (CSV, XLSX "Alla"): its heading, and every other heading an import accepts. */
  column: { header: string; aliases: readonly string[] };
  /**
   * Its column in the plan tables (Word, Markdown, per-area Excel sheets, the
   * table view), with its width in characters; `merge` joins repeated values
   * down the rows in Word, within one value of another field when `within` is set.
   * Without it the field is shown inside another column (the title above the activity).
   */
  document?: { heading: string; width: number; merge?: { within?: string } };
  /** Shown as a labelled line on the card's reading face (the card has room for few). */
  face?: boolean;
  /** The board schemaVersion that added the field: older boards get it by migration. */
  since?: number;
}

export const TITLE_MAX = 200;
export const TEXT_FIELD_MAX = 5_000;
/** Party names on one card (the Y.Map's entries). */
export const PARTIES_MAX = 50;

export const CARD_FIELDS = [
  {
    id: 'title',
    yjs: 'Y.Text',
    plan: { key: 'title', kind: 'text' },
    label: { sv: 'Rubrik', en: 'Title' },
    max: TITLE_MAX,
    requiredForAgreed: true,
    input: 'line',
    tableInput: 'wrap',
    column: { header: 'Rubrik', aliases: ['rubrik', 'titel', 'title'] },
  },
  {
    id: 'priorityArea',
    yjs: 'Y.Text',
    plan: { key: 'priorityArea', kind: 'text' },
    label: { sv: 'Prioriterat område', en: 'Priority area' },
    max: TEXT_FIELD_MAX,
    requiredForAgreed: false,
    input: 'multiline',
    column: { header: 'Prioriterat område', aliases: ['prioriterat område', 'prioriterade områden', 'priority area'] },
    document: { heading: 'Prioriterat område', width: 26, merge: {} },
  },
  {
    id: 'activity',
    yjs: 'Y.Text',
    plan: { key: 'activity', kind: 'text' },
    label: { sv: 'Aktivitet', en: 'Activity' },
    max: TEXT_FIELD_MAX,
    requiredForAgreed: true,
    input: 'multiline',
    column: { header: 'Aktivitet', aliases: ['aktivitet', 'aktiviteter', 'activity', 'activities'] },
    document: { heading: 'Aktiviteter', width: 40 },
  },
  {
    id: 'indicator',
    yjs: 'Y.Text',
    plan: { key: 'indicators', kind: 'indicators' },
    label: { sv: 'Indikator för uppföljning', en: 'Indicator for follow-up' },
    max: TEXT_FIELD_MAX,
    requiredForAgreed: true,
    input: 'multiline',
    hint: { sv: 'En indikator per rad.', en: 'One indicator a line.' },
    column: {
      header: 'Indikatorer för uppföljning',
      aliases: [
        'indikatorer för uppföljning',
        'indikator för uppföljning',
        'indikatorer',
        'indikator',
        'indicators',
        'indicator',
        'indicator for follow-up',
        'indicators for follow-up',
      ],
    },
    document: { heading: 'Indikatorer för uppföljning', width: 34 },
  },
  {
    id: 'effectMeasure',
    yjs: 'Y.Text',
    plan: {
      key: 'effectMeasure',
      kind: 'text',
      description: 'The effect the activity is meant to have, and how it is measured (effektmått). Since 1.2.',
      since: '1.2',
    },
    label: { sv: 'Effektmått', en: 'Effect measure' },
    max: TEXT_FIELD_MAX,
    requiredForAgreed: false,
    input: 'multiline',
    hint: {
      sv: 'Vilken effekt aktiviteten ska ge, och hur den mäts.',
      en: 'The effect the activity is meant to have, and how it is measured.',
    },
    column: { header: 'Effektmått', aliases: ['effektmått', 'effekt mått', 'förväntad effekt', 'effect measure'] },
    document: { heading: 'Effektmått', width: 26 },
    since: 2,
  },
  {
    id: 'responsible',
    yjs: 'Y.Text',
    plan: { key: 'responsible', kind: 'text' },
    label: { sv: 'Ansvar', en: 'Responsible' },
    max: TEXT_FIELD_MAX,
    requiredForAgreed: true,
    input: 'line',
    tableInput: 'multiline',
    column: {
      header: 'Ansvar',
      aliases: ['ansvar', 'ansvar aktivitet', 'ansvar för aktivitet', 'ansvarig', 'responsible'],
    },
    document: { heading: 'Ansvar', width: 22, merge: { within: 'priorityArea' } },
    face: true,
  },
  {
    id: 'targetGroup',
    yjs: 'Y.Text',
    plan: { key: 'targetGroups', kind: 'lines', description: 'One target group a line of the card field.' },
    label: { sv: 'Målgrupp', en: 'Target group' },
    max: TEXT_FIELD_MAX,
    requiredForAgreed: false,
    input: 'line',
    hint: { sv: 'Välj ur listan eller skriv egen.', en: 'Pick from the list or type your own.' },
    suggestFrom: 'suggestedTargetGroups',
    column: { header: 'Målgrupp', aliases: ['målgrupp', 'målgrupper', 'target group', 'target groups'] },
    document: { heading: 'Målgrupp', width: 18 },
  },
  {
    id: 'parties',
    yjs: 'Y.Map',
    plan: {
      key: 'parties',
      kind: 'parties',
      description: 'Party names; those of the template register first, in register order.',
    },
    label: { sv: 'Parter', en: 'Parties' },
    max: PARTIES_MAX,
    requiredForAgreed: false,
    input: 'parties',
    column: { header: 'Parter', aliases: ['parter', 'huvudmän/parter', 'huvudmän', 'parties', 'principals/parties'] },
    document: { heading: 'Parter', width: 24 },
  },
  {
    id: 'period',
    yjs: 'Y.Text',
    plan: { key: 'period', kind: 'period' },
    label: { sv: 'Tidsram', en: 'Time frame' },
    max: TEXT_FIELD_MAX,
    requiredForAgreed: false,
    input: 'line',
    column: { header: 'Tidsram', aliases: ['tidsram', 'tidsperiod', 'time frame', 'period'] },
    document: { heading: 'Tidsram', width: 14 },
  },
] as const satisfies readonly CardFieldDef[];

export type CardField = (typeof CARD_FIELDS)[number];
export type CardFieldId = CardField['id'];

/** The fields stored as Y.Text, in registry order. */
export type CardTextFieldDef = Extract<CardField, { yjs: 'Y.Text' }>;
export const TEXT_FIELDS = CARD_FIELDS.filter((f): f is CardTextFieldDef => f.yjs === 'Y.Text');

/** The fields an agreed card needs, in registry order. */
export type RequiredFieldDef = Extract<CardField, { requiredForAgreed: true }>;
export const REQUIRED_FIELDS = CARD_FIELDS.filter((f): f is RequiredFieldDef => f.requiredForAgreed);

/** The fields with a column of their own in the plan tables, in table order. */
export type DocumentFieldDef = Extract<CardField, { document: object }>;
export const DOCUMENT_FIELDS = CARD_FIELDS.filter((f): f is DocumentFieldDef => 'document' in f);

/** A field by its id, or undefined (own ids only: "constructor" names no field). */
export function cardField(id: string): CardField | undefined {
  return CARD_FIELDS.find((f) => f.id === id);
}
