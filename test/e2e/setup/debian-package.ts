/**
 * Installs a Debian package the tests need when its program is missing, so
 * `npm test` works on a fresh machine (the tests run as root there, with the
 * Debian mirrors reachable), like the real parts the tests use: Chromium, Caddy,
 * PostgreSQL.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureDebianPackage(pkg: string, program: string, why: string): void {
  if (existsSync(program)) return;
  installDebianPackage(pkg, `${program} is missing`, why);
  if (!existsSync(program)) throw new Error(`apt-get finished but ${program} still does not exist.`);
}

/** Runs `apt-get install -y pkg`, with a clear error when it cannot (no root, no mirror). */
export function installDebianPackage(pkg: string, reason: string, why: string): void {
  console.log(`[test setup] ${reason}: installing Debian's ${pkg} for ${why} (apt-get)…`);
  try {
    execSync(`apt-get update && apt-get install -y ${pkg}`, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    throw new Error(
      `Could not install ${pkg} (apt-get needs root and the Debian mirrors). Install it yourself with \`apt-get install -y ${pkg}\`. Cause: ${(error as Error).message}`,
    );
  }
}
