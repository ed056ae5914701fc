/**
 * Refuses updates that would break the board-document layout contract before
 * they are stored: content outside the three root maps (meta, cards, canvas),
 * and a `cards` entry that is not a Y.Map (a card).
 *
 * An update is checked by decoding it (not applying it) and finding, for each
 * new item, the root map it lands in. Yjs encodes an item's parent only when
 * it has no left/right neighbour; otherwise the parent is the neighbour's, so
 * neighbours are looked up in the update itself or in the room's document.
 * An item whose neighbour is in neither (its dependency has not arrived) cannot
 * be placed yet; Yjs keeps it pending, and it is allowed: the neighbour it
 * waits for is checked when it comes, and the item inherits that placement.
 */
import * as Y from 'yjs';

export const LAYOUT_ROOTS = new Set(['meta', 'cards', 'canvas']);

interface Placement {
  root: string;
  /** The map key when the item is a direct entry of the root map. */
  rootKey: string | null;
}

type FoundItem = { item: Y.Item; inDoc: boolean };

/** Null when the update may be stored, else a reason a person can read. */
export function checkLayout(doc: Y.Doc, update: Uint8Array): string | null {
  const { structs } = Y.decodeUpdate(update);
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }

  const find = (id: Y.ID): FoundItem | null => {
    const own = byClient.get(id.client)?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
    if (own) return { item: own, inDoc: false };
    if (Y.getState(doc.store, id.client) <= id.clock) return null;
    const struct = Y.getItem(doc.store, id);
    return struct instanceof Y.Item ? { item: struct, inDoc: true } : null;
  };

  const placeInDoc = (item: Y.Item): Placement | null => {
    const parent = item.parent as Y.AbstractType<unknown>;
    if (parent._item === null) return { root: Y.findRootTypeKey(parent), rootKey: item.parentSub };
    const above = placeInDoc(parent._item);
    return above && { root: above.root, rootKey: null };
  };

  const seen = new Set<Y.Item>();
  const place = (found: FoundItem): Placement | null => {
    if (found.inDoc) return placeInDoc(found.item);
    const { item } = found;
    if (seen.has(item)) return null;
    seen.add(item);
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { root: parent, rootKey: item.parentSub };
    if (parent instanceof Y.ID) {
      const container = find(parent);
      const above = container && place(container);
      return above && { root: above.root, rootKey: null };
    }
    const neighbour = (item.origin && find(item.origin)) || (item.rightOrigin && find(item.rightOrigin));
    return neighbour ? place(neighbour) : null;
  };

  for (const items of byClient.values()) {
    for (const item of items) {
      const placement = place({ item, inDoc: false });
      seen.clear();
      if (!placement) continue;
      if (!LAYOUT_ROOTS.has(placement.root)) {
        return `content outside the board layout (root "${placement.root.slice(0, 40)}")`;
      }
      if (placement.root === 'cards' && placement.rootKey !== null && !isMapContent(item)) {
        return `cards entry "${placement.rootKey.slice(0, 40)}" is not a card map`;
      }
    }
  }
  return null;
}

function isMapContent(item: Y.Item): boolean {
  if (item.content instanceof Y.ContentDeleted) return true;
  return item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
}
