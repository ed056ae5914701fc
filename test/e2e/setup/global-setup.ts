/**
 * Runs once before the e2e tests: checks the client build exists and that
 * Debian's chromium is installed, installing it when missing so `npm test`
 * works on a fresh machine (the tests run as root there).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const distIndex = fileURLToPath(new URL('../../../dist/index.html', import.meta.url));

export default function globalSetup(): void {
  if (!existsSync(distIndex)) {
    throw new Error(
      `The e2e tests run the built client, but ${distIndex} is missing. Build it first with \`npm run build\` (\`npm test\` builds before running vitest).`,
    );
  }
  if (existsSync(CHROMIUM_PATH)) return;
  console.log(`[e2e] ${CHROMIUM_PATH} is missing: installing Debian's chromium (apt-get, about half a minute)…`);
  try {
    execSync('apt-get update && apt-get install -y chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    throw new Error(
      `Could not install chromium for the e2e tests (apt-get needs root and the Debian mirrors). Install it yourself with \`apt-get install -y chromium\`. Cause: ${(error as Error).message}`,
    );
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get finished but ${CHROMIUM_PATH} still does not exist.`);
}
