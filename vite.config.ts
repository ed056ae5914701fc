import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the client build (client/ → dist/) and the test projects.
export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
  // Vite's dev server crashes at start-up on @tldraw/assets when it is pre-bundled.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/ws': { target: 'ws://localhost:3000', ws: true },
    },
  },
  test: {
    root: '.',
    // .ci/run asks for a JSON report to print the plain "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_REPORT
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]]
      : ['default'],
    // Vitest's default is one worker fewer than the cores: on a 2-core machine that is one,
    // and the whole suite ran file after file. Unit and integration files run two at a time;
    // the e2e files (one Chromium and one server each) run one at a time, after them.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Storage adapters against real engines: one private PostgreSQL for the run (README "PostgreSQL storage").
        extends: true,
        test: {
          name: 'storage',
          include: ['test/storage/**/*.test.ts'],
          globalSetup: ['test/storage/setup/postgres-global.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Several server processes on one store: a private PostgreSQL and Redis for the run (README "Running on several machines").
        extends: true,
        test: {
          name: 'scale-out',
          include: ['test/scale-out/**/*.test.ts'],
          globalSetup: ['test/storage/setup/postgres-global.ts', 'test/scale-out/setup/redis-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/setup/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
