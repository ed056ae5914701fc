/**
 * Which automatic versions to drop (README "History"): every version of the
 * last `keepAllHours` stays; older automatic ones are thinned to the newest of
 * each calendar day (UTC); named versions are never pruned. Beyond that, a
 * board keeps at most `maxAuto` automatic versions (the newest), so storage
 * stays bounded whatever the people on it do.
 */
export interface RetentionRule {
  keepAllHours: number;
  maxAuto: number;
}

export const DEFAULT_RETENTION: RetentionRule = { keepAllHours: 24, maxAuto: 300 };

/** Ids of automatic versions to delete; `versions` in any order. */
export function autoVersionsToPrune(
  versions: readonly { id: string; createdAt: string; auto: boolean }[],
  now: Date,
  rule: RetentionRule,
): string[] {
  const cutoff = now.getTime() - rule.keepAllHours * 3_600_000;
  const newestOfDay = new Map<string, { id: string; time: number }>();
  const old = versions.filter((v) => v.auto && Date.parse(v.createdAt) < cutoff);
  for (const v of old) {
    const time = Date.parse(v.createdAt);
    const day = new Date(time).toISOString().slice(0, 10);
    const kept = newestOfDay.get(day);
    if (!kept || time > kept.time) newestOfDay.set(day, { id: v.id, time });
  }
  const keep = new Set([...newestOfDay.values()].map((v) => v.id));
  const doomed = new Set(old.filter((v) => !keep.has(v.id)).map((v) => v.id));
  const remaining = versions
    .filter((v) => v.auto && !doomed.has(v.id))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  for (const v of remaining.slice(rule.maxAuto)) doomed.add(v.id);
  return [...doomed];
}
