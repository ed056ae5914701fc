/**
 * Indicator lines and their kind. The wording is always kept verbatim; the
 * kind is only a guess from the conventions of real plans ("(Ja/Nej)",
 * "Antal …", "(procent)"), so a reader can pre-shape a follow-up form.
 */
import { splitIndicators } from '../card-schema.ts';
import type { Indicator, IndicatorKind } from './schema.ts';

// An explicit answer format wins over words in the sentence: "Andel … (Ja/Nej)" is still a yes/no question.
const YES_NO = /\b(ja\s*\/\s*nej|yes\s*\/\s*no)\b/i;
const PERCENT = /%|\bprocent|\bandel(en)?\b|\bpercent|\bshare of\b|\bproportion\b/i;
const COUNT = /\bantal(et)?\b|\bnumber of\b|\bcount\b/i;

export function guessIndicatorKind(text: string): IndicatorKind {
  if (YES_NO.test(text)) return 'yesno';
  if (PERCENT.test(text)) return 'percent';
  if (COUNT.test(text)) return 'count';
  return 'text';
}

/** A card's indicator field as one indicator a line. */
export function toIndicators(field: string): Indicator[] {
  return splitIndicators(field).map((text) => ({ text, kind: guessIndicatorKind(text) }));
}
