/**
 * Postings added since the last merge: documents by key, and how many in all. A snapshot stores them
 * as two parallel arrays of (key, document) pairs (`pairs`, `fromPairs`).
 */
export class RecentPostings {
  private readonly lists = new Map<number, number[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(key: number, doc: number): void {
    const list = this.lists.get(key >>> 0);
    if (list) list.push(doc);
    else this.lists.set(key >>> 0, [doc]);
    this.count++;
  }

  get(key: number): number[] | undefined {
    return this.lists.get(key);
  }

  entries(): IterableIterator<[number, number[]]> {
    return this.lists.entries();
  }

  clear(): void {
    this.lists.clear();
    this.count = 0;
  }

  /** Every (key, document) pair, as two parallel arrays. */
  pairs(): [Uint32Array, Int32Array] {
    const keys = new Uint32Array(this.size);
    const docs = new Int32Array(this.size);
    let n = 0;
    for (const [key, list] of this.lists) {
      for (const doc of list) {
        keys[n] = key;
        docs[n++] = doc;
      }
    }
    return [keys, docs];
  }

  /** The postings two parallel arrays hold, or null when they are not such arrays. */
  static fromPairs(keys: unknown, docs: unknown): RecentPostings | null {
    if (!(keys instanceof Uint32Array) || !(docs instanceof Int32Array) || keys.length !== docs.length) return null;
    const recent = new RecentPostings();
    for (let i = 0; i < keys.length; i++) recent.add(keys[i]!, docs[i]!);
    return recent;
  }
}

/**
 * Postings kept as (key, document) pairs sorted by key then document, for keys that are nearly all
 * unique (one sentence's phrase): 8 bytes a posting, where a key → list layout costs 12. Recent
 * additions wait in plain arrays until `pack` merges them in.
 */
export class PairPostings {
  keys: Uint32Array = new Uint32Array(0);
  docs: Int32Array = new Int32Array(0);
  private recent = new RecentPostings();

  get pending(): number {
    return this.recent.size;
  }

  add(key: number, doc: number): void {
    this.recent.add(key, doc);
  }

  /** How many documents a key has, packed and recent (counting stops past `cap`). */
  count(key: number, cap: number): number {
    let n = this.recent.get(key)?.length ?? 0;
    for (let i = firstAt(this.keys, key); i < this.keys.length && this.keys[i] === key && n <= cap; i++) n++;
    return n;
  }

  /** Calls `visit` with each document posted under `key`. */
  forEach(key: number, visit: (doc: number) => void): void {
    for (let i = firstAt(this.keys, key); i < this.keys.length && this.keys[i] === key; i++) visit(this.docs[i]!);
    for (const doc of this.recent.get(key) ?? []) visit(doc);
  }

  /**
   * Merges the recent pairs in, numbering documents anew by `renumber` (-1 drops a document; it must
   * keep the order of those it keeps, as removing documents does). Built first, swapped in at once.
   */
  pack(renumber: (doc: number) => number): void {
    const recentKeys: number[] = [];
    const recentDocs: number[] = [];
    for (const [key, list] of [...this.recent.entries()].sort((a, b) => a[0] - b[0])) {
      for (const doc of list.sort((a, b) => a - b)) {
        recentKeys.push(key);
        recentDocs.push(doc);
      }
    }
    const keys = new Uint32Array(this.keys.length + recentKeys.length);
    const docs = new Int32Array(keys.length);
    let n = 0;
    let i = 0;
    let j = 0;
    const put = (key: number, doc: number) => {
      const m = renumber(doc);
      if (m < 0) return;
      keys[n] = key;
      docs[n++] = m;
    };
    while (i < this.keys.length || j < recentKeys.length) {
      const takeOld =
        j >= recentKeys.length ||
        (i < this.keys.length && (this.keys[i]! < recentKeys[j]! || (this.keys[i] === recentKeys[j] && this.docs[i]! <= recentDocs[j]!)));
      if (takeOld) {
        put(this.keys[i]!, this.docs[i]!);
        i++;
      } else {
        put(recentKeys[j]!, recentDocs[j]!);
        j++;
      }
    }
    this.keys = keys.slice(0, n);
    this.docs = docs.slice(0, n);
    this.recent = new RecentPostings();
  }

  /** The pairs not merged yet, as two parallel arrays (what a snapshot stores beside the packed ones). */
  recentPairs(): [Uint32Array, Int32Array] {
    return this.recent.pairs();
  }

  /** Postings as stored (packed pairs, and recent ones when given), or null when the arrays are inconsistent. */
  static from(keys: unknown, docs: unknown, recentKeys: unknown = new Uint32Array(0), recentDocs: unknown = new Int32Array(0)): PairPostings | null {
    if (!(keys instanceof Uint32Array) || !(docs instanceof Int32Array) || keys.length !== docs.length) return null;
    const recent = RecentPostings.fromPairs(recentKeys, recentDocs);
    if (!recent) return null;
    for (let i = 1; i < keys.length; i++) if (keys[i]! < keys[i - 1]!) return null;
    const p = new PairPostings();
    p.keys = keys;
    p.docs = docs;
    p.recent = recent;
    return p;
  }
}

/** Index of the first `key` in sorted `keys`, or where it would stand. */
function firstAt(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
