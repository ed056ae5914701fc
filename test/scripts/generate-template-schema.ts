/**
 * Regenerates shared/template.schema.json from the zod schema.
 * Run after changing shared/template.ts:  npm run schema
 * (test/unit/template-json-schema.test.ts fails while the committed file is stale.)
 */
import { writeFileSync } from 'node:fs';
import { templateJsonSchema } from '../../shared/template-json-schema.ts';

const target = new URL('../../shared/template.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(templateJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
