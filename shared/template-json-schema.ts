/**
 * The published JSON Schema of the board-template format, generated from the
 * zod schema (template.ts) so the two never disagree. Input view: members the
 * schema does not name (a built-in's `source` notes, say) are allowed and
 * ignored, as the server ignores them. Not expressible here, and still checked
 * by the server: area and goal ids are unique within a template.
 */
import { z } from 'zod';
import { TemplateSchema } from './template.ts';

export const TEMPLATE_SCHEMA_ID = 'urn:samtavla:schema:board-template:1';

export function templateJsonSchema(): Record<string, unknown> {
  return {
    $id: TEMPLATE_SCHEMA_ID,
    title: 'Samtavla board template',
    ...z.toJSONSchema(TemplateSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
  };
}
