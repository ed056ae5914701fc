/** Latency samples, percentiles and target verdicts for the bench report. */

/** A growable list of latency samples (milliseconds), cheap to fill from hot paths. */
export class Samples {
  private buffer = new Float64Array(4096);
  length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }

  addAll(values: Float64Array): void {
    for (const value of values) this.push(value);
  }

  toArray(): Float64Array {
    return this.buffer.slice(0, this.length);
  }
}

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles; NaN when there are no samples (reported as "n/a", never as a pass). */
export function distribution(values: Float64Array): Distribution {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

export interface TargetCheck {
  figure: string;
  value: number;
  unit: string;
  op: '<=' | '>=';
  limit: number;
  pass: boolean;
  /** Why the figure is what it is, e.g. "client side saturated". */
  note?: string;
}

export function check(figure: string, value: number, unit: string, op: '<=' | '>=', limit: number, note?: string) {
  const pass = Number.isFinite(value) && (op === '<=' ? value <= limit : value >= limit);
  return { figure, value, unit, op, limit, pass, ...(note ? { note } : {}) } satisfies TargetCheck;
}

export const round = (value: number, digits = 2): number =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value;

export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;

export function describeDistribution(d: Distribution): string {
  return `p50 ${ms(d.p50)}  p95 ${ms(d.p95)}  p99 ${ms(d.p99)}  max ${ms(d.max)}  (n=${d.count.toLocaleString('en-US')})`;
}

export function describeCheck(c: TargetCheck): string {
  const value = c.unit === 'ms' ? ms(c.value) : `${round(c.value).toLocaleString('en-US')} ${c.unit}`;
  const limit = `${c.limit.toLocaleString('en-US')} ${c.unit}`;
  return `${c.pass ? 'PASS' : 'MISS'}  ${c.figure}: ${value} (target ${c.op} ${limit})${c.note ? ` — ${c.note}` : ''}`;
}
