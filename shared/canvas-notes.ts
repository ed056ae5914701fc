/**
 * Sticky notes (tldraw `note` shapes) as the plan sees them: which goal a note
 * belongs to and its text as plain characters.
 *
 * The goal is recorded in the note's `meta.goalId` by the client that creates
 * or moves it (it knows the zone layout at that moment), not worked out from
 * the position at export time: zones move as they grow with their cards, and
 * a note should stay with the goal it was put in, not with whatever zone later
 * slides under it. The server knows no layout; it only bounds the meta
 * (noteMetaProblem) and trusts the rest as it trusts a card's goalId.
 */
import { ID_MAX } from './card-schema.ts';

export const NOTE_TYPE = 'note';

/** The one meta key a note may carry: the goal (or focus-area) id, or null outside every zone. */
export const NOTE_GOAL_KEY = 'goalId';

/** Why `meta` cannot be a note's meta, or null when it can: `{}` or `{ goalId: id | null }`. */
export function noteMetaProblem(meta: unknown): string | null {
  if (meta === undefined) return null;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return 'note meta is not an object';
  for (const [key, value] of Object.entries(meta)) {
    if (key !== NOTE_GOAL_KEY) return 'note meta has an unknown key';
    if (value === null) continue;
    if (typeof value !== 'string' || value.length === 0 || value.length > ID_MAX) return 'note goal is not an id';
  }
  return null;
}

/** The goal recorded on a note record: an id, null (outside every zone) or undefined (never recorded). */
export function noteGoalId(record: { meta?: unknown }): string | null | undefined {
  const meta = record.meta;
  if (typeof meta !== 'object' || meta === null || !Object.hasOwn(meta, NOTE_GOAL_KEY)) return undefined;
  const value = (meta as Record<string, unknown>)[NOTE_GOAL_KEY];
  return typeof value === 'string' && value.length > 0 && value.length <= ID_MAX ? value : null;
}

// Nodes that end a line of their own (TipTap's block nodes as tldraw writes them).
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);
/** Walking more nodes than this means garbage; what was read so far is kept. */
const MAX_NODES = 20_000;

/**
 * The plain text of tldraw rich text (TipTap JSON): text nodes, hard breaks and
 * block ends as newlines, blank lines and surrounding space trimmed, at most
 * `max` characters. Never throws and never recurses, whatever the JSON holds
 * (a foreign client writes it; the server only bounds its size).
 */
export function richTextToPlain(richText: unknown, max: number): string {
  let out = '';
  const stack: unknown[] = [richText];
  for (let visited = 0; stack.length > 0 && visited < MAX_NODES && out.length <= max; visited++) {
    const node = stack.pop();
    if (node === '\n') {
      out += '\n';
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
    if (type === 'text' && typeof text === 'string') out += text;
    else if (type === 'hardBreak') out += '\n';
    if (BLOCKS.has(type as string)) stack.push('\n');
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
  }
  const lines = out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.join('\n').slice(0, max).trim();
}
