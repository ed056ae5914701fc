/**
 * The facilitator's summons as they arrive (README "Following and
 * summoning"): the summon a page finds at load is history and is ignored;
 * each new id afterwards is handed on once. The canvas moves its camera to it;
 * the page shows who summoned, with a link to the canvas on other views.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import { isSummon, type Summon } from '../../shared/workshop/summon.ts';

const read = (doc: Y.Doc): Summon | null => {
  const value = metaMap(doc).get('summon');
  return isSummon(value) ? value : null;
};

/** The latest summon that arrived while this page was open, or null. */
export function useLiveSummon(doc: Y.Doc | null, hasSynced: boolean): Summon | null {
  const [live, setLive] = useState<Summon | null>(null);
  useEffect(() => {
    if (!doc || !hasSynced) return;
    // What the first sync brought is the board's past, not a call to come.
    let seen = read(doc)?.id ?? null;
    const map = metaMap(doc);
    const onChange = (event: Y.YMapEvent<unknown>) => {
      if (!event.keysChanged.has('summon')) return;
      const summon = read(doc);
      if (!summon || summon.id === seen) return;
      seen = summon.id;
      setLive(summon);
    };
    map.observe(onChange);
    return () => map.unobserve(onChange);
  }, [doc, hasSynced]);
  return live;
}
