/** JSON export: the plan data itself, two-space indented, ending in a newline. */
import type { PlanData } from './schema.ts';

export function writeJson(plan: PlanData): string {
  // Key order is the schema's (every plan is built field by field in that order), so output is stable.
  return `${JSON.stringify(plan, null, 2)}\n`;
}
