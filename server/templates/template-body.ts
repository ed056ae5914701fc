/** A template sent in a request body: checked against the template schema, or 400 naming the broken field. */
import { checkTemplate, type Template } from '../../shared/template.ts';
import { TEMPLATE_BOUNDS } from '../../shared/template-bounds.ts';
import { ApiError } from '../http/errors.ts';

export function templateFromBody(value: unknown, field = 'template'): Template {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, `${field}: expected a board template (a JSON object)`);
  }
  const checked = checkTemplate(value);
  if (!checked.ok) throw new ApiError(400, `${[field, checked.path].filter(Boolean).join('.')}: ${checked.message}`);
  return checked.template;
}

/** What an own template's id gets when it would pass for a template the server offers (README "Templates"). */
const OWN_SUFFIX = '-eget';

/**
 * An own template (a design, an uploaded file, a board's edited layout) under
 * the id of a template the server offers but with other content would pass
 * for that template: its exports would name it, and importing one would lay
 * the plan out on the offered template instead of its own areas. It takes an
 * id of its own: `<id>-eget` (then `-eget-2` …, within the id bound).
 */
export function ownTemplateId(template: Template, offered: (id: string) => Template | undefined): Template {
  const same = offered(template.id);
  if (!same || JSON.stringify(same) === JSON.stringify(template)) return template;
  const base = template.id.slice(0, TEMPLATE_BOUNDS.id - OWN_SUFFIX.length - 4);
  for (let n = 1; ; n++) {
    const id = `${base}${OWN_SUFFIX}${n === 1 ? '' : `-${n}`}`;
    if (!offered(id)) return { ...template, id };
  }
}
