/**
 * The template a board is laid out on. A board keeps its own copy in
 * `meta.template` (written by the server at creation and by layout edits), so
 * editing or removing a template later never changes an existing board.
 * Boards made before that have only `meta.templateId`: they fall back to the
 * built-in template of that id.
 */
import type * as Y from 'yjs';
import { metaMap } from './board-doc.ts';
import { getTemplate, type Template, TemplateSchema } from './template.ts';

/** Parsed copies by the stored value: the value object stays the same until meta.template is written again. */
const parsed = new WeakMap<object, Template | null>();

/** The stored copy, parsed; null when there is none or it does not parse (never throws). */
export function storedBoardTemplate(doc: Y.Doc): Template | null {
  const value = metaMap(doc).get('template');
  if (typeof value !== 'object' || value === null) return null;
  const cached = parsed.get(value);
  if (cached !== undefined) return cached;
  const result = TemplateSchema.safeParse(value);
  const template = result.success ? result.data : null;
  parsed.set(value, template);
  return template;
}

/**
 * The board's template: its own copy, else (older boards, or a copy that does
 * not parse) the built-in template its meta.templateId names; null when neither.
 */
export function readBoardTemplate(doc: Y.Doc): Template | null {
  const stored = storedBoardTemplate(doc);
  if (stored) return stored;
  const id = metaMap(doc).get('templateId');
  return (typeof id === 'string' && getTemplate(id)) || null;
}
