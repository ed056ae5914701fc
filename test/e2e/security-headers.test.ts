/**
 * The board page under its Content-Security-Policy, in real Chromium: the page
 * is served with the policy, a board with a card renders on the canvas, and
 * the browser reports no violation of the policy (securitypolicyviolation
 * events from the first script on, and CSP errors on the console). The server
 * deletes unused boards after 14 days here, so the page also shows its expiry warning.
 * An image record pointing to another address (a tracking pixel) is refused by the server, and an
 * image of another address put into the page is not fetched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { type E2eEnv, enterName, newPerson, type Person, startE2e } from './helpers/harness.ts';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

describe('the board page under its Content-Security-Policy', () => {
  let env: E2eEnv;
  let person: Person;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    env = await startE2e({ boardRetentionDays: 14 });
    person = await newPerson(env);
    // Registered before any of the page's scripts run, so no violation during start-up is missed.
    await person.page.addInitScript(() => {
      const seen: Violation[] = [];
      (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push({
          directive: event.violatedDirective,
          blocked: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}`,
        }),
      );
    });
    person.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await env?.close();
  });

  let boardId = '';

  it('renders a board with a card and reports no CSP violation', async () => {
    const board = await createBoard(env.origin);
    boardId = board.id;
    const [row] = nsuRows();
    if (!row) throw new Error('the NSU fixture has no rows');
    await seedCards(env.origin, board.id, [{ ...cardFromRow(row, 0), goalId: 'A1' }]);

    // A facilitator's share link: the token rides in the fragment, which never reaches the server.
    const response = await person.page.goto(`${env.origin}/b/${board.id}#token=${board.tokens.facilitator}`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await enterName(person.page, 'Cecilia');
    await person.page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    await person.page.locator('.tl-canvas').waitFor();
    await person.page.locator('[data-testid="activity-card"]').first().waitFor();
    // Hover and a zoom draw cursors and re-style shapes: code paths that write styles.
    await person.page.mouse.move(700, 450);
    await person.page.keyboard.press('Shift+1');
    await person.page.waitForTimeout(500);

    const violations = await person.page.evaluate(
      () => (window as unknown as { cspViolations: Violation[] }).cspViolations,
    );
    expect(violations).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    expect(person.errors).toEqual([]);
  });

  it('warns that the board will be deleted if it is not used, with the date', async () => {
    const notice = person.page.getByTestId('expiry-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Tavlan raderas automatiskt \d{1,2} \p{L}+ \d{4}/u);
  });

  it('does not fetch an image that points to another address (a tracking pixel): the policy blocks it', async () => {
    const pixel = 'http://203.0.113.7/pixel.png';
    // The browser reports a blocked load as a failed request; any other failure (the address is a
    // documentation range, unreachable) or a finished one would mean it was sent.
    const outcomes: string[] = [];
    person.page.on('requestfailed', (request) => {
      if (request.url() === pixel) outcomes.push(request.failure()?.errorText ?? 'failed');
    });
    person.page.on('requestfinished', (request) => {
      if (request.url() === pixel) outcomes.push('finished');
    });
    // Written as any client could, straight into the document: the server refuses the record
    // (an asset URL that is not the board's own), stores nothing and closes the writer with 4422 …
    const writer = connectClient(env.origin, boardId);
    await writer.synced;
    const closed = new Promise<number>((resolve) =>
      writer.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );
    writer.doc.getMap('canvas').set('asset:pixel', {
      id: 'asset:pixel',
      typeName: 'asset',
      type: 'image',
      props: { name: 'pixel.png', src: pixel, w: 100, h: 100, mimeType: 'image/png', isAnimated: false },
      meta: {},
    });
    expect(await closed).toBe(4422);
    writer.destroy();
    // … and the page's policy is the second guard: an image put into the page by any other way
    // (a script, an extension, a future bug) is not fetched either.
    await person.page.evaluate((src) => {
      const img = document.createElement('img');
      img.src = src;
      document.body.append(img);
    }, pixel);
    await expect
      .poll(() =>
        person.page.evaluate(() =>
          (window as unknown as { cspViolations: Violation[] }).cspViolations.map((v) => `${v.directive} ${v.blocked}`),
        ),
      )
      .toContain(`img-src ${pixel}`);
    await expect.poll(() => outcomes.length).toBeGreaterThan(0);
    expect(new Set(outcomes)).toEqual(new Set(['csp'])); // Playwright's word for Chromium's ERR_BLOCKED_BY_CSP
  });
});
