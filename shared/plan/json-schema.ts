/** The published JSON Schema of plan data, generated from the zod schema so the two never disagree. */
import { z } from 'zod';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION, PlanSchema } from './schema.ts';

/** The JSON Schema (draft 2020-12) every JSON export validates against. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    $id: `urn:samtavla:schema:${PLAN_FORMAT}:${PLAN_FORMAT_VERSION}`,
    ...z.toJSONSchema(PlanSchema, { target: 'draft-2020-12' }),
  };
}
