/**
 * What the others changed in the table, gathered for a screen reader's live
 * region (README "Accessibility"): cards added, edited and removed by other
 * people, announced at most every ANNOUNCE_EVERY_MS so a busy workshop does
 * not talk over the person using the table. Only remote transactions count:
 * one's own typing is not read back.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { cardsMap } from '../../shared/board-doc.ts';
import type { CardText } from '../cards/card-messages.ts';

export const ANNOUNCE_EVERY_MS = 5_000;

export interface RemoteChanges {
  added: Set<string>;
  edited: Set<string>;
  removed: number;
}

const noChanges = (): RemoteChanges => ({ added: new Set(), edited: new Set(), removed: 0 });

/** Folds one remote deep event of the cards map into the pending changes. */
export function collectChange(changes: RemoteChanges, event: Y.YEvent<Y.AbstractType<unknown>>): void {
  const [cardId] = event.path;
  if (typeof cardId === 'string') {
    if (!changes.added.has(cardId)) changes.edited.add(cardId);
    return;
  }
  // An event on the cards map itself: whole cards added or removed.
  for (const [key, change] of event.changes.keys) {
    if (change.action === 'add') changes.added.add(key);
    else if (change.action === 'delete') {
      if (!changes.added.delete(key)) changes.removed++;
      changes.edited.delete(key);
    }
  }
}

export function hasChanges(changes: RemoteChanges): boolean {
  return changes.added.size > 0 || changes.edited.size > 0 || changes.removed > 0;
}

/**
 * The latest announcement (changes of others since the last one, as `describe`
 * puts them in words), renewed at most every ANNOUNCE_EVERY_MS.
 */
export function useRemoteChangeAnnouncement(doc: Y.Doc, describe: (changes: RemoteChanges) => string): string {
  const [announcement, setAnnouncement] = useState('');
  // The words may change with the language; the subscription stays.
  const words = useRef(describe);
  words.current = describe;
  useEffect(() => {
    let pending = noChanges();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = 0;
    const flush = () => {
      timer = null;
      lastAt = Date.now();
      if (hasChanges(pending)) setAnnouncement(words.current(pending));
      pending = noChanges();
    };
    const cards = cardsMap(doc);
    const observe = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.local) return;
      for (const event of events) collectChange(pending, event);
      if (timer || !hasChanges(pending)) return;
      timer = setTimeout(flush, Math.max(0, lastAt + ANNOUNCE_EVERY_MS - Date.now()));
    };
    cards.observeDeep(observe);
    return () => {
      cards.unobserveDeep(observe);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return announcement;
}

const LISTED_TITLES = 3;

/** The changes in words: up to three titles per kind, then "and N more". */
export function describeChanges(
  changes: RemoteChanges,
  titleOf: (cardId: string) => string | undefined,
  t: CardText['t'],
): string {
  const titles = (ids: Set<string>) => {
    const named = [...ids].map(titleOf).filter((title): title is string => title !== undefined);
    const listed = named
      .slice(0, LISTED_TITLES)
      .map((title) => `”${title}”`)
      .join(', ');
    const rest = named.length - LISTED_TITLES;
    return rest > 0 ? t('table.live.more', { titles: listed, count: rest }) : listed;
  };
  const parts: string[] = [];
  if (changes.added.size > 0) parts.push(t('table.live.added', { titles: titles(changes.added) }));
  const edited = new Set([...changes.edited].filter((id) => titleOf(id) !== undefined));
  if (edited.size > 0) parts.push(t('table.live.edited', { titles: titles(edited) }));
  if (changes.removed === 1) parts.push(t('table.live.removedOne'));
  else if (changes.removed > 1) parts.push(t('table.live.removedMany', { count: changes.removed }));
  return parts.join(' ');
}
