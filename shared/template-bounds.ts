/**
 * The bounds of a board template, in one place: the template schema
 * (template.ts) enforces them for every template — built-in, from
 * TEMPLATES_DIR, sent to POST /api/boards or PUT /api/boards/:id/template —
 * so a hostile or mistaken template cannot make a board too wide to draw or
 * its meta too large to sync. The designer reads them for its own limits.
 */
export const TEMPLATE_BOUNDS = {
  focusAreas: 12,
  goalsPerArea: 24,
  parties: 300,
  targetGroups: 100,
  fieldLabels: 40,
  followUpStatuses: 20,
  lanesPerGoal: 20,
  /** Ids of areas, goals, parties and the template itself (cards store a goal id of at most 64). */
  id: 64,
  /** Titles of the template, its areas and goals (a goal's title can be a long sentence). */
  title: 500,
  /** Names and labels: parties, target groups, level and field labels, statuses, lanes. */
  label: 200,
  /** A goal's direction, an area's description, the vision. */
  text: 2_000,
  /** A goal's free note. */
  note: 2_000,
  locale: 16,
  version: 32,
} as const;
