/**
 * Samtavla as an operator runs it: behind Caddy (from Debian) terminating TLS
 * for a real-looking host name, `https://samtavla.test:<port>`, which only the
 * test browser resolves (a host-resolver rule; Caddy's local CA is not trusted,
 * so the browser ignores certificate errors). No tldraw licence key is set, so
 * tldraw would hide its canvas here: the board opens as a table instead, fully
 * usable, with a notice that tells the facilitator what the operator must do.
 * Two people edit live through the proxy; the share token leaves the address
 * bar at once, and no request leaves the origin.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/server.ts';
import { freePort } from '../integration/reliability-support.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import {
  type E2eEnv,
  enterName,
  foreignRequests,
  launchChromium,
  newPerson,
  type Person,
  SCREENSHOT_DIR,
  startE2e,
} from './helpers/harness.ts';
import { startTlsProxy, type TlsProxy } from './helpers/tls-proxy.ts';

const HOST = 'samtavla.test';

describe('behind an HTTPS reverse proxy on a host name, without a tldraw licence', () => {
  let env: E2eEnv;
  let proxy: TlsProxy;
  let browser: Browser;
  let karin: Person;
  let olle: Person;
  let board: Awaited<ReturnType<typeof createBoard>>;
  const cards = nsuRows().slice(0, 6).map(cardFromRow);
  const link = (role: 'facilitator' | 'participant', view = '') =>
    `${proxy.origin}/b/${board.id}${view}#token=${board.tokens[role]}`;

  beforeAll(async () => {
    env = await startE2e({ trustProxy: 1 });
    board = await createBoard(env.origin, { title: 'Samverkansplan Östhammar 2026', templateId: 'nsu-2019' });
    await seedCards(env.origin, board.id, cards);
    proxy = await startTlsProxy(HOST, await freePort(), env.server.port);
    browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, '--ignore-certificate-errors']);
    karin = await newPerson({ browser });
    olle = await newPerson({ browser });
  });

  afterAll(async () => {
    expect([...(karin?.errors ?? []), ...(olle?.errors ?? [])]).toEqual([]);
    await browser?.close();
    await proxy?.stop();
    await env?.close();
  });

  it('opens the board as a usable table with the licence notice, the token gone from the address', async () => {
    const page = karin.page;
    await page.goto(link('facilitator'));
    await enterName(page, 'Karin Facilitator');
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    await page.getByTestId('canvas-unlicensed').waitFor();
    expect(await page.getByTestId('canvas-unlicensed-operator').textContent()).toContain('TLDRAW_LICENSE_KEY');
    await page.locator(`tr[data-card-id="${cards[0]?.id}"]`).waitFor();
    // Past tldraw's five seconds, the page is still the table, never blank.
    await page.waitForTimeout(5_500);
    expect(await page.locator('tr[data-card-id]').count()).toBe(cards.length);
    expect(await page.locator('.tl-container').count()).toBe(0);
    expect(await page.evaluate(() => location.href)).toBe(`${proxy.origin}/b/${board.id}`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/production-unlicensed.png` });
    expect(foreignRequests(proxy.origin, karin.requests)).toEqual([]);
  });

  it('shows a participant the notice without the operator part, and carries an edit live through the proxy', async () => {
    const page = olle.page;
    await page.goto(link('participant'));
    await enterName(page, 'Olle Östlund');
    await page.getByTestId('canvas-unlicensed').waitFor();
    expect(await page.getByTestId('canvas-unlicensed-operator').count()).toBe(0);
    const responsible = (p: Person) => p.page.locator(`[data-card-id="${cards[1]?.id}"] [data-field="responsible"]`);
    await responsible(olle).fill('Samordnare Östhammar');
    await expect.poll(() => responsible(karin).inputValue(), { timeout: 10_000 }).toBe('Samordnare Östhammar');
    expect(foreignRequests(proxy.origin, olle.requests)).toEqual([]);
    // The WebSocket went through the proxy too.
    expect(olle.requests.some((url) => url.startsWith(`wss://${HOST}:${proxy.port}/ws/`))).toBe(true);
  });
});
