/**
 * Regenerates shared/plan/samverkansplan.schema.json from the zod schema.
 * Run after changing shared/plan/schema.ts:  npx node test/scripts/generate-plan-schema.ts
 * (test/unit/plan-json-schema.test.ts fails while the committed file is stale.)
 */
import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../../shared/plan/json-schema.ts';

const target = new URL('../../shared/plan/samverkansplan.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
