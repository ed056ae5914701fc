/**
 * The board page under its Content-Security-Policy, in real Chromium: the page
 * is served with the policy, a board with a card renders on the canvas, and
 * the browser reports no violation of the policy (securitypolicyviolation
 * events from the first script on, and CSP errors on the console). The server
 * deletes unused boards after 14 days here, so the page also shows its expiry warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/server.ts';
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

  it('renders a board with a card and reports no CSP violation', async () => {
    const board = await createBoard(env.origin);
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
});
