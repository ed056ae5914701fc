/**
 * The designer's working copy of a template: what the form edits, with every
 * text as typed (English may be empty, ids may not exist yet), and the two
 * ways between it and a real template. A design starts blank or from a
 * template; `templateFromDesign` turns it back into one, filling empty English
 * from the Swedish text and giving new areas and goals ids no card has used.
 */

import { paletteColorAt } from '../../shared/area-palette.ts';
import { CARD_FIELDS } from '../../shared/fields/card-fields.ts';
import { DEFAULT_TEMPLATE_ID, getTemplate, type Party, type Template } from '../../shared/template.ts';

export interface TextPair {
  sv: string;
  en: string;
}

export interface DesignGoal {
  /** React's key: stable while the goal is edited or moved. */
  key: string;
  /** The goal's template id; null until the design is saved (a new goal). */
  id: string | null;
  title: TextPair;
  direction: TextPair;
}

export interface DesignArea {
  key: string;
  id: string | null;
  title: TextPair;
  description: TextPair;
  color: string;
  colorLight: string;
  /** None: the area takes cards itself. */
  goals: DesignGoal[];
}

export interface DesignParty {
  key: string;
  id: string | null;
  name: string;
  type: Party['type'];
}

export interface DesignItem {
  key: string;
  text: string;
}

export interface Design {
  /** Only when creating a board: its name. */
  boardTitle: string;
  /** The template's name. */
  title: TextPair;
  periodFrom: string;
  periodTo: string;
  areas: DesignArea[];
  parties: DesignParty[];
  targetGroups: DesignItem[];
  /** One per key of the template's fieldLabels, in its order. */
  fieldLabels: { field: string; label: TextPair }[];
  /** The template the design started from: it keeps what the designer does not edit (levels, statuses, id). */
  base: Template | null;
}

let counter = 0;
/** A fresh React key. */
export const newKey = (): string => `k${++counter}`;

const pair = (text?: { sv: string; en: string } | null): TextPair => ({ sv: text?.sv ?? '', en: text?.en ?? '' });

/** The template new designs take levels, field labels and statuses from. */
export function defaultTemplate(): Template {
  return getTemplate(DEFAULT_TEMPLATE_ID) as Template;
}

export function newGoal(): DesignGoal {
  return { key: newKey(), id: null, title: pair(), direction: pair() };
}

/** A new, empty area in the palette colour after the last one's. */
export function newArea(index: number): DesignArea {
  const color = paletteColorAt(index);
  return {
    key: newKey(),
    id: null,
    title: pair(),
    description: pair(),
    color: color.color,
    colorLight: color.colorLight,
    goals: [],
  };
}

export function newParty(): DesignParty {
  return { key: newKey(), id: null, name: '', type: 'kommun' };
}

export function designFromTemplate(template: Template, boardTitle = ''): Design {
  return {
    boardTitle,
    title: pair(template.title),
    periodFrom: String(template.period.from),
    periodTo: String(template.period.to),
    areas: template.focusAreas.map((area) => ({
      key: newKey(),
      id: area.id,
      title: pair(area.title),
      description: pair(area.description),
      color: area.color,
      colorLight: area.colorLight,
      goals: area.goals.map((goal) => ({
        key: newKey(),
        id: goal.id,
        title: pair(goal.title),
        direction: pair(goal.direction),
      })),
    })),
    parties: template.parties.map((party) => ({ key: newKey(), id: party.id, name: party.name, type: party.type })),
    targetGroups: template.suggestedTargetGroups.map((text) => ({ key: newKey(), text })),
    fieldLabels: fieldLabelsOf(template),
    base: template,
  };
}

/**
 * Every card field of the registry (shared/fields/card-fields.ts), labelled as the template labels
 * it or else as the registry does, then any further labels the template has, so a field added to
 * the registry later (Effektmått) can be named in a template made before it.
 */
function fieldLabelsOf(template: Template): Design['fieldLabels'] {
  const own = new Map(Object.entries(template.fieldLabels));
  const fields = CARD_FIELDS.map((field) => ({
    field: field.id as string,
    label: pair(own.get(field.id) ?? field.label),
  }));
  const known = new Set(fields.map((entry) => entry.field));
  return [
    ...fields,
    ...[...own].filter(([id]) => !known.has(id)).map(([field, label]) => ({ field, label: pair(label) })),
  ];
}

/** A blank design: one untitled area without goals, this year, the default template's field labels. */
export function blankDesign(year = new Date().getFullYear()): Design {
  const defaults = defaultTemplate();
  return {
    boardTitle: '',
    title: pair(),
    periodFrom: String(year),
    periodTo: String(year),
    areas: [newArea(0)],
    parties: [],
    targetGroups: [],
    fieldLabels: fieldLabelsOf(defaults),
    base: null,
  };
}

/** Swedish first: an empty English text takes the Swedish one. */
export function fillEnglish(text: TextPair): { sv: string; en: string } {
  const sv = text.sv.trim();
  return { sv, en: text.en.trim() || sv };
}

/** A lower-case slug (template and party ids): letters without accents, digits and hyphens. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Area ids by letter, as the shipped templates have them: A … Z, then AA, AB … */
function letterId(n: number): string {
  let id = '';
  for (let rest = n; rest >= 0; rest = Math.floor(rest / 26) - 1) id = String.fromCharCode(65 + (rest % 26)) + id;
  return id;
}

/**
 * Ids for the design's new areas and goals (existing ones keep theirs, so
 * cards stay where they are). An id the base template had is never handed out
 * again: cards of a removed area must not turn up in a new one.
 */
export function assignIds(design: Design): { areaIds: string[]; goalIds: string[][] } {
  const used = new Set<string>();
  for (const area of design.base?.focusAreas ?? []) {
    used.add(area.id);
    for (const goal of area.goals) used.add(goal.id);
  }
  for (const area of design.areas) {
    if (area.id) used.add(area.id);
    for (const goal of area.goals) if (goal.id) used.add(goal.id);
  }
  const take = (make: (n: number) => string): string => {
    for (let n = 0; ; n++) {
      const id = make(n);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const areaIds = design.areas.map((area) => area.id ?? take(letterId));
  const goalIds = design.areas.map((area, i) => {
    const areaId = areaIds[i] as string;
    // "A" → A1, A2 …; a numbered area ("2") → 2.1, 2.2 … as NSU numbers its goals.
    const joiner = /\d$/.test(areaId) ? '.' : '';
    return area.goals.map((goal) => goal.id ?? take((n) => `${areaId}${joiner}${n + 1}`));
  });
  return { areaIds, goalIds };
}
