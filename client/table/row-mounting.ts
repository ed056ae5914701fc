/**
 * Which of the table's card rows are mounted as full rows (a dozen bound
 * fields each) and which are still light placeholders. A 1,000-card board
 * would otherwise spend over a second rendering rows nobody sees yet: the
 * first render mounts only about a screenful, and the rest follow as they
 * come near the screen, are focused, or the page is idle. A row, once
 * mounted, stays mounted, so the DOM, Tab order and find-in-page end up as
 * if every row had been rendered at once. Pure bookkeeping; the DOM side
 * (IntersectionObserver, idle callbacks) is in useRowMounting.ts.
 */

/** Where focus goes in a row that mounts because its placeholder was focused. */
export type FocusEdge = 'first' | 'last';

type Listener = () => void;

export class RowMounting {
  private readonly mounted = new Set<string>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private order: readonly string[] = [];
  /** Rows before this index of `order` are all mounted. */
  private cursor = 0;
  private seeded = false;
  private readonly focusWanted = new Map<string, FocusEdge>();

  private readonly firstRows: number;
  private readonly allUpTo: number;

  /**
   * `firstRows`: how many rows, in table order, the first render with cards
   * mounts; a board of at most `allUpTo` cards mounts them all at once (a
   * few dozen rows render fast enough, and then nothing waits).
   */
  constructor(firstRows: number, allUpTo = 0) {
    this.firstRows = firstRows;
    this.allUpTo = allUpTo;
  }

  /**
   * The card ids in table order. The first call with cards mounts the first
   * rows without notifying anyone: the rows have not rendered yet.
   */
  setOrder(ids: readonly string[]): void {
    if (ids !== this.order) this.cursor = 0;
    this.order = ids;
    if (this.seeded || ids.length === 0) return;
    this.seeded = true;
    for (const id of ids.length <= this.allUpTo ? ids : ids.slice(0, this.firstRows)) this.mounted.add(id);
  }

  isMounted(id: string): boolean {
    return this.mounted.has(id);
  }

  /** How many rows of the current order are not mounted yet. */
  pendingCount(): number {
    return this.order.reduce((count, id) => (this.mounted.has(id) ? count : count + 1), 0);
  }

  /** Calls `listener` when row `id` mounts; returns the unsubscribe function. */
  subscribe(id: string, listener: Listener): () => void {
    const set = this.listeners.get(id) ?? new Set<Listener>();
    this.listeners.set(id, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Mounts these rows (a no-op for mounted ones) and tells their subscribers. */
  mount(ids: Iterable<string>): void {
    const added: string[] = [];
    for (const id of ids) {
      if (this.mounted.has(id)) continue;
      this.mounted.add(id);
      added.push(id);
    }
    for (const id of added) for (const listener of this.listeners.get(id) ?? []) listener();
  }

  /** Marks a row mounted before it renders (a card just added here, whose title gets the caret). */
  mountBeforeRender(id: string): void {
    this.mounted.add(id);
  }

  /** Mounts the next `count` unmounted rows in table order; returns how many it mounted. */
  mountNext(count: number): number {
    const next: string[] = [];
    while (this.cursor < this.order.length && next.length < count) {
      const id = this.order[this.cursor++] as string;
      if (!this.mounted.has(id)) next.push(id);
    }
    this.mount(next);
    return next.length;
  }

  /** A placeholder got focus: mount its row and remember where focus goes once it has. */
  mountForFocus(id: string, edge: FocusEdge): void {
    this.focusWanted.set(id, edge);
    this.mount([id]);
  }

  /** The focus edge wanted for a row that just mounted, once (undefined if none). */
  takeFocus(id: string): FocusEdge | undefined {
    const edge = this.focusWanted.get(id);
    this.focusWanted.delete(id);
    return edge;
  }
}
