/**
 * Runs once before the e2e tests: checks the client build exists and that
 * Debian's chromium and caddy are installed, installing them when missing so
 * `npm test` works on a fresh machine (the tests run as root there).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackage } from './debian-package.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CADDY_PATH = '/usr/bin/caddy';
const distIndex = fileURLToPath(new URL('../../../dist/index.html', import.meta.url));

export default function globalSetup(): void {
  if (!existsSync(distIndex)) {
    throw new Error(
      `The e2e tests run the built client, but ${distIndex} is missing. Build it first with \`npm run build\` (\`npm test\` builds before running vitest).`,
    );
  }
  ensureDebianPackage('chromium', CHROMIUM_PATH, 'the end-to-end tests');
  ensureDebianPackage('caddy', CADDY_PATH, 'the test behind an HTTPS reverse proxy');
}
