/**
 * Who "I" am on a board: a random id and a name, remembered per browser.
 * The colour is derived from the name, so a person keeps the same colour on
 * every board and every computer without anyone choosing one.
 */
import { randomId } from '../../shared/ids.ts';

export interface Person {
  id: string;
  name: string;
  color: string;
}

const ID_KEY = 'samtavla.personId';
const NAME_KEY = 'samtavla.personName';
export const NAME_MAX = 60;

/** Strong, mutually distinct colours that stay readable as white-on-colour name tags. */
export const PERSON_COLORS = [
  '#C0392B',
  '#D35400',
  '#B7950B',
  '#1E8449',
  '#117A65',
  '#1F618D',
  '#2E4FA3',
  '#6C3483',
  '#A93226',
  '#884EA0',
  '#AD1457',
  '#5D6D7E',
] as const;

/** A stable colour for a name (FNV-1a hash), case- and whitespace-insensitive. */
export function colorForName(name: string): string {
  let hash = 0x811c9dc5;
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return PERSON_COLORS[(hash >>> 0) % PERSON_COLORS.length] ?? PERSON_COLORS[0];
}

/** Trims and shortens a typed name; an empty result means "no name yet". */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Without storage the name is asked again next time; nothing else breaks.
  }
}

/** This browser's person id, created on first use. */
export function personId(): string {
  const existing = read(ID_KEY);
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const id = randomId(16);
  write(ID_KEY, id);
  return id;
}

export function storedName(): string | null {
  const name = cleanName(read(NAME_KEY) ?? '');
  return name || null;
}

export function storeName(name: string): void {
  write(NAME_KEY, cleanName(name));
}

export function makePerson(id: string, name: string): Person {
  return { id, name, color: colorForName(name) };
}
