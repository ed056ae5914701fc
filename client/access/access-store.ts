/**
 * The board tokens this browser holds, in localStorage per board id: every
 * share link it knows by role (the creator's browser keeps all three from the
 * creation answer; the server stores tokens hashed and cannot hand them out
 * again), and the token of the link last followed until the server has said
 * its role. The board opens with the strongest link known, so a facilitator
 * who tries the viewer link in their own browser stays facilitator there.
 * A damaged entry is dropped, never fatal; without storage (private mode)
 * the tokens live in memory for this page only.
 */
import { type BoardTokens, isRole, ROLES, type Role } from '../../shared/roles.ts';
import { isPlausibleToken } from './url-token.ts';

export interface BoardAccessEntry {
  /** The token of the link last followed; null once the server refused it. */
  token: string | null;
  /** The role the server gave `token`; null until it has answered. */
  role: Role | null;
  /** Every share link of the board this browser knows, by role. */
  links: Partial<BoardTokens>;
}

const STORAGE_KEY = 'samtavla.boardAccess';
let memory: Record<string, BoardAccessEntry> = {};

function parseEntry(value: unknown): BoardAccessEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { token, role, links } = value as Record<string, unknown>;
  if (token !== null && (typeof token !== 'string' || !isPlausibleToken(token))) return null;
  const known: Partial<BoardTokens> = {};
  if (typeof links === 'object' && links !== null) {
    for (const r of ROLES) {
      const link = (links as Record<string, unknown>)[r];
      if (typeof link === 'string' && isPlausibleToken(link)) known[r] = link;
    }
  }
  return { token, role: isRole(role) ? role : null, links: known };
}

/** Parses the stored JSON leniently: entries that do not parse are left out. */
export function parseAccess(raw: string | null): Record<string, BoardAccessEntry> {
  if (!raw) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const result: Record<string, BoardAccessEntry> = {};
  for (const [boardId, value] of Object.entries(data)) {
    const entry = parseEntry(value);
    if (entry) result[boardId] = entry;
  }
  return result;
}

function load(): Record<string, BoardAccessEntry> {
  try {
    return { ...memory, ...parseAccess(localStorage.getItem(STORAGE_KEY)) };
  } catch {
    return memory;
  }
}

function save(all: Record<string, BoardAccessEntry>): void {
  memory = all;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the memory copy serves this page.
  }
}

function update(boardId: string, change: (entry: BoardAccessEntry) => BoardAccessEntry | null): void {
  const all = load();
  const next = change(all[boardId] ?? { token: null, role: null, links: {} });
  if (next) all[boardId] = next;
  else delete all[boardId];
  save(all);
}

export function accessFor(boardId: string): BoardAccessEntry | null {
  return load()[boardId] ?? null;
}

/** The token to open a board with: the strongest link this browser knows, else the one last followed. */
export function tokenFor(boardId: string): string | null {
  const entry = accessFor(boardId);
  if (!entry) return null;
  return ROLES.map((role) => entry.links[role]).find((t) => t !== undefined) ?? entry.token;
}

/** The role `tokenFor` opens the board with, when known. */
export function roleFor(boardId: string): Role | null {
  const entry = accessFor(boardId);
  if (!entry) return null;
  return ROLES.find((role) => entry.links[role] !== undefined) ?? entry.role;
}

/** A token from a share link: kept until the server says its role (then it is a link of that role). */
export function rememberToken(boardId: string, token: string): void {
  update(boardId, (entry) => {
    const role = ROLES.find((r) => entry.links[r] === token) ?? (entry.token === token ? entry.role : null);
    return { ...entry, token, role };
  });
}

/** The server said which role `token` has: remember it, and the token as that role's link. */
export function rememberRole(boardId: string, token: string, role: Role): void {
  update(boardId, (entry) => ({
    token: entry.token ?? token,
    role: entry.token === null || entry.token === token ? role : entry.role,
    links: { ...entry.links, [role]: token },
  }));
}

/** The creator's browser: all three links, opening as facilitator. */
export function rememberCreatedBoard(boardId: string, tokens: BoardTokens): void {
  update(boardId, () => ({ token: tokens.facilitator, role: 'facilitator', links: { ...tokens } }));
}

/** A rotated link replaces the old one; when it is this browser's own role, it opens with the new token. */
export function rememberRotated(boardId: string, role: Role, token: string): void {
  update(boardId, (entry) => ({
    ...entry,
    token: entry.role === role ? token : entry.token,
    links: { ...entry.links, [role]: token },
  }));
}

/** The server refused `token` (rotated): this browser stops using it, as current token and as a link. */
export function forgetToken(boardId: string, token: string): void {
  update(boardId, (entry) => {
    const links = Object.fromEntries(Object.entries(entry.links).filter(([, t]) => t !== token));
    const next = {
      token: entry.token === token ? null : entry.token,
      role: entry.token === token ? null : entry.role,
      links,
    };
    return next.token === null && Object.keys(links).length === 0 ? null : next;
  });
}

/** Forgets every token of a board (deleted, or removed from the recent list). */
export function forgetBoardAccess(boardId: string): void {
  update(boardId, () => null);
}
