/**
 * The tldraw licence key at run time (README "The tldraw licence key"): the
 * server writes TLDRAW_LICENSE_KEY into every page it serves, escaped for an
 * HTML attribute, and warns at start when it listens beyond loopback without
 * one (the canvas is then unavailable on https host names).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log/logger.ts';
import type { RunningServer } from '../../server/start.ts';
import { removeDir, startTestServer, tempDataDir } from '../helpers/server.ts';

const dirs: string[] = [];
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** A built page with the placeholders of client/index.html. */
function staticDir(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<html><head><meta name="csp-nonce" content="" /><meta name="samtavla-config" content="" /></head><body></body></html>',
  );
  return dir;
}

const configOf = (html: string) => {
  const content = /<meta name="samtavla-config" content="([^"]*)" \/>/.exec(html)?.[1] ?? '';
  return JSON.parse(
    content.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
  );
};

describe('the tldraw licence key at run time', () => {
  it('hands the key to every page, escaped so it cannot break out of the attribute', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const key = 'tldraw-2026/"><script>alert(1)</script>&x';
    server = await startTestServer({ dataDir, staticDir: staticDir(), tldrawLicenseKey: key });
    for (const path of ['/', '/b/abc/table', '/rollup']) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      expect(html).not.toContain('<script>');
      expect(configOf(html)).toEqual({ tldrawLicenseKey: key });
    }
  });

  it('gives an empty config without a key, and warns at start when listening beyond loopback', async () => {
    const lines: string[] = [];
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    server = await startTestServer({ dataDir, staticDir: staticDir(), host: '0.0.0.0', log });
    const html = await (await fetch(`${server.url}/`)).text();
    expect(configOf(html)).toEqual({});
    const warning = lines.map((line) => JSON.parse(line)).find((entry) => entry.event === 'server.no-tldraw-licence');
    expect(warning?.msg).toContain('TLDRAW_LICENSE_KEY is not set');
  });

  it('warns on loopback behind a proxy (README: HOST=127.0.0.1 TRUST_PROXY=1), whose pages are on a public name', async () => {
    const lines: string[] = [];
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    server = await startTestServer({ dataDir, host: '127.0.0.1', trustProxy: 1, log });
    expect(lines.some((line) => line.includes('server.no-tldraw-licence'))).toBe(true);
  });

  it('warns on loopback when an allowed origin is https on a real host name', async () => {
    const lines: string[] = [];
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    server = await startTestServer({ dataDir, allowedOrigins: ['https://board.example.org'], log });
    expect(lines.some((line) => line.includes('server.no-tldraw-licence'))).toBe(true);
  });

  it('does not warn on loopback, where the canvas runs without a key', async () => {
    const lines: string[] = [];
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    server = await startTestServer({ dataDir, log });
    expect(lines.some((line) => line.includes('server.no-tldraw-licence'))).toBe(false);
  });
});
