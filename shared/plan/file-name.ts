/** Download file names: `samverkansplan-<slugified board title>-<YYYY-MM-DD>.<ext>`. */

const SLUG_MAX = 60;

/** "Samverkansplan Håbo 2025!" → "samverkansplan-habo-2025": ASCII, so every file system and mail client keeps it. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // the marks NFKD split off: å → a, ö → o, é → e
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, SLUG_MAX)
      .replace(/-+$/, '') || 'tavla'
  );
}

/** The calendar date of `at` where the plans are made (a midnight export is dated the Swedish day, not UTC's). */
export function localDate(at: Date, timeZone = 'Europe/Stockholm'): string {
  // sv-SE formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function planFileName(boardTitle: string, at: Date, extension: string, timeZone?: string): string {
  // Most boards are titled "Samverkansplan …"; the prefix is not repeated.
  const slug = slugify(boardTitle).replace(/^samverkansplan(-|$)/, '') || 'tavla';
  return `samverkansplan-${slug}-${localDate(at, timeZone)}.${extension}`;
}
