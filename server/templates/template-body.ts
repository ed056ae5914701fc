/** A template sent in a request body: checked against the template schema, or 400 naming the broken field. */
import { checkTemplate, type Template } from '../../shared/template.ts';
import { ApiError } from '../http/errors.ts';

export function templateFromBody(value: unknown, field = 'template'): Template {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, `${field}: expected a board template (a JSON object)`);
  }
  const checked = checkTemplate(value);
  if (!checked.ok) throw new ApiError(400, `${[field, checked.path].filter(Boolean).join('.')}: ${checked.message}`);
  return checked.template;
}
