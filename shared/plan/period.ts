/**
 * Time frames. A card's period is free text; when it reads as a year, a year
 * range or a date range, the plan data adds its first and last day, so
 * consumers can filter by date without parsing Swedish.
 */
import type { Period } from './schema.ts';

export interface DateRange {
  from: string;
  to: string;
}

const YEAR = /^(\d{4})$/;
const YEAR_RANGE = /^(\d{4})\s*[-–—]\s*(\d{4})$/;
// Dates contain hyphens, so between two dates only a spaced hyphen, a dash or a word separates them.
const DATE_RANGE = /^(\d{4}-\d{2}-\d{2})\s*(?:\s-\s|–|—|\btill\b|\bto\b)\s*(\d{4}-\d{2}-\d{2})$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

export const yearRange = (from: number, to: number): DateRange => ({ from: `${from}-01-01`, to: `${to}-12-31` });

/** The first and last day a period label names, or null when it names none. */
export function parsePeriodLabel(label: string): DateRange | null {
  const trimmed = label.trim();
  const year = YEAR.exec(trimmed);
  if (year) return yearRange(Number(year[1]), Number(year[1]));
  const years = YEAR_RANGE.exec(trimmed);
  if (years && Number(years[1]) <= Number(years[2])) return yearRange(Number(years[1]), Number(years[2]));
  const dates = DATE_RANGE.exec(trimmed);
  if (dates?.[1] && dates[2] && isIsoDate(dates[1]) && isIsoDate(dates[2]) && dates[1] <= dates[2]) {
    return { from: dates[1], to: dates[2] };
  }
  return null;
}

export function toPeriod(label: string): Period {
  const range = parsePeriodLabel(label);
  return { label, from: range?.from ?? null, to: range?.to ?? null };
}

const EN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * "2024–2026" for whole calendar years, else "2025-03-01 – 2025-06-30" (Swedish
 * writes dates so), in English "1 March 2025 – 30 June 2025".
 */
export function formatPlanPeriod(range: DateRange, lang: 'sv' | 'en' = 'sv'): string {
  const from = range.from.slice(0, 4);
  const to = range.to.slice(0, 4);
  if (range.from.endsWith('-01-01') && range.to.endsWith('-12-31')) return from === to ? from : `${from}–${to}`;
  if (lang === 'en' && isIsoDate(range.from) && isIsoDate(range.to)) {
    return `${EN_DATE.format(new Date(`${range.from}T00:00:00Z`))} – ${EN_DATE.format(new Date(`${range.to}T00:00:00Z`))}`;
  }
  return `${range.from} – ${range.to}`;
}
