/**
 * Refuses updates that would break the board-document layout contract before
 * they are stored: content under a root other than meta, cards and canvas,
 * and a `cards` entry that is not a Y.Map (a card).
 *
 * The room keeps no Y.Doc, so the check works on the decoded update and the
 * card index's plan of it. Yjs names an item's root only when the item has no
 * neighbour (the first content of a root type, or of a map key); later items
 * inherit the parent of their neighbour. The first write to a foreign root is
 * therefore always seen and refused, and what would build on it never
 * integrates anywhere, since its neighbour was never stored.
 */
import * as Y from 'yjs';
import type { CardChange } from './card-index.ts';
import type { DecodedUpdate } from './protocol.ts';

export const LAYOUT_ROOTS: ReadonlySet<string> = new Set(['meta', 'cards', 'canvas']);

/** Null when the update keeps the layout, else a reason a person can read (≤ 120 characters). */
export function layoutViolation({ structs }: DecodedUpdate, cardChange: CardChange): string | null {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    // A decoded (not integrated) item names its root type by name: `parent` is then a string.
    const parent = struct.parent as unknown;
    if (typeof parent === 'string' && !LAYOUT_ROOTS.has(parent)) {
      return `content outside the board layout (root "${parent.slice(0, 40)}")`;
    }
  }
  for (const entry of cardChange.added) {
    const item = structs.find(
      (s): s is Y.Item =>
        s instanceof Y.Item &&
        s.id.client === entry.client &&
        s.id.clock <= entry.clock &&
        entry.clock < s.id.clock + s.length,
    );
    if (item && !isCardContent(item)) return `cards entry "${entry.key.slice(0, 40)}" is not a card map`;
  }
  return null;
}

function isCardContent(item: Y.Item): boolean {
  if (item.content instanceof Y.ContentDeleted) return true;
  return item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
}
