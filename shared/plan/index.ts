/**
 * Plan data: export and import of a board as a "samverkansplan".
 *
 *   exportPlan(doc, template, format, options) → { body, contentType, fileName, plan }
 *   importPlan(bytes, fileNameOrFormat, options) → PlanData   (throws ImportError)
 *   planToDoc(plan, template, options) → Y.Doc                 (a fresh board)
 *
 * Everything here runs in Node and in the browser.
 */
export {
  ImportError,
  type ImportErrorCode,
  type ImportErrorLocation,
  MAX_IMPORT_BYTES,
  MAX_XLSX_COLUMNS,
  MAX_XLSX_ENTRIES,
  MAX_XLSX_ROWS,
  MAX_XLSX_UNCOMPRESSED_BYTES,
} from './errors.ts';
export { localDate, planFileName, slugify } from './file-name.ts';
export {
  EXPORT_FORMATS,
  type ExportOptions,
  type ExportResult,
  exportPlan,
  isPlanFormat,
  PLAN_FORMATS,
  type PlanFormat,
  type PlanWriter,
  writePlan,
} from './formats.ts';
export {
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportOptions,
  importFormat,
  importPlan,
  importPlanAndTemplate,
} from './import.ts';
export { guessIndicatorKind } from './indicators.ts';
export { planJsonSchema } from './json-schema.ts';
export { parsePeriodLabel } from './period.ts';
export {
  type FollowUp,
  INDICATOR_KINDS,
  type Indicator,
  type IndicatorKind,
  PLAN_FORMAT,
  PLAN_FORMAT_VERSION,
  type PlanCard,
  type PlanData,
  type PlanFocusArea,
  type PlanGoal,
  PlanSchema,
} from './schema.ts';
export { placeCards, planToDoc, type ToDocOptions, unknownPlaces } from './to-doc.ts';
export { docToPlan, type ToPlanOptions } from './to-plan.ts';
