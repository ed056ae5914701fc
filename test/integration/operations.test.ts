/**
 * The operator's endpoints on a real server: health and readiness for a
 * balancer, and Prometheus metrics that are off without METRICS_TOKEN, need
 * it as a bearer token, and count what real y-websocket clients and an
 * export did.
 */
import { describe, expect, it } from 'vitest';
import { metaMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { bearer, createBoard, forgedCloseCode, serverPerTest, waitFor } from '../helpers/server.ts';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123';

/** One sample's value from Prometheus text, e.g. `samtavla_open_boards` or `x_total{code="4403"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('health and readiness', () => {
  const ctx = serverPerTest();

  it('answers health and readiness, and keeps metrics off without a token', async () => {
    const health = await fetch(`${ctx.server.url}/api/health`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
    const ready = await fetch(`${ctx.server.url}/api/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true }]);
    expect((await fetch(`${ctx.server.url}/metrics`)).status).toBe(404);
  });
});

describe('readiness when storage fails', () => {
  let failing = false;
  const ctx = serverPerTest({
    wrapStore: (store) => ({
      ...store,
      getBoard: (id) => (failing ? Promise.reject(new Error('disk gone')) : store.getBoard(id)),
    }),
  });

  it('reports the server unready while storage does not answer, and ready again after', async () => {
    failing = true;
    const down = await fetch(`${ctx.server.url}/api/ready`);
    expect([down.status, await down.json()]).toEqual([503, { ready: false, error: 'storage does not answer' }]);
    expect((await fetch(`${ctx.server.url}/api/health`)).status).toBe(200);
    failing = false;
    expect((await fetch(`${ctx.server.url}/api/ready`)).status).toBe(200);
  });
});

describe('metrics', () => {
  const ctx = serverPerTest({ metricsToken: METRICS_TOKEN });
  const scrape = (token?: string) =>
    fetch(`${ctx.server.url}/metrics`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it('refuses a scrape without the token or with a wrong one', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: 'metrics need the METRICS_TOKEN as a bearer token' });
    expect((await scrape('metrics-token-for-the-tests-0124')).status).toBe(401);
    expect((await scrape(METRICS_TOKEN.slice(0, -1))).status).toBe(401);
  });

  it('counts boards, connections, updates, storage writes, closes by code and export jobs', async () => {
    const board = await createBoard(ctx.server.url, { title: 'Plan Östhammar', templateId: 'hsvo-2024-2026' });
    const writer = ctx.client(board.id);
    const reader = ctx.client(board.id);
    await Promise.all([writer.synced, reader.synced]);
    createCard(writer.doc, { goalId: 'A1', createdBy: 'Maja', fields: { title: 'Hälsosamtal' } });
    await waitFor('card relayed', () => reader.doc.getMap('cards').size === 1);
    const exported = await fetch(`${ctx.server.url}/api/boards/${board.id}/export?format=json`, {
      headers: bearer(board.id),
    });
    expect(exported.status).toBe(200);
    // A participant that writes the server's own template copy is closed with the contract's code.
    const refusedClose = await forgedCloseCode(ctx.server.url, board.id, reader.doc, (copy) =>
      metaMap(copy).set('template', { id: 'forged' }),
    );
    expect(refusedClose).toBeGreaterThanOrEqual(4000);

    const answer = await scrape(METRICS_TOKEN);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    expect(sample(text, 'samtavla_open_boards')).toBe(1);
    expect(sample(text, 'samtavla_connections')).toBe(2);
    expect(sample(text, 'samtavla_updates_received_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'samtavla_updates_stored_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'samtavla_deliveries_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'samtavla_storage_write_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, `samtavla_closed_connections_total{code="${refusedClose}"}`)).toBe(1);
    expect(sample(text, 'samtavla_plan_job_seconds_count{kind="export",outcome="done"}')).toBe(1);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
  });
});
