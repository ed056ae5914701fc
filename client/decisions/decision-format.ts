/** A decision's time as people read it, in the interface language ("2 dec. 2026 20:05"). */
import type { Language } from '../i18n/messages.ts';

export const decisionWhen = (iso: string, lang: Language): string =>
  new Date(iso).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
