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
});
