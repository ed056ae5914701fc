/**
 * Who is asking, for every board route and WebSocket upgrade: the board id
 * and token of a request → the board and the role that token gives.
 * REST takes the token as `Authorization: Bearer …` (or `?token=` for curl
 * and scripts); the WebSocket as `?token=` (browsers cannot set headers there).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { BoardInfo } from '../../shared/api.ts';
import { BOARD_ID_PATTERN } from '../../shared/ids.ts';
import type { Role } from '../../shared/roles.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { BoardStore } from '../storage/store.ts';
import { roleOfToken } from './tokens.ts';

export interface BoardAccess {
  board: BoardInfo;
  role: Role;
}

export type AccessRefusal = { status: 401 | 403 | 404; error: string };

/** Roles in order of what they may do; a route names the least it needs. */
const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 };

export const REFUSED = {
  noBoard: { status: 404, error: 'no board with this id' },
  noToken: { status: 401, error: 'this board needs the token of a share link' },
  badToken: { status: 403, error: 'this link is not valid (any more)' },
} as const satisfies Record<string, AccessRefusal>;

/** The board and role for a token, or why not. Ids of the wrong shape never reach storage. */
export async function resolveAccess(
  store: BoardStore,
  boardId: string,
  token: string | undefined,
): Promise<BoardAccess | AccessRefusal> {
  const board = BOARD_ID_PATTERN.test(boardId) ? await store.getBoard(boardId) : undefined;
  if (!board) return REFUSED.noBoard;
  if (!token) return REFUSED.noToken;
  const hashes = await store.tokenHashes(boardId);
  const role = hashes ? roleOfToken(token, hashes) : null;
  return role ? { board, role } : REFUSED.badToken;
}

export const isRefusal = (access: BoardAccess | AccessRefusal): access is AccessRefusal => 'status' in access;

/** The token of a REST request: the Bearer header first, else `?token=`. */
export function requestToken(c: Context): string | undefined {
  return bearerToken(c.req.header('authorization')) ?? c.req.query('token') ?? undefined;
}

/** The token of an `Authorization: Bearer …` header, if that is what it is. */
export const bearerToken = (header: string | undefined): string | undefined =>
  header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];

export type AccessEnv = { Variables: { access: BoardAccess } };

/**
 * Middleware for `/boards/:id/*`: answers 404/401/403 `{ error }`, or lets the
 * request through with `c.var.access` when the token's role is at least `least`.
 * With `failedAuth`, an address that sent too many wrong tokens gets 429 before
 * its token is checked, and every wrong token counts against it.
 */
export function boardAccess(
  store: BoardStore,
  least: Role,
  failedAuth?: FailedAuth,
): MiddlewareHandler<AccessEnv & AppEnv> {
  return async (c, next) => {
    const address = c.get('address');
    const wait = failedAuth?.blocked(address) ?? 0;
    if (wait > 0) {
      return c.json({ error: `too many wrong tokens from this address; try again in ${wait} s` }, 429, {
        'Retry-After': String(wait),
      });
    }
    const access = await resolveAccess(store, c.req.param('id') ?? '', requestToken(c));
    if (access === REFUSED.badToken) failedAuth?.note(address);
    if (isRefusal(access)) throw new ApiError(access.status, access.error);
    if (RANK[access.role] < RANK[least]) {
      throw new ApiError(403, `only a ${least} of this board may do this (your link is a ${access.role} link)`);
    }
    c.set('access', access);
    await next();
  };
}
