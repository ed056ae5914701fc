/**
 * E2E harness: the real server in this process (temp data dir, free port,
 * serving dist/) and a headless Debian chromium. Each person is a separate
 * browser context, so two people never share storage or a tldraw user id.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { silentLogger } from '../../../server/log/logger.ts';
import { type RunningServer, type StartOptions, startServer } from '../../../server/start.ts';
import type { BoardTokens, Role } from '../../../shared/roles.ts';
import { CHROMIUM_PATH } from '../setup/global-setup.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOT_DIR = join(repoRoot, 'test-results', 'e2e');

export interface E2eEnv {
  /** The running server; `stopServer` and the restart it returns replace it. */
  server: RunningServer;
  browser: Browser;
  /** The server's origin, e.g. http://127.0.0.1:41234 (the same after a restart). */
  origin: string;
  /**
   * Stops the server as a redeploy would, keeping its data, and returns the
   * function that starts it again on the same port: the browsers see a drop.
   */
  stopServer(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Every URL this person's browser requested (HTTP and WebSocket). */
  requests: string[];
  /** Uncaught page errors: a test fails when any appear. */
  errors: string[];
  /** Console warnings (y-websocket logs the server's "permission denied" answers as warnings). */
  warnings: string[];
}

/** Chromium's flags for every e2e browser (also the persistent profiles of the offline-copy tests). */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `options` reach startServer: small limits or a faulty store for the tests of what people see then. */
export async function startE2e(options: Partial<StartOptions> = {}): Promise<E2eEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samtavla-e2e-'));
  const serverOptions: StartOptions = {
    port: 0,
    dataDir,
    staticDir: join(repoRoot, 'dist'),
    log: silentLogger(),
    ...options,
  };
  let stopped = false;
  const browser = await launchChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const env: E2eEnv = {
    server: await startServer(serverOptions),
    browser,
    origin: '',
    async stopServer() {
      await env.server.close();
      stopped = true;
      return async () => {
        env.server = await startServer({ ...serverOptions, port: env.server.port });
        stopped = false;
      };
    },
    async close() {
      await browser.close();
      if (!stopped) await env.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  env.origin = env.server.url;
  return env;
}

/** Headless Debian chromium, quiet (no background requests of its own); `extraArgs` add to the flags. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...BROWSER_ARGS, ...extraArgs] });
}

export async function newPerson(env: Pick<E2eEnv, 'browser'>): Promise<Person> {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
  const requests: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('websocket', (socket) => requests.push(socket.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  return { context, page, requests, errors, warnings };
}

/**
 * One browser profile on disk (the offline-copy and drafting tests): closing it
 * and launching it again on the same directory is a restarted browser, with its
 * IndexedDB and local storage kept.
 */
export function diskProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'samtavla-profile-'));
  return {
    dir,
    async open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: BROWSER_ARGS,
        viewport: { width: 1440, height: 900 },
        locale: 'sv-SE',
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { context, page, errors };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A board's share link for a role, as the share dialog builds it: the token in the fragment. */
export function shareLinkOf(
  env: E2eEnv,
  board: { id: string; tokens: BoardTokens },
  role: Role = 'facilitator',
  view: 'canvas' | 'table' = 'canvas',
): string {
  return `${env.origin}/b/${board.id}${view === 'table' ? '/table' : ''}#token=${board.tokens[role]}`;
}

/** Requests that left the server's origin; data: and blob: URLs stay in the browser and are allowed. */
export function foreignRequests(origin: string, urls: readonly string[]): string[] {
  const wsOrigin = origin.replace(/^http/, 'ws');
  return urls.filter(
    (url) =>
      !url.startsWith(`${origin}/`) &&
      url !== origin &&
      !url.startsWith(`${wsOrigin}/`) &&
      !url.startsWith('data:') &&
      !url.startsWith('blob:'),
  );
}

/** Enters the name in the first-visit dialog. */
export async function enterName(page: Page, name: string): Promise<void> {
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('name-submit').click();
}

/** Opens a board page as a first-time visitor named `name` and waits until it is connected. */
export async function openBoardAs(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await enterName(page, name);
  await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
}
