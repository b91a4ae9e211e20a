import { browser } from 'wxt/browser';
import { normalizeUrl } from '../core/site.ts';
import { IdbArticleStore } from '../library/idb-store.ts';
import { exportPack, importPack } from '../library/pack.ts';
import { PACK_LIMITS } from '../library/pack-format.ts';
import { el } from './dom.ts';

type Say = (text: string, error?: boolean) => void;

/** The "Packs" section: export the library's originals as a pack file, import one. */
export function packsSection(say: Say, onImported: () => Promise<unknown> = async () => {}): HTMLElement {
  const store = new IdbArticleStore();
  const exportButton = el('button', { data: { role: 'pack-export' } }, 'Export the library as a pack');
  exportButton.addEventListener('click', async () => {
    const originals = (await store.all()).filter((a) => !a.derivedFrom && !a.stub);
    const text = exportPack(originals, new Date());
    const link = el('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
    link.download = `unspun-library-${new Date().toISOString().slice(0, 10)}.jsonl`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    say(`Exported ${originals.length} article(s).`);
  });
  const file = el('input');
  file.type = 'file';
  file.accept = '.jsonl,.ndjson,application/x-ndjson,application/json,text/plain';
  file.dataset.role = 'pack-import';
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      // Before reading it: a huge file is refused by its size, never read into memory.
      if (f.size > PACK_LIMITS.maxBytes) return say(`Nothing imported: the pack is larger than ${PACK_LIMITS.maxBytes} bytes (${f.size}).`, true);
      const existing = await store.all();
      const result = importPack(await f.text(), {
        existingUrls: new Set(existing.flatMap((a) => [a.url, a.canonicalUrl].filter((u): u is string => !!u).map(normalizeUrl))),
        existingIds: new Set(existing.map((a) => a.id)),
        now: new Date(),
      });
      if (result.error) return say(`Nothing imported: ${result.error}`, true);
      // One transaction: the whole pack is added, or nothing is.
      await store.putMany(result.articles);
      await browser.runtime.sendMessage({ type: 'unspun/library-reload' });
      const reasons = result.skipped.slice(0, 3).map((s) => `line ${s.line}: ${s.reason}`).join('; ');
      await onImported().catch(() => {});
      say(`Imported ${result.articles.length} article(s)${result.skipped.length ? `; skipped ${result.skipped.length} (${reasons}${result.skipped.length > 3 ? '; …' : ''})` : ''}.${result.warning ? ` ${result.warning}` : ''}`);
    } catch (e) {
      say(`Nothing imported: ${e instanceof Error ? e.message : String(e)}`, true);
    } finally {
      file.value = '';
    }
  });
  return el(
    'section',
    {},
    el('p', { class: 'muted' }, 'A pack shares the fingerprints and text of known original articles, for a newsroom or a community. Importing never changes or removes what is already in your library.'),
    exportButton,
    el('label', {}, 'Import a pack: ', file),
  );
}
