/** Gzip size of what the board page loads: every script and stylesheet of the build (fonts and icons load on demand). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Scenario } from '../harness.ts';
import { check } from '../stats.ts';

export const bundle: Scenario = {
  name: 'bundle',
  title: 'Client bundle (gzip) for the board page, from dist/ (npm run build first)',
  async run(context) {
    const assets = fileURLToPath(new URL('../../../dist/assets', import.meta.url));
    const files = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
    const sizes = Object.fromEntries(
      files.map((name) => [name, gzipSync(readFileSync(join(assets, name)), { level: 9 }).byteLength]),
    );
    const totalKb = Object.values(sizes).reduce((sum, bytes) => sum + bytes, 0) / 1024;
    for (const [name, bytes] of Object.entries(sizes)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)) {
      context.log(`  ${name}: ${(bytes / 1024).toFixed(0)} KB gzip`);
    }
    context.log(`  all scripts and styles: ${totalKb.toFixed(0)} KB gzip`);
    return {
      name: 'bundle',
      figures: { gzipKb: totalKb, files: sizes },
      checks: [check('board page scripts + styles (gzip)', totalKb, 'KB', '<=', 700)],
    };
  },
};
