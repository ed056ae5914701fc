/**
 * A card's parties are stored as template register ids ("heby") or as free
 * names typed by the group ("Länsstyrelsen"). These turn either into what
 * people read.
 */
import type { Template } from '../../shared/template.ts';

/** The display name of a stored party key. */
export function partyName(template: Pick<Template, 'parties'> | null, key: string): string {
  return template?.parties.find((party) => party.id === key)?.name ?? key;
}

/** Stored keys that are not in the template's register, in their stored order. */
export function freeParties(template: Pick<Template, 'parties'> | null, keys: readonly string[]): string[] {
  const registered = new Set(template?.parties.map((party) => party.id) ?? []);
  return keys.filter((key) => !registered.has(key));
}

/** The keys in register order first (as the template lists them), then free names. */
export function orderParties(template: Pick<Template, 'parties'> | null, keys: readonly string[]): string[] {
  const chosen = new Set(keys);
  const registered = (template?.parties ?? []).map((party) => party.id).filter((id) => chosen.has(id));
  return [...registered, ...freeParties(template, keys)];
}
