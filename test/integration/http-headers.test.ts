/**
 * Headers on every answer (README "Security headers"), from a real server
 * serving a small client build: the CSP and the other security headers on API,
 * page and asset answers, caching that fits each, and JSON 404s for unknown
 * API paths and missing build files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { createBoard, removeDir, startTestServer, tempDataDir } from '../helpers/server.ts';

const PAGE = '<!doctype html><html><head><meta name="csp-nonce" content="" /></head><body>board</body></html>';
const ASSET = '/assets/index-Ab12Cd34.js';

let server: RunningServer;
let dataDir: string;
let staticDir: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  staticDir = tempDataDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), PAGE);
  writeFileSync(join(staticDir, ASSET), 'console.log(1);');
  server = await startTestServer({ dataDir, staticDir });
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
  removeDir(staticDir);
});

/** The directives of a CSP header as a map from name to its sources. */
function directives(csp: string | null): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

function expectSecurityHeaders(response: Response, host: string): void {
  const csp = directives(response.headers.get('content-security-policy'));
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
  expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  const styles = csp.get('style-src') ?? [];
  expect(styles[0]).toBe("'self'");
  expect(styles[1]).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
  expect(styles).toHaveLength(2);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  const permissions = response.headers.get('permissions-policy') ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation']) expect(permissions).toContain(`${feature}=()`);
}

describe('security headers', () => {
  it('are on API answers, which are never stored in a cache', async () => {
    const host = new URL(server.url).host;
    const board = await createBoard(server.url);
    for (const path of ['/api/health', `/api/boards/${board.id}`, '/api/boards/AAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await fetch(`${server.url}${path}`);
      expectSecurityHeaders(response, host);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('are on the page, which is revalidated on every load and carries the nonce of its own policy', async () => {
    const host = new URL(server.url).host;
    for (const path of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA', '/b/AAAAAAAAAAAAAAAAAAAAAA/table']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expectSecurityHeaders(response, host);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
      expect(await response.text()).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
    }
    const first = await fetch(`${server.url}/`);
    const second = await fetch(`${server.url}/`);
    expect(first.headers.get('content-security-policy')).not.toBe(second.headers.get('content-security-policy'));
  });

  it('are on hashed assets, which may be cached for a year', async () => {
    const response = await fetch(`${server.url}${ASSET}`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, new URL(server.url).host);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('leave the WebSocket origin out of the policy when the Host header is not a plain host', async () => {
    const { request } = await import('node:http');
    const csp = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.url}/api/health`, { headers: { Host: `x"'unsafe-eval'` } });
      req.on('response', (response) => {
        response.resume();
        resolve(String(response.headers['content-security-policy']));
      });
      req.on('error', reject);
      req.end();
    });
    expect(directives(csp).get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('unknown paths', () => {
  it('answer a JSON 404 under /api instead of the page', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['GET', '/api/boards/AAAAAAAAAAAAAAAAAAAAAA/nothing'],
      ['POST', '/api/nothing'],
      ['DELETE', '/api/health'],
      ['GET', '/api'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ error: 'not found' });
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answer a 404 for a missing build file, which is not cached as the page', async () => {
    const response = await fetch(`${server.url}/assets/index-gone1234.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});
