/**
 * The strings of the canvas navigation (overview, zoom to a focus area, the
 * heading of the strip of unplaced cards),
 * Swedish first; messages.ts merges them into its tables (the English table
 * is typed against the Swedish one, so a key missing in either fails `tsc`).
 */
export const navigationSv = {
  'nav.label': 'Visa på tavlan',
  'nav.overview': 'Översikt',
  'nav.overviewHint': 'Visa hela tavlan',
  'nav.area': 'Zooma till fokusområde {id}: {title}',
  'nav.unplacedHeading': 'Ej placerade aktiviteter',
  'nav.unplacedHint': 'Aktiviteter utan mål. Dra en hit för att ta den ur sitt mål.',
};

export const navigationEn: Record<keyof typeof navigationSv, string> = {
  'nav.label': 'Show on the board',
  'nav.overview': 'Overview',
  'nav.overviewHint': 'Show the whole board',
  'nav.area': 'Zoom to focus area {id}: {title}',
  'nav.unplacedHeading': 'Unplaced activities',
  'nav.unplacedHint': 'Activities without a goal. Drop one here to take it out of its goal.',
};
