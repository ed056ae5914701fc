/**
 * `npm run boards -- list` and `npm run boards -- links <id> [--base-url URL]`
 * on the data directory (server running or stopped).
 * Tokens are stored only as hashes, so `links` cannot show the old links: it
 * issues new ones for all three roles and prints them; the old links stop
 * working (a running server checks every new connection against storage), and
 * the pages open with them are closed, on every server process under REDIS_URL
 * (README "Running on several machines").
 */
import { parseArgs } from 'node:util';
import { CLOSE_TOKEN_REVOKED } from '../../shared/close-codes.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { openStore, runCli, shareLink, tellServerProcesses } from './cli-common.ts';

/** What a closed page is told, as when a facilitator rotates a link on the board page. */
const LINK_REVOKED = 'this link is no longer valid';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, 'base-url': { type: 'string' } },
  });
  const [command, boardId, ...rest] = positionals;
  const store = await openStore(values['data-dir']);
  try {
    if (command === 'list' && boardId === undefined) {
      for (const board of await store.listBoards()) {
        console.log(`${board.id}  ${board.createdAt}  ${board.locked ? 'locked  ' : ''}${board.title}`);
      }
      return;
    }
    if (command === 'links' && boardId !== undefined && rest.length === 0) {
      const board = await store.getBoard(boardId);
      if (!board) throw new Error(`no board with id "${boardId}"`);
      console.log(`new links for "${board.title}" (earlier links of this board no longer work):`);
      const rotated: Role[] = [];
      try {
        for (const role of ROLES) {
          const token = newToken();
          await store.setTokenHash(board.id, role, hashToken(token));
          rotated.push(role);
          console.log(`${role.padEnd(12)} ${shareLink(values['base-url'], board.id, token)}`);
        }
      } finally {
        // Even after a failure part-way: the links already rotated must close on every process.
        if (rotated.length > 0) {
          const event = { kind: 'close', roles: rotated, code: CLOSE_TOKEN_REVOKED, reason: LINK_REVOKED } as const;
          const done =
            rotated.length === ROLES.length ? 'links rotated' : `links rotated for ${rotated.join(', ')} only`;
          await tellServerProcesses(board.id, event, done);
        }
      }
      return;
    }
    throw new Error('usage: npm run boards -- list | links <board id> [--base-url https://…] [--data-dir ./data]');
  } finally {
    await store.close();
  }
});
