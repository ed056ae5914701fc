import { describe, expect, it } from 'vitest';
import { isTldrawProductionHost } from '../../client/app/runtime-config.ts';

describe('where tldraw needs a licence key (its own rule)', () => {
  it('counts https on a host name as production', () => {
    expect(isTldrawProductionHost({ protocol: 'https:', hostname: 'samtavla.region.se' })).toBe(true);
    expect(isTldrawProductionHost({ protocol: 'https:', hostname: '10.0.0.5' })).toBe(true);
    expect(isTldrawProductionHost({ protocol: 'https:', hostname: 'board.localhost' })).toBe(true);
  });

  it('lets plain http and https on loopback run without a key', () => {
    expect(isTldrawProductionHost({ protocol: 'http:', hostname: 'samtavla.region.se' })).toBe(false);
    for (const hostname of ['localhost', '127.0.0.1', '127.5.6.7', '[::1]', 'LOCALHOST']) {
      expect(isTldrawProductionHost({ protocol: 'https:', hostname })).toBe(false);
    }
  });
});
