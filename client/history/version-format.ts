/**
 * How the history panel words a version: its time in the interface language,
 * its title, and its change summary ("3 tillagda, 1 borttagen, 2 ändrade")
 * with one line per focus area in template order. Pure, tested without a browser.
 */
import type { Template } from '../../shared/template.ts';
import type { BoardVersion, ChangeCounts } from '../api/history.ts';
import type { Language, MessageKey, MessageParams } from '../i18n/messages.ts';

type T = (key: MessageKey, params?: MessageParams) => string;

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "12 mars 14:05" (with the year when it is not this year's); `timeZone` is for tests. */
export function formatWhen(iso: string, lang: Language, options: { now?: Date; timeZone?: string } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const { timeZone } = options;
  const thisYear = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d);
  const sameYear = thisYear(date) === thisYear(options.now ?? new Date());
  const day = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(date);
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
  return `${day} ${time}`;
}

/** The version's name, or "Automatisk version". */
export function versionTitle(version: Pick<BoardVersion, 'name' | 'auto'>, t: T): string {
  return version.name.trim() || t('history.auto');
}

/** "3 tillagda, 1 borttagen, 2 ändrade"; zero counts are left out, and nothing at all is ''. */
export function countsText(counts: ChangeCounts, t: T): string {
  const parts: string[] = [];
  const add = (n: number, one: MessageKey, many: MessageKey) => {
    if (n > 0) parts.push(n === 1 ? t(one) : t(many, { count: n }));
  };
  add(counts.added, 'summary.addedOne', 'summary.added');
  add(counts.removed, 'summary.removedOne', 'summary.removed');
  add(counts.changed, 'summary.changedOne', 'summary.changed');
  return parts.join(', ');
}

export interface AreaLine {
  areaId: string;
  text: string;
}

/**
 * One line per focus area that changed, in template order: "Fokusområde A: 2 tillagda".
 * Keys the template does not know (cards under no goal) come last, as "Ej placerade".
 */
export function areaLines(
  areas: Record<string, ChangeCounts>,
  template: Template,
  t: T,
  pick: (text: Template['focusAreas'][number]['title']) => string,
): AreaLine[] {
  const lines: AreaLine[] = [];
  const known = new Set<string>();
  for (const area of template.focusAreas) {
    known.add(area.id);
    const counts = areas[area.id];
    const text = counts ? countsText(counts, t) : '';
    if (text)
      lines.push({
        areaId: area.id,
        text: t('summary.area', { area: `${area.id} ${pick(area.title)}`, summary: text }),
      });
  }
  for (const [key, counts] of Object.entries(areas)) {
    if (known.has(key)) continue;
    const text = countsText(counts, t);
    if (text) lines.push({ areaId: key, text: t('summary.unplaced', { summary: text }) });
  }
  return lines;
}
