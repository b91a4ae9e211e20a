// Functions bench/browser-bench.mjs runs inside extension pages (page.evaluate): each is
// self-contained, since playwright sends its source text, not its closure.

/** Keeps the sentence pool (JSON: { texts, fps, hosts, version }) in the page, and the generator's state. */
export function preparePool(json) {
  window.__bench = { ...JSON.parse(json), rng: 42, toStored: (a) => a };
  return window.__bench.texts.length;
}

/**
 * Writes articles number `start` to `end - 1` into the extension's database with raw IndexedDB,
 * `batch` per readwrite transaction; with `seed` (an article record), that one first, in the place
 * of article `start`. A synthetic article is 15-45 random pool sentences (deterministic LCG, the
 * state carried from chunk to chunk), their texts and fingerprints, the union of their terms, a
 * signature of 128 random 32-bit values in place of the MinHash one (read by no check; there for its
 * bytes), on one of the pool's hosts. Returns how many were written.
 */
export async function fillChunk({ start, end, batch, seed }) {
  const B = window.__bench;
  const rand = () => (B.rng = (Math.imul(B.rng, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('unspun');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const base = Date.parse('2025-01-01T00:00:00Z');
  const span = 300 * 86_400_000;
  const make = (i) => {
    const k = 15 + Math.floor(rand() * 31);
    const picks = Array.from({ length: k }, () => Math.floor(rand() * B.texts.length));
    const sentences = picks.map((j) => B.texts[j]);
    const fps = picks.map((j) => B.fps[j]);
    const all = new Set();
    for (const s of fps) for (const t of s.terms) all.add(t);
    const terms = [...all].sort((a, b) => a - b);
    const minhash = Array.from({ length: 128 }, () => (rand() * 2 ** 32) >>> 0);
    const h = B.hosts[i % B.hosts.length];
    const published = base + Math.floor(rand() * span);
    // The URL pattern whose articleIdFor is the URL itself (checked in Node for every host).
    const url = `https://${h.host}/2025/10/story-${i}`;
    return {
      id: url,
      url,
      site: h.site,
      siteName: h.name,
      title: sentences[0].slice(0, 90),
      published: new Date(published).toISOString(),
      firstSeen: new Date(published + 3_600_000).toISOString(),
      source: 'pack',
      sentences,
      fingerprint: { version: B.version, sentences: fps, terms, minhash },
    };
  };
  let written = 0;
  try {
    for (let b = start; b < end; b += batch) {
      const tx = db.transaction('articles', 'readwrite');
      const store = tx.objectStore('articles');
      for (let i = b; i < Math.min(end, b + batch); i++) {
        store.put(B.toStored(i === start && seed ? seed : make(i)));
        written++;
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
      });
    }
  } finally {
    db.close();
  }
  return written;
}

/** The fields of a stored article's fingerprint, and their types (what the extension's store wrote). */
export async function sampleRecordShape() {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('unspun');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const rec = await new Promise((resolve, reject) => {
    const q = db.transaction('articles').objectStore('articles').openCursor();
    q.onsuccess = () => resolve(q.result?.value);
    q.onerror = () => reject(q.error);
  });
  db.close();
  return Object.fromEntries(Object.entries(rec?.fingerprint ?? {}).map(([k, v]) => [k, v?.constructor?.name ?? typeof v]));
}

/** In the probe page: notes when (Date.now()) a final verdict record for `url` lands in storage.session. */
export function installVerdictWatch(url) {
  const strip = (u) => {
    try {
      return Object.assign(new URL(u), { hash: '' }).href;
    } catch {
      return u;
    }
  };
  const w = (window.__benchWatch ??= { seen: {}, installed: false });
  if (!w.installed) {
    const FINAL = ['uncredited-rewrite', 'credited', 'original', 'none', 'not-article'];
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'session') return;
      const at = Date.now();
      for (const [k, c] of Object.entries(changes)) {
        const v = c.newValue;
        if (!/^verdict:\d+$/.test(k) || !v?.url) continue;
        const kind = typeof v.verdict === 'string' ? v.verdict : v.verdict?.kind;
        if (FINAL.includes(kind)) w.seen[strip(v.url)] ??= at;
      }
    });
    w.installed = true;
  }
  delete w.seen[strip(url)];
}

/** When the watch saw the verdict record for `url` (ms since the epoch), or null. */
export function verdictSeenAt(url) {
  const u = Object.assign(new URL(url), { hash: '' }).href;
  return window.__benchWatch?.seen[u] ?? null;
}

/**
 * What a restarted worker reads, timed from this page with raw IndexedDB (`repeat` times): opening
 * the database, the index snapshot (indexes/retrieval), every article key (`store.ids()`), and
 * `candidates` articles in one transaction (`getMany`: the seed and others spread over the keys); and,
 * for comparison, the same primary keys read through the byUrl index (small records), and count().
 */
export async function idbBreakdown({ seedId, candidates, repeat }) {
  const req = (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const out = {
    openMs: [],
    snapshotReadMs: [],
    idsMs: [],
    idsViaIndexMs: [],
    countMs: [],
    candidatesMs: [],
    snapshot: null,
    ids: 0,
    idsViaIndex: 0,
    candidates,
  };
  for (let k = 0; k < repeat; k++) {
    let t = performance.now();
    const db = await req(indexedDB.open('unspun'));
    out.openMs.push(performance.now() - t);
    t = performance.now();
    const stored = await req(db.transaction('indexes').objectStore('indexes').get('retrieval'));
    out.snapshotReadMs.push(performance.now() - t);
    if (stored) {
      const s = stored.snapshot;
      const typed = ['dfTerms', 'dfCounts', 'postTerms', 'postStart', 'postDocs'].reduce((n, f) => n + (s[f]?.byteLength ?? 0), 0);
      out.snapshot = {
        keys: s.keys?.length ?? 0,
        typedArrayBytes: typed,
        keysJsonBytes: JSON.stringify(s.keys ?? []).length,
        skipped: stored.skipped?.length ?? 0,
      };
    }
    t = performance.now();
    const ids = await req(db.transaction('articles').objectStore('articles').getAllKeys());
    out.idsMs.push(performance.now() - t);
    out.ids = ids.length;
    // The same primary keys through the byUrl index, whose records are small (for comparison).
    t = performance.now();
    const viaIndex = await req(db.transaction('articles').objectStore('articles').index('byUrl').getAllKeys());
    out.idsViaIndexMs.push(performance.now() - t);
    out.idsViaIndex = viaIndex.length;
    // How many articles there are (a count, no keys).
    t = performance.now();
    await req(db.transaction('articles').objectStore('articles').count());
    out.countMs.push(performance.now() - t);
    const pick = [seedId, ...Array.from({ length: candidates - 1 }, (_, i) => ids[Math.floor(((i + 1) * ids.length) / candidates)])];
    t = performance.now();
    const store = db.transaction('articles').objectStore('articles');
    await Promise.all(pick.map((id) => req(store.get(id))));
    out.candidatesMs.push(performance.now() - t);
    db.close();
  }
  return out;
}
