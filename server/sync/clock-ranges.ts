/**
 * Sorted clock ranges of one Yjs client in typed arrays, the storage under the
 * document index (doc-index.ts): a 1,000-card board has ≈ 30,000 ranges, and an
 * object per range would cost ten times the memory of these columns.
 */

type Numeric = Float64Array | Int32Array;

/** The value under `key`, created with `make` when missing. */
export function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** A growable typed-array column. */
class Column<T extends Numeric> {
  data: T;
  length = 0;
  private readonly make: (size: number) => T;

  constructor(make: (size: number) => T, initial?: T) {
    this.make = make;
    this.data = initial ?? make(4);
    if (initial) this.length = initial.length;
  }

  get(at: number): number {
    return this.data[at] as number;
  }

  set(at: number, value: number): void {
    this.data[at] = value;
  }

  insert(at: number, value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    if (at < this.length) this.data.copyWithin(at + 1, at, this.length);
    this.data[at] = value;
    this.length++;
  }

  remove(at: number, count: number): void {
    this.data.copyWithin(at, at + count, this.length);
    this.length -= count;
  }

  /** The used part, as a copy (for handing the index to another thread). */
  slice(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const floats = (size: number) => new Float64Array(size);
const ints = (size: number) => new Int32Array(size);

/** Index of the last range starting at or before `clock` in sorted `starts`, or -1. */
function lastStartAtOrBefore(starts: Column<Float64Array>, clock: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts.get(middle) <= clock) low = middle + 1;
    else high = middle - 1;
  }
  return high;
}

/** What a range of items is: the type it sits in, its map key, the type it is itself. */
export interface RangeInfo {
  parent: number;
  key: number;
  node: number;
}

export type ItemRangesData = [Float64Array, Float64Array, Int32Array, Int32Array, Int32Array];

/** One client's items: [start, end) → parent node, key, own node (-1 when not a type). */
export class ItemRanges {
  private readonly starts: Column<Float64Array>;
  private readonly ends: Column<Float64Array>;
  private readonly parents: Column<Int32Array>;
  private readonly keys: Column<Int32Array>;
  private readonly nodes: Column<Int32Array>;

  constructor(data?: ItemRangesData) {
    this.starts = new Column(floats, data?.[0]);
    this.ends = new Column(floats, data?.[1]);
    this.parents = new Column(ints, data?.[2]);
    this.keys = new Column(ints, data?.[3]);
    this.nodes = new Column(ints, data?.[4]);
  }

  get length(): number {
    return this.starts.length;
  }

  /** The range holding `clock`, as its position, or -1. */
  find(clock: number): number {
    const at = lastStartAtOrBefore(this.starts, clock);
    return at >= 0 && clock < this.ends.get(at) ? at : -1;
  }

  info(at: number): RangeInfo {
    return { parent: this.parents.get(at), key: this.keys.get(at), node: this.nodes.get(at) };
  }

  start(at: number): number {
    return this.starts.get(at);
  }

  end(at: number): number {
    return this.ends.get(at);
  }

  /** The first clock at or after `clock` that no range holds (what of an item is new). */
  firstUnknown(clock: number, end: number): number {
    let at = this.find(clock);
    while (at >= 0 && clock < end) {
      clock = this.ends.get(at);
      at = this.find(clock);
    }
    return clock;
  }

  /** Positions of the ranges overlapping [start, end), in order. */
  *overlapping(start: number, end: number): Generator<number> {
    let at = Math.max(0, lastStartAtOrBefore(this.starts, start));
    for (; at < this.length && this.starts.get(at) < end; at++) if (this.ends.get(at) > start) yield at;
  }

  /** Adds [start, end) (not overlapping any range); a continuation of the last range extends it. */
  add(start: number, end: number, { parent, key, node }: RangeInfo): void {
    const at = lastStartAtOrBefore(this.starts, start) + 1;
    const before = at - 1;
    if (
      before >= 0 &&
      at === this.length &&
      node < 0 &&
      this.nodes.get(before) < 0 &&
      this.ends.get(before) === start &&
      this.parents.get(before) === parent &&
      this.keys.get(before) === key
    ) {
      this.ends.set(before, end);
      return;
    }
    this.starts.insert(at, start);
    this.ends.insert(at, end);
    this.parents.insert(at, parent);
    this.keys.insert(at, key);
    this.nodes.insert(at, node);
  }

  toData(): ItemRangesData {
    return [this.starts.slice(), this.ends.slice(), this.parents.slice(), this.keys.slice(), this.nodes.slice()];
  }

  get bytes(): number {
    return this.starts.data.byteLength * 2 + this.parents.data.byteLength * 3;
  }
}

export type DeletedRangesData = [Float64Array, Float64Array];

/** One client's deleted clocks as merged, sorted [start, end) intervals. */
export class DeletedRanges {
  private readonly starts: Column<Float64Array>;
  private readonly ends: Column<Float64Array>;

  constructor(data?: DeletedRangesData) {
    this.starts = new Column(floats, data?.[0]);
    this.ends = new Column(floats, data?.[1]);
  }

  has(clock: number): boolean {
    const at = lastStartAtOrBefore(this.starts, clock);
    return at >= 0 && clock < this.ends.get(at);
  }

  /** The parts of [start, end) not deleted yet. */
  missing(start: number, end: number): [number, number][] {
    const parts: [number, number][] = [];
    let at = Math.max(0, lastStartAtOrBefore(this.starts, start));
    let from = start;
    for (; at < this.starts.length && this.starts.get(at) < end; at++) {
      const s = this.starts.get(at);
      const e = this.ends.get(at);
      if (e <= from) continue;
      if (s > from) parts.push([from, s]);
      from = Math.max(from, e);
    }
    if (from < end) parts.push([from, end]);
    return parts;
  }

  /** How many clocks of [start, end) are deleted. */
  overlap(start: number, end: number): number {
    let covered = 0;
    for (let at = Math.max(0, lastStartAtOrBefore(this.starts, start)); at < this.starts.length; at++) {
      const s = this.starts.get(at);
      if (s >= end) break;
      covered += Math.max(0, Math.min(end, this.ends.get(at)) - Math.max(start, s));
    }
    return covered;
  }

  add(start: number, end: number): void {
    let at = lastStartAtOrBefore(this.starts, start);
    if (at >= 0 && this.ends.get(at) >= start) {
      start = this.starts.get(at);
      end = Math.max(end, this.ends.get(at));
    } else {
      at++;
    }
    let last = at;
    while (last < this.starts.length && this.starts.get(last) <= end) {
      end = Math.max(end, this.ends.get(last));
      last++;
    }
    if (last > at) {
      this.starts.remove(at, last - at);
      this.ends.remove(at, last - at);
    }
    this.starts.insert(at, start);
    this.ends.insert(at, end);
  }

  toData(): DeletedRangesData {
    return [this.starts.slice(), this.ends.slice()];
  }

  get bytes(): number {
    return this.starts.data.byteLength * 2;
  }
}
