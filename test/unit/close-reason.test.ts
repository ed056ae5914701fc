import { describe, expect, it } from 'vitest';
import { fitCloseReason } from '../../server/sync/connection.ts';

const bytes = (text: string) => Buffer.byteLength(text);

describe('fitCloseReason', () => {
  it('keeps a reason that fits a close frame as it is', () => {
    expect(fitCloseReason('the board is full (at most 2000 cards)')).toBe('the board is full (at most 2000 cards)');
    expect(fitCloseReason('x'.repeat(123))).toBe('x'.repeat(123));
  });

  it('cuts a longer reason to 123 bytes', () => {
    expect(fitCloseReason('x'.repeat(200))).toBe('x'.repeat(123));
  });

  it('never cuts inside a character', () => {
    // 'å' is 2 bytes, '日' 3 and '👍' 4: a cut at byte 123 falls inside each of them here.
    for (const [head, char] of [
      ['x'.repeat(122), 'å'],
      ['x'.repeat(121), '日'],
      ['x'.repeat(120), '👍'],
    ] as const) {
      const cut = fitCloseReason(head + char.repeat(5));
      expect(cut).toBe(head);
      expect(bytes(cut)).toBeLessThanOrEqual(123);
    }
    const japanese = fitCloseReason(`root "${'日本語'.repeat(14)}"`);
    expect(bytes(japanese)).toBeLessThanOrEqual(123);
    expect(japanese).not.toContain('\uFFFD');
  });
});
