/**
 * A presence flood against the server in its own process (as deployed: the
 * flooder and the people do not share its event loop, so it relays as fast as
 * it can and their backlogs grow): one connection sending 5 MB presence states
 * every 50 ms must not cut anyone else off the board (README "Limits", 4431).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLOSE_PRESENCE_REFUSED } from '../../shared/close-codes.ts';
import { geoShape } from '../helpers/canvas-records.ts';
import {
  connectClient,
  createBoard,
  rawSocket,
  removeDir,
  type TestClient,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';
import { presenceMessage } from './presence-messages.ts';
import { type ChildServer, closeCodes, freePort, sleep, startChildServer } from './reliability-support.ts';

let server: ChildServer | undefined;
let dataDir: string | undefined;
const people: TestClient[] = [];

afterEach(async () => {
  for (const person of people.splice(0)) person.destroy();
  server?.child.kill('SIGTERM');
  await server?.exited;
  if (dataDir) removeDir(dataDir);
});

describe('presence flood', () => {
  it('closes a connection sending 5 MB presence states (4431) while ten others stay connected and keep syncing', async () => {
    dataDir = tempDataDir();
    server = await startChildServer(dataDir, await freePort());
    const { url } = server;
    const board = await createBoard(url);
    people.push(...Array.from({ length: 10 }, () => connectClient(url, board.id)));
    await Promise.all(people.map((p) => p.synced));
    const codes = people.map((p) => closeCodes(p.provider));
    people.forEach((p, i) => {
      p.provider.awareness.setLocalStateField('cursor', { x: i, y: i });
    });

    const huge = presenceMessage([{ clientId: 7, clock: 1, state: { presence: { junk: 'x'.repeat(5_000_000) } } }]);
    const flooderCodes: number[] = [];
    let flooding = true;
    // Reconnects whenever it is closed, and sends a 5 MB state every 50 ms while open.
    const flood = (async () => {
      while (flooding) {
        const { socket, closed } = await rawSocket(url, board.id);
        while (flooding && socket.readyState === WebSocket.OPEN) {
          socket.send(huge);
          await sleep(50);
        }
        // The server's close codes only, not the one this loop closes itself when the test ends.
        if (socket.readyState === WebSocket.OPEN) socket.close();
        else flooderCodes.push((await closed).code);
        await closed;
      }
    })();
    // Everyone edits throughout the flood, for the 10 s in which the review saw 9 of 10 people cut off.
    const rounds = 50;
    for (let round = 0; round < rounds; round++) {
      people.forEach((p, i) => {
        p.doc.getMap('canvas').set(`shape:${i}-${round}`, geoShape(`shape:${i}-${round}`, round));
      });
      await sleep(200);
    }
    flooding = false;
    await flood;

    await waitFor(
      'every edit at every person',
      () => people.every((p) => p.doc.getMap('canvas').size === people.length * rounds),
      10_000,
    );
    expect(codes.flat(), 'nobody but the flooder was closed').toEqual([]);
    expect(flooderCodes.length).toBeGreaterThan(0);
    expect(new Set(flooderCodes)).toEqual(new Set([CLOSE_PRESENCE_REFUSED]));
    // Cursors still arrive, and the 5 MB state never reached anyone.
    for (const p of people) {
      const states = p.provider.awareness.getStates();
      expect(states.size).toBe(people.length);
      expect(states.has(7)).toBe(false);
    }
  }, 60_000);
});
