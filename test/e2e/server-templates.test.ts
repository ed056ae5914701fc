/**
 * Templates of the server's TEMPLATES_DIR on the start page, in real Chromium:
 * the create form offers them beside the built-in ones and makes a board on
 * one, and "Eget upplägg" copies one into the designer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownTemplate } from '../helpers/templates.ts';
import { type E2eEnv, enterName, newPerson, type Person, startE2e } from './helpers/harness.ts';

const AREAS = ['Barn och unga i länet', 'Äldres hälsa och omsorg'];

describe('server-wide templates on the start page', () => {
  let env: E2eEnv;
  let anna: Person;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samtavla-templates-'));
    const template = ownTemplate(AREAS, 1, 'lansplan-2026');
    template.shortTitle = { sv: 'Länsplan 2026', en: 'County plan 2026' };
    writeFileSync(join(dir, 'lansplan.json'), JSON.stringify(template));
    env = await startE2e({ templatesDir: dir });
    anna = await newPerson(env);
  });

  afterAll(async () => {
    await env?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a server template into the designer', async () => {
    const { page } = anna;
    await page.goto(`${env.origin}/`);
    await page.getByTestId('own-copy-choice').selectOption('lansplan-2026');
    await page.getByTestId('own-copy').click();
    await page.getByTestId('template-designer').waitFor();
    const titles = page.getByTestId('designer-area').getByTestId('area-title').locator('[data-lang="sv"]');
    await expect
      .poll(() => titles.evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value)))
      .toEqual(AREAS);
  });

  it('offers it in the create form and makes a board on it', async () => {
    const { page } = anna;
    await page.goto(`${env.origin}/`);
    const choice = page.getByRole('radio', { name: /Länsplan 2026/ });
    await choice.check();
    await page.getByTestId('board-title-input').fill('Länsplan Uppsala 2026');
    await page.getByTestId('create-board').click();
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/);
    await enterName(page, 'Anna Andersson');
    await page.locator('.zone--area').first().waitFor();
    await expect.poll(() => page.locator('.zone--area').count()).toBe(2);
    expect(await page.locator('.zone--area').first().textContent()).toContain(AREAS[0]);
    expect(anna.errors).toEqual([]);
  });
});
