/**
 * Caddy from Debian as the HTTPS reverse proxy in front of the test server,
 * as README "Running behind HTTPS" sets it up, but with Caddy's own local CA
 * (`tls internal`) for a host name only the test browser resolves. The
 * Caddyfile is the README's, with the test's host, ports and directories.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CADDY_PATH } from '../setup/global-setup.ts';

export interface TlsProxy {
  /** The public origin, e.g. https://samtavla.test:41234. */
  origin: string;
  port: number;
  stop(): Promise<void>;
}

/** The Caddyfile of README "Running behind HTTPS", for a host, a public port and the app's port. */
export function caddyfile(host: string, port: number, appPort: number, storageDir: string): string {
  return `{
\tadmin off
\tauto_https disable_redirects
\tskip_install_trust
\tstorage file_system ${storageDir}
}

${host}:${port} {
\ttls internal
\treverse_proxy 127.0.0.1:${appPort}
}
`;
}

/** Resolves once the proxy answers over TLS for `host` (any status), or rejects after `timeoutMs`. */
async function answering(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          servername: host,
          path: '/api/health',
          headers: { Host: `${host}:${port}` },
          rejectUnauthorized: false,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        },
      );
      req.on('error', () => resolve(false));
      req.end();
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`caddy did not answer on ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startTlsProxy(host: string, port: number, appPort: number): Promise<TlsProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'samtavla-caddy-'));
  const config = join(dir, 'Caddyfile');
  writeFileSync(config, caddyfile(host, port, appPort, join(dir, 'data')));
  let output = '';
  const child: ChildProcess = spawn(CADDY_PATH, ['run', '--config', config, '--adapter', 'caddyfile'], {
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CONFIG_HOME: join(dir, 'xdg-config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await answering(host, port, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output.slice(-2000)}`);
  }
  return {
    origin: `https://${host}:${port}`,
    port,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
