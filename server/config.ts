/** Server configuration from environment variables, with the defaults README.md lists. */
import { resolve } from 'node:path';
import { MAX_WS_MESSAGE_BYTES } from '../shared/limits.ts';
import { parseAllowedOrigins } from './auth/origin.ts';
import { type AddressLimitSettings, DEFAULT_ADDRESS_LIMITS } from './http/address-limits.ts';
import { DEFAULT_HTTP_LIMITS, defaultMaxConnections, type HttpLimits } from './http/http-limits.ts';
import { DEFAULT_PLAN_JOB_TIMEOUT_MS, defaultPlanThreads } from './plans/plan-pool.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** DATABASE_URL (postgres://…): boards live in PostgreSQL instead of the SQLite file under dataDir. */
  databaseUrl?: string;
  /** PostgreSQL connections this process keeps at most (PG_POOL_SIZE). */
  pgPoolSize: number;
  /** The built client (vite build output); served with an SPA fallback when it exists. */
  staticDir: string;
  maxMessageBytes: number;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** How many reverse proxies in front append to X-Forwarded-For; 0: the header is ignored. */
  trustProxy: number;
  addressLimits: AddressLimitSettings;
  http: HttpLimits;
  /** Boards neither opened nor edited for this many days are deleted; 0: never. */
  boardRetentionDays: number;
  /** pino level of the log on stdout. */
  logLevel: string;
  /** Plan export/import worker threads and the time limit of one job. */
  planThreads: number;
  planJobTimeoutMs: number;
  allowedOrigins: string[];
  historyKeepAllHours: number;
  /** Server-wide templates (*.json), read at start; absent: the built-in ones only. */
  templatesDir?: string;
  /** Bearer token of `/metrics`; absent: metrics are off. */
  metricsToken?: string;
  /** The tldraw licence key the pages get (TLDRAW_LICENSE_KEY, or the build-time name VITE_TLDRAW_LICENSE_KEY). */
  tldrawLicenseKey?: string;
  /** REDIS_URL: other processes serve the same boards, relayed through this Redis (README "Running on several machines"). */
  redisUrl?: string;
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

/** TRUST_PROXY: off (default), on (one proxy) or the number of proxies in front. */
function trustProxyFrom(env: NodeJS.ProcessEnv): number {
  const raw = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'off' || raw === 'false' || raw === 'no') return 0;
  if (raw === 'on' || raw === 'true' || raw === 'yes') return 1;
  return intFrom(env, 'TRUST_PROXY', 0, 0, 10);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.SQLITE_SYNCHRONOUS}"`);
  }
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const limits = DEFAULT_ADDRESS_LIMITS;
  const headersTimeoutMs = intFrom(env, 'HEADERS_TIMEOUT_MS', DEFAULT_HTTP_LIMITS.headersTimeoutMs, 100, 600_000);
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: databaseUrlFrom(env),
    pgPoolSize: intFrom(env, 'PG_POOL_SIZE', 10, 1, 1000),
    staticDir: resolve(env.STATIC_DIR || './dist'),
    maxMessageBytes: intFrom(env, 'MAX_MESSAGE_BYTES', MAX_WS_MESSAGE_BYTES, 1024, 256 * 1024 * 1024),
    sqliteSynchronous: synchronous,
    trustProxy: trustProxyFrom(env),
    addressLimits: {
      boardCreationsPerMinute: intFrom(env, 'BOARD_CREATIONS_PER_MINUTE', limits.boardCreationsPerMinute, 1, 1e6),
      failedAuthPerMinute: intFrom(env, 'FAILED_AUTH_PER_MINUTE', limits.failedAuthPerMinute, 1, 1e6),
      wsPerAddress: intFrom(env, 'WS_CONNECTIONS_PER_ADDRESS', limits.wsPerAddress, 1, 1e6),
      wsPerBoard: intFrom(env, 'WS_CONNECTIONS_PER_BOARD', limits.wsPerBoard, 1, 1e6),
    },
    http: {
      headersTimeoutMs,
      requestTimeoutMs: intFrom(
        env,
        'REQUEST_TIMEOUT_MS',
        Math.max(DEFAULT_HTTP_LIMITS.requestTimeoutMs, headersTimeoutMs),
        headersTimeoutMs,
        3_600_000,
      ),
      keepAliveTimeoutMs: intFrom(env, 'KEEP_ALIVE_TIMEOUT_MS', DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs, 100, 600_000),
      maxConnections: intFrom(env, 'MAX_CONNECTIONS', defaultMaxConnections(), 16, 10_000_000),
    },
    boardRetentionDays: intFrom(env, 'BOARD_RETENTION_DAYS', 0, 0, 36_500),
    logLevel,
    planThreads: intFrom(env, 'PLAN_THREADS', defaultPlanThreads(), 2, 64),
    planJobTimeoutMs: intFrom(env, 'PLAN_JOB_TIMEOUT_MS', DEFAULT_PLAN_JOB_TIMEOUT_MS, 1_000, 600_000),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    historyKeepAllHours: intFrom(env, 'HISTORY_KEEP_ALL_HOURS', 24, 1, 24 * 365),
    templatesDir: env.TEMPLATES_DIR ? resolve(env.TEMPLATES_DIR) : undefined,
    metricsToken: metricsTokenFrom(env),
    tldrawLicenseKey: (env.TLDRAW_LICENSE_KEY || env.VITE_TLDRAW_LICENSE_KEY)?.trim() || undefined,
    redisUrl: redisUrlFrom(env),
  };
}

/** METRICS_TOKEN, long enough not to be guessed: metrics tell who works on how many boards. */
function metricsTokenFrom(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.METRICS_TOKEN?.trim();
  if (!token) return undefined;
  if (token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters (try: openssl rand -hex 24)');
  return token;
}

/** REDIS_URL as ioredis reads it (redis:// or rediss:// for TLS); a typo fails at start, not at the first edit. */
function redisUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.REDIS_URL?.trim();
  // Several processes on one SQLite file would compact it over each other: the relay needs the shared store.
  if (raw && !env.DATABASE_URL?.trim()) {
    throw new Error('REDIS_URL needs DATABASE_URL: several processes share their boards through PostgreSQL');
  }
  if (!raw) return undefined;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {}
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new Error('REDIS_URL must be a redis:// or rediss:// address, e.g. redis://127.0.0.1:6379');
  }
  return raw;
}

/** DATABASE_URL: a postgres:// (or postgresql://) URL; empty or absent: the SQLite store. */
export function databaseUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new Error(
      'DATABASE_URL must be a postgres:// or postgresql:// URL (unset it for the SQLite store under DATA_DIR)',
    );
  }
  return raw;
}
