/**
 * XML 1.0 cannot hold most control characters or unpaired surrogates, and the
 * XLSX/DOCX libraries write text as is, so one pasted control character would
 * make Word or Excel refuse the whole file. Those writers get a cleaned copy.
 */
import type { PlanData } from './schema.ts';

// Tab, newline and carriage return are allowed; a surrogate without its partner is matched by the lookarounds.
const INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafeText = (value: string): string => value.replace(INVALID, '');

/** Whether any string inside `value` holds a character XML cannot. */
function needsCleaning(value: unknown): boolean {
  if (typeof value === 'string') {
    INVALID.lastIndex = 0;
    return INVALID.test(value);
  }
  if (Array.isArray(value)) return value.some(needsCleaning);
  if (value !== null && typeof value === 'object') return Object.values(value).some(needsCleaning);
  return false;
}

/** The plan with every string cleaned: a copy when something needed cleaning (rarely), else the plan itself. */
export function xmlSafePlan(plan: PlanData): PlanData {
  if (!needsCleaning(plan)) return plan;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return xmlSafeText(value);
    if (Array.isArray(value)) return value.map(clean);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]));
    }
    return value;
  };
  return clean(plan) as PlanData;
}
