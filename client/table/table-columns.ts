/**
 * The table view's field columns: the plan-table fields of the registry, but
 * with the activity (title + activity text, the row header) first. A row
 * header leads its row, and a row just added has the caret in its title: with
 * the documents' order (Prioriterat område first) Tab went forward from the
 * title and never reached the column before it. Exports keep the documents'
 * order (shared/fields/card-fields.ts).
 */
import { DOCUMENT_FIELDS } from '../../shared/fields/card-fields.ts';

export const TABLE_FIELDS = [
  ...DOCUMENT_FIELDS.filter((field) => field.id === 'activity'),
  ...DOCUMENT_FIELDS.filter((field) => field.id !== 'activity'),
];

/** Cells after the row header: the other field columns, then status and the row's controls. */
export const CELLS_AFTER_ACTIVITY = TABLE_FIELDS.length - 1 + 2;
