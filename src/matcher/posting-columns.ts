/**
 * Body word postings of a build, gathered as three flat columns (term id,
 * record, count) while records are read and grouped by term once at the end.
 * An array per term, grown by `push`, left every growth's old copy to the
 * collector and kept the heap (and the build's peak memory) far above what
 * was live; typed columns hold 12 bytes a posting, off the scanned heap.
 */
export class PostingColumns {
  private readonly ids = new Map<string, number>();
  private termCol = new Int32Array(1 << 16);
  private refCol = new Int32Array(1 << 16);
  private countCol = new Int32Array(1 << 16);
  private size = 0;
  private grouped: { offsets: Int32Array; pairs: Int32Array } | undefined;

  /** Adds `term` at `count` in record `ref`; records are added in ascending order. */
  add(term: string, ref: number, count: number): void {
    if (this.grouped) throw new Error('PostingColumns: add after grouping');
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    if (this.size === this.termCol.length) this.grow();
    this.termCol[this.size] = id;
    this.refCol[this.size] = ref;
    this.countCol[this.size] = count;
    this.size++;
  }

  /** The terms, in the order first added. */
  keys(): IterableIterator<string> {
    return this.ids.keys();
  }

  /** A term's postings as `[ref, count, …]`, refs ascending (a view; grouped at the first call). */
  get(term: string): Int32Array | undefined {
    const id = this.ids.get(term);
    if (id === undefined) return undefined;
    const { offsets, pairs } = (this.grouped ??= this.group());
    return pairs.subarray(2 * offsets[id]!, 2 * offsets[id + 1]!);
  }

  private grow(): void {
    const next = (column: Int32Array) => {
      const bigger = new Int32Array(column.length * 2);
      bigger.set(column);
      return bigger;
    };
    this.termCol = next(this.termCol);
    this.refCol = next(this.refCol);
    this.countCol = next(this.countCol);
  }

  /** Counting sort by term: stable, so each term's refs stay ascending. Frees the columns. */
  private group(): { offsets: Int32Array; pairs: Int32Array } {
    const offsets = new Int32Array(this.ids.size + 1);
    for (let i = 0; i < this.size; i++) offsets[this.termCol[i]! + 1]!++;
    for (let t = 0; t < this.ids.size; t++) offsets[t + 1]! += offsets[t]!;
    const next = offsets.slice(0, this.ids.size);
    const pairs = new Int32Array(2 * this.size);
    for (let i = 0; i < this.size; i++) {
      const at = 2 * next[this.termCol[i]!]!++;
      pairs[at] = this.refCol[i]!;
      pairs[at + 1] = this.countCol[i]!;
    }
    this.termCol = this.refCol = this.countCol = new Int32Array(0);
    return { offsets, pairs };
  }
}
