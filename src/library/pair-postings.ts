/**
 * Postings kept as (key, document) pairs sorted by key then document, for keys that are nearly all
 * unique (one sentence's phrase): 8 bytes a posting, where a key → list layout costs 12. Recent
 * additions wait in plain arrays until `pack` merges them in.
 */
export class PairPostings {
  keys: Uint32Array = new Uint32Array(0);
  docs: Int32Array = new Int32Array(0);
  private recent = new Map<number, number[]>();
  private recentCount = 0;

  get pending(): number {
    return this.recentCount;
  }

  get size(): number {
    return this.keys.length + this.recentCount;
  }

  add(key: number, doc: number): void {
    const list = this.recent.get(key >>> 0);
    if (list) list.push(doc);
    else this.recent.set(key >>> 0, [doc]);
    this.recentCount++;
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
    for (const key of [...this.recent.keys()].sort((a, b) => a - b)) {
      for (const doc of this.recent.get(key)!.sort((a, b) => a - b)) {
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
    this.recent = new Map();
    this.recentCount = 0;
  }

  /** The pairs not merged yet, as two parallel arrays (what a snapshot stores beside the packed ones). */
  recentPairs(): [Uint32Array, Int32Array] {
    const keys = new Uint32Array(this.recentCount);
    const docs = new Int32Array(this.recentCount);
    let n = 0;
    for (const [key, list] of this.recent) {
      for (const doc of list) {
        keys[n] = key;
        docs[n++] = doc;
      }
    }
    return [keys, docs];
  }

  /** Postings as stored (packed pairs, and recent ones when given), or null when the arrays are inconsistent. */
  static from(keys: unknown, docs: unknown, recentKeys: unknown = new Uint32Array(0), recentDocs: unknown = new Int32Array(0)): PairPostings | null {
    if (!(keys instanceof Uint32Array) || !(docs instanceof Int32Array) || keys.length !== docs.length) return null;
    if (!(recentKeys instanceof Uint32Array) || !(recentDocs instanceof Int32Array) || recentKeys.length !== recentDocs.length) return null;
    for (let i = 1; i < keys.length; i++) if (keys[i]! < keys[i - 1]!) return null;
    const p = new PairPostings();
    p.keys = keys;
    p.docs = docs;
    for (let i = 0; i < recentKeys.length; i++) p.add(recentKeys[i]!, recentDocs[i]!);
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
