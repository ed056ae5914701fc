/** Bounds of follow-up rounds, shared by the editor, the board contract and plan data. */

/**
 * Follow-up periods on one card ("2025", "2025 H1" …), so rounds on one board, and the length
 * of their labels. Defined here, with no imports, so the REST contract (shared/api.ts, loaded
 * by the home page) can bound a round's label without loading the card schema.
 */
export const FOLLOW_UP_PERIODS_MAX = 50;
export const FOLLOW_UP_LABEL_MAX = 32;
export { FOLLOW_UP_LABEL_MAX as ROUND_LABEL_MAX, FOLLOW_UP_PERIODS_MAX as ROUNDS_MAX };
/** The longest indicator wording a value is filed under (longer wordings are cut for the key). */
export const INDICATOR_KEY_MAX = 500;
/** An indicator's value in words ("Ja, i fyra av åtta kommuner"). */
export const INDICATOR_VALUE_MAX = 500;
/** Focus areas and goals one round takes comments on (far above any template's). */
export const ROUND_PLACES_MAX = 500;
/** Indicators of one card that take a value in a round. */
export const INDICATOR_VALUES_MAX = 50;
