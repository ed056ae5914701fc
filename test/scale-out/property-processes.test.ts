/**
 * A seeded property test across real processes (README "Running on several
 * machines"): three people make 1,000 random card operations on clients of
 * three processes on one PostgreSQL and Redis, while their connections drop
 * and come back to a process picked at random. Everyone must end with the
 * same plan data, and so must a newcomer on each process and PostgreSQL.
 * A failure prints its seed; rerun it with SEED=<seed>.
 */
import { describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { createStore } from '../../server/storage/create-store.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { docToPlan } from '../../shared/plan/to-plan.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import { prng, seedFor } from '../helpers/random.ts';
import { connectClient, createBoard, stableJson, type TestClient, tempDataDir, waitFor } from '../helpers/server.ts';
import { converged, goOnline, randomOperation } from '../integration/cards-clients.ts';
import { closeCodes } from '../integration/reliability-support.ts';
import { moveClient, startProcesses, storedDoc } from './scale-out-support.ts';

const OPERATIONS = 1_000;

const EXPORTED_AT = new Date('2026-12-03T00:00:00Z');

/** The plan data of a document, as canonical JSON. */
function planJson(doc: Y.Doc): string {
  const template = readBoardTemplate(doc);
  if (!template) throw new Error('the board has no template');
  return stableJson(docToPlan(doc, template, { now: EXPORTED_AT }));
}

describe('cards under random operations across processes', () => {
  it('converges clients of three processes after 1,000 operations with reconnects to random processes', async () => {
    const seed = seedFor('scale-out property test', 20261203);
    const random = prng(seed);
    const databaseUrl = await createDatabase(inject('postgresUrl'));
    const processes = await startProcesses(3, { DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl') });
    const store = await createStore({ databaseUrl, dataDir: tempDataDir() });
    const clients: TestClient[] = [];
    try {
      const { urls } = processes;
      const pickUrl = () => urls[Math.floor(random() * urls.length)] as string;
      const board = await createBoard(urls[0] as string);
      const people = urls.map((url) => connectClient(url, board.id, new Y.Doc()));
      clients.push(...people);
      const codes = people.map((person) => closeCodes(person.provider));
      await Promise.all(people.map((p) => p.synced));
      let created = 0;
      for (let op = 0; op < OPERATIONS; op++) {
        const index = Math.floor(random() * people.length);
        const person = people[index] as TestClient;
        if (random() < 0.03) {
          // Offline, or back through whichever process the balancer picks; offline edits go with it.
          if (person.provider.wsconnected || person.provider.wsconnecting) person.provider.disconnect();
          else moveClient(person, pickUrl());
        }
        randomOperation(person.doc, random, () => `p${index}-${created++}`);
        if (random() < 0.2) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 3)));
      }
      goOnline(...people);
      await converged(people, 30_000);

      // No edit was refused: a refusal (44xx) is final in the page, which then drops its local copy.
      expect(codes.flat().filter((code) => code >= 4400 && code < 4500)).toEqual([]);
      const expected = planJson(people[0]?.doc as Y.Doc);
      for (const person of people) expect(planJson(person.doc)).toBe(expected);
      for (const url of urls) {
        const newcomer = connectClient(url, board.id, new Y.Doc());
        clients.push(newcomer);
        await newcomer.synced;
        // Its first sync answer comes as the stored state, then what was stored since: wait for both.
        await waitFor(`a newcomer on ${url} to hold the plan`, () => planJson(newcomer.doc) === expected);
      }
      expect(planJson(await storedDoc(store, board.id)), 'PostgreSQL').toBe(expected);
    } catch (error) {
      console.error(`scale-out property test failed with seed ${seed}: rerun with SEED=${seed}`);
      throw new Error(`seed ${seed}: ${(error as Error).message}`);
    } finally {
      for (const c of clients) c.destroy();
      await processes.close();
      await store.close();
    }
  });
});
