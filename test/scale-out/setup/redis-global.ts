/**
 * vitest globalSetup of the scale-out tests: one private Redis per run
 * (test/helpers/redis-server.ts), its address handed to the test files as `inject('redisUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { startRedisServer } from '../../helpers/redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await startRedisServer();
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
