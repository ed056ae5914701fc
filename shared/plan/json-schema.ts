/** The published JSON Schema of plan data, generated from the zod schema so the two never disagree. */
import { z } from 'zod';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION, PlanSchema } from './schema.ts';

/**
 * Fields with a default are what a minor version added (1.1's notes and
 * warnings): exports always write them, but an older 1.x file lacks them and
 * is still valid, so they are not required. Everything else stays strict
 * (zod's output view: no unknown fields).
 */
function defaultsOptional({ jsonSchema }: { jsonSchema: Record<string, unknown> }): void {
  const properties = jsonSchema.properties as Record<string, { default?: unknown }> | undefined;
  const required = jsonSchema.required as string[] | undefined;
  if (!properties || !required) return;
  jsonSchema.required = required.filter((key) => properties[key]?.default === undefined);
}

/** The JSON Schema (draft 2020-12) every JSON export validates against, and every 1.x file. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    $id: `urn:samtavla:schema:${PLAN_FORMAT}:${PLAN_FORMAT_VERSION}`,
    ...z.toJSONSchema(PlanSchema, { target: 'draft-2020-12', override: defaultsOptional }),
  };
}
