/**
 * Fuzzing the HTTP API: every route the app answers (read from the running
 * server, so routes added later are fuzzed too), plus wrong methods and unknown
 * paths, with random path parameters, query strings, content types and bodies
 * (random JSON, wrong types, huge strings, broken JSON, random bytes, mutated
 * real plans). Every answer is 2xx, or 4xx with a JSON `{ error }`; never 5xx.
 * Only successful creates add boards, and every stored board loads whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/start.ts';
import { mergeMany } from '../../server/sync/merge.ts';
import { readMeta } from '../../shared/board-doc.ts';
import { prng, seedFor } from '../helpers/random.ts';
import { createBoard, removeDir, startTestServer, tempDataDir, withToken } from '../helpers/server.ts';

const REQUESTS = 1_200;

let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
});
afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
}

const describeRequest = (r: FuzzRequest) =>
  `${r.method} ${r.path.slice(0, 200)} [${r.headers['content-type'] ?? 'no type'}, ${r.body?.length ?? 0} bytes]`;

/** Builds random requests from a seed; `samples` are real bodies (a plan export) to mutate. */
function requestMaker(
  random: () => number,
  routes: { method: string; path: string }[],
  validId: string,
  plan: unknown,
) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (max: number) => Math.floor(random() * max);
  const text = (max: number) =>
    Array.from({ length: int(max) }, () =>
      String.fromCodePoint(pick([int(128), 0xe5, 0x2013, 0x1f600, int(0xd7ff)])),
    ).join('');
  const value = (depth: number): unknown => {
    const kind = int(depth > 3 ? 5 : 8);
    if (kind === 0) return null;
    if (kind === 1) return random() < 0.5;
    if (kind === 2) return pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER, 3.5, -0]);
    if (kind === 3) return text(40);
    if (kind === 4) return 'x'.repeat(pick([0, 201, 5_001, 70_000]));
    if (kind === 5) return Array.from({ length: int(5) }, () => value(depth + 1));
    const object: Record<string, unknown> = {};
    for (let i = int(5); i > 0; i--)
      object[pick(['title', 'templateId', 'cards', 'goals', text(8)])] = value(depth + 1);
    return object;
  };
  /** A real plan, often with one random part replaced. */
  const mutatedPlan = (): unknown => {
    const copy = structuredClone(plan) as Record<string, unknown>;
    if (random() < 0.3) return copy;
    let node: unknown = copy;
    for (let depth = 0; depth < 4 && node && typeof node === 'object'; depth++) {
      const keys = Object.keys(node as object);
      if (keys.length === 0) break;
      const key = pick(keys);
      if (random() < 0.4 || depth === 3) {
        (node as Record<string, unknown>)[key] = value(2);
        break;
      }
      node = (node as Record<string, unknown>)[key];
    }
    return copy;
  };
  const idParam = () =>
    pick([
      validId,
      validId,
      'AAAAAAAAAAAAAAAAAAAAAA',
      encodeURIComponent(text(30)),
      '..%2F..%2Fetc',
      '%00',
      'x'.repeat(5_000),
    ]);
  const query = () => {
    // Often the one query that lets an import through, so that some creates succeed.
    if (random() < 0.3) return '?format=json';
    const params = new URLSearchParams();
    for (let i = int(4); i > 0; i--) {
      const key = pick(['format', 'filename', 'templateId', 'title', 'delimiter', text(6)]);
      params.set(
        key,
        pick(['json', 'csv', 'xlsx', 'docx', 'md', 'pdf', 'plan.xlsx', 'a.csv', 'hsvo-2024-2026', ';', ',', text(50)]),
      );
    }
    const encoded = params.toString();
    return encoded ? `?${encoded}` : '';
  };
  const body = (): { type?: string; body?: Uint8Array | string } => {
    const kind = int(8);
    if (kind === 0) return {};
    if (kind === 1) return { type: 'application/json', body: JSON.stringify(value(0)) };
    if (kind === 2) return { type: 'application/json', body: JSON.stringify(mutatedPlan()) };
    if (kind === 3) return { type: 'application/json', body: `{"title": "${text(20)}", "templateId": ` };
    if (kind === 4)
      return { type: 'application/json', body: JSON.stringify({ title: text(300), templateId: value(1) }) };
    if (kind === 5)
      return {
        type: pick(['application/octet-stream', 'text/csv']),
        body: Uint8Array.from({ length: int(4_000) }, () => int(256)),
      };
    // Over the 64 KB JSON limit, but small enough that the server can drain it before answering 413
    // (a client still uploading megabytes when the answer comes may see the connection close instead).
    if (kind === 6)
      return { type: 'application/json', body: JSON.stringify({ title: 'x'.repeat(65_000 + int(150_000)) }) };
    return {
      type: pick(['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']),
      body: text(200),
    };
  };

  return (): FuzzRequest => {
    const route = random() < 0.85 ? pick(routes) : { method: 'GET', path: `/api/${text(12)}` };
    const method = random() < 0.85 ? route.method : pick(['PUT', 'DELETE', 'PATCH', 'POST', 'GET']);
    const path = route.path.replace(/:[a-zA-Z]+/g, idParam) + query();
    const made = method === 'GET' ? {} : body();
    return {
      method,
      path,
      headers: made.type ? { 'content-type': made.type } : {},
      ...(made.body ? { body: made.body } : {}),
    };
  };
}

describe('the HTTP API under random input', () => {
  it('answers only 2xx or 4xx with JSON { error }, and writes boards whole or not at all', async () => {
    const seed = seedFor('API fuzz', 4_242);
    const random = prng(seed);
    const board = await createBoard(server.url);
    const planResponse = await fetch(withToken(`${server.url}/api/boards/${board.id}/export?format=json`, board.id));
    const plan = planResponse.status === 200 ? await planResponse.json() : { title: 'plan' };
    const routes = server.routes.filter((r) => r.path.startsWith('/api/'));
    expect(routes.length, 'the server lists its routes').toBeGreaterThanOrEqual(4);
    const next = requestMaker(random, routes, board.id, plan);
    const boardsBefore = (await server.store.listBoards()).length;
    let created = 0;
    const statuses = new Map<number, number>();

    for (let i = 0; i < REQUESTS; i++) {
      const request = next();
      const response = await fetch(`${server.url}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body as BodyInit | undefined,
      });
      const what = `seed ${seed}, request ${i}: ${describeRequest(request)} → ${response.status}`;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, what).toBeLessThan(500);
      if (response.status >= 400) {
        expect(response.headers.get('content-type') ?? '', what).toMatch(/application\/json/);
        const body = (await response.json()) as { error?: unknown };
        expect(typeof body.error === 'string' && body.error.length > 0, what).toBe(true);
      } else {
        await response.arrayBuffer();
        if (response.status === 201) created++;
      }
    }
    console.log(
      `API fuzz: ${REQUESTS} requests over ${routes.length} routes, statuses ${JSON.stringify([...statuses])}`,
    );

    const boards = await server.store.listBoards();
    expect(boards.length, `seed ${seed}: only successful creates add boards`).toBe(boardsBefore + created);
    for (const stored of boards) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, mergeMany((await server.store.loadBoard(stored.id)).updates));
      expect(readMeta(doc)?.title, `seed ${seed}: board ${stored.id} is whole`).toBe(stored.title);
    }
  }, 120_000);
});
