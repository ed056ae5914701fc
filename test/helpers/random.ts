/** Seeded randomness for property, fuzz and crash tests: a failing run is repeated from its seed. */

/** mulberry32: a small, fast PRNG, good enough to drive a test from one number. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed from `SEED` (to repeat a run), else a fixed one: the tests are deterministic by default. */
export function seedFor(name: string, fallback: number): number {
  const seed = Number(process.env.SEED ?? fallback);
  console.log(`${name}: seed ${seed} (repeat with SEED=${seed})`);
  return seed;
}
