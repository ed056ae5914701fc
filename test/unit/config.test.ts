import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.ts';

describe('server configuration from the environment', () => {
  it('keeps metrics off by default and takes a long enough METRICS_TOKEN', () => {
    expect(configFromEnv({}).metricsToken).toBeUndefined();
    expect(configFromEnv({ METRICS_TOKEN: '  ' }).metricsToken).toBeUndefined();
    expect(configFromEnv({ METRICS_TOKEN: 'a'.repeat(16) }).metricsToken).toBe('a'.repeat(16));
  });

  it('refuses a METRICS_TOKEN short enough to guess, saying how to make one', () => {
    expect(() => configFromEnv({ METRICS_TOKEN: 'secret' })).toThrow(/at least 16 characters \(try: openssl rand/);
  });

  it('names the variable and the range of a bad number', () => {
    expect(() => configFromEnv({ PORT: 'http' })).toThrow('PORT must be a whole number from 0 to 65535, got "http"');
  });

  it('uses SQLite without DATABASE_URL and PostgreSQL with a postgres:// one, refusing anything else', () => {
    expect(configFromEnv({}).databaseUrl).toBeUndefined();
    expect(configFromEnv({ DATABASE_URL: ' ' }).databaseUrl).toBeUndefined();
    expect(configFromEnv({ DATABASE_URL: 'postgres://u:p@db:5432/samtavla' }).databaseUrl).toBe(
      'postgres://u:p@db:5432/samtavla',
    );
    expect(configFromEnv({ DATABASE_URL: 'postgresql://db/samtavla' }).databaseUrl).toBe('postgresql://db/samtavla');
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://db/samtavla' })).toThrow(/postgres:\/\/ or postgresql:\/\//);
  });

  it('takes REDIS_URL only beside DATABASE_URL: processes on one SQLite file would compact over each other', () => {
    const db = 'postgres://db/samtavla';
    expect(configFromEnv({ DATABASE_URL: db, REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(() => configFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/);
    expect(() => configFromEnv({ DATABASE_URL: db, REDIS_URL: 'http://x' })).toThrow(/redis:\/\//);
  });
});
