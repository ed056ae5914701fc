/** Server configuration from environment variables, with the defaults README.md lists. */
import { resolve } from 'node:path';
import { MAX_WS_MESSAGE_BYTES } from '../shared/limits.ts';
import { parseAllowedOrigins } from './auth/origin.ts';
import { DEFAULT_PLAN_JOB_TIMEOUT_MS, defaultPlanThreads } from './plans/plan-pool.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The built client (vite build output); served with an SPA fallback when it exists. */
  staticDir: string;
  maxMessageBytes: number;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Plan export/import worker threads and the time limit of one job. */
  planThreads: number;
  planJobTimeoutMs: number;
  allowedOrigins: string[];
  historyKeepAllHours: number;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.SQLITE_SYNCHRONOUS}"`);
  }
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    staticDir: resolve(env.STATIC_DIR || './dist'),
    maxMessageBytes: intFrom(env, 'MAX_MESSAGE_BYTES', MAX_WS_MESSAGE_BYTES, 1024, 256 * 1024 * 1024),
    sqliteSynchronous: synchronous,
    planThreads: intFrom(env, 'PLAN_THREADS', defaultPlanThreads(), 2, 64),
    planJobTimeoutMs: intFrom(env, 'PLAN_JOB_TIMEOUT_MS', DEFAULT_PLAN_JOB_TIMEOUT_MS, 1_000, 600_000),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    historyKeepAllHours: intFrom(env, 'HISTORY_KEEP_ALL_HOURS', 24, 1, 24 * 365),
  };
}
