/**
 * Cursors, selections and names of the others, carried over Yjs awareness
 * (ARCHITECTURE.md, "Presence"). Our tldraw presence record goes into the
 * local awareness state; the others' records are merged into the store as
 * remote changes and removed when awareness drops their client.
 */
import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';

/** Pointer moves arrive every frame; this caps awareness traffic to ~30 messages a second. */
const PRESENCE_INTERVAL_MS = 33;

export function isPresenceRecord(value: unknown): value is TLInstancePresence {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { typeName?: unknown }).typeName === 'instance_presence' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

export function bindPresence(store: TLStore, awareness: Awareness, $user: Signal<TLUser | null>): () => void {
  const instanceId = InstancePresenceRecordType.createId(String(awareness.clientID));
  const $presence = createPresenceStateDerivation($user, { instanceId })(store);

  // Publish ours, throttled with a trailing send so the last position always goes out.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSent = 0;
  const publish = () => {
    timer = null;
    lastSent = Date.now();
    awareness.setLocalStateField('presence', $presence.get() ?? null);
  };
  const stopReacting = react('samtavla: publish presence', () => {
    $presence.get();
    if (timer) return;
    const wait = Math.max(0, PRESENCE_INTERVAL_MS - (Date.now() - lastSent));
    timer = setTimeout(publish, wait);
  });

  // Mirror the others'.
  const remote = new Map<number, TLInstancePresence['id']>();
  const sync = (clientIds: number[]) => {
    const put: TLInstancePresence[] = [];
    const remove: TLInstancePresence['id'][] = [];
    const states = awareness.getStates();
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue;
      const presence = states.get(clientId)?.presence;
      const previous = remote.get(clientId);
      if (isPresenceRecord(presence)) {
        if (previous && previous !== presence.id) remove.push(previous);
        remote.set(clientId, presence.id);
        put.push(presence);
      } else if (previous) {
        remove.push(previous);
        remote.delete(clientId);
      }
    }
    if (put.length === 0 && remove.length === 0) return;
    store.mergeRemoteChanges(() => {
      const gone = remove.filter((id) => store.has(id));
      if (gone.length) store.remove(gone);
      try {
        if (put.length) store.put(put);
      } catch (error) {
        console.warn('Samtavla: ignored an invalid presence record', error);
      }
    });
  };
  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    sync([...added, ...updated, ...removed]);
  awareness.on('change', onChange);
  sync([...awareness.getStates().keys()]);

  return () => {
    stopReacting();
    if (timer) clearTimeout(timer);
    awareness.off('change', onChange);
    awareness.setLocalStateField('presence', null);
    const ids = [...remote.values()].filter((id) => store.has(id));
    if (ids.length) store.mergeRemoteChanges(() => store.remove(ids));
    remote.clear();
  };
}
