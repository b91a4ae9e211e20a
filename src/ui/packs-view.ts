import type { PackImportReport } from '../ext/protocol.ts';
import type { UiHost } from '../ext/ui-host.ts';
import { PACK_LIMITS } from '../library/pack-format.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';

type Say = (text: string, error?: boolean) => void;

/** Bytes of the file read and sent at once: the page never holds the whole pack. */
const PART_BYTES = 2 * 1024 * 1024;

/**
 * The "Packs" section: export the library's originals as a pack file, import one. The background
 * writes and reads packs (it owns the library); the page moves the file in parts.
 */
export function packsSection(host: UiHost, say: Say, onImported: () => Promise<unknown> = async () => {}): HTMLElement {
  const exportButton = el('button', { data: { role: 'pack-export' } }, t('packsExport'));
  exportButton.addEventListener('click', async () => {
    try {
      const parts: string[] = [];
      let reply = await host.send({ type: 'unspun/pack-export', part: 0 });
      while (reply.ok) {
        parts.push(reply.text);
        if (reply.last) break;
        reply = await host.send({ type: 'unspun/pack-export', transfer: reply.transfer, part: parts.length });
      }
      if (!reply.ok) return say(t('packsExportError', reply.error), true);
      const link = el('a');
      link.href = URL.createObjectURL(new Blob(parts, { type: 'application/x-ndjson' }));
      link.download = `unspun-library-${new Date().toISOString().slice(0, 10)}.jsonl`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      say(t('packsExported', String(reply.articles)));
    } catch (e) {
      say(t('packsExportError', e instanceof Error ? e.message : String(e)), true);
    }
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
      if (f.size > PACK_LIMITS.maxBytes) return say(t('packsTooLarge', String(PACK_LIMITS.maxBytes), String(f.size)), true);
      const result = await sendPack(host, f);
      if (!result.ok) return say(t('packsImportError', result.error), true);
      const { imported, skipped, warning } = result;
      const reasons = skipped
        .slice(0, 3)
        .map((s) => t('packsSkippedLine', String(s.line), s.reason))
        .join('; ');
      await onImported().catch(() => {});
      const report = skipped.length
        ? t('packsImportedSkipped', String(imported), String(skipped.length), `${reasons}${skipped.length > 3 ? '; …' : ''}`)
        : t('packsImported', String(imported));
      say(warning ? `${report} ${warning}` : report);
    } catch (e) {
      say(t('packsImportError', e instanceof Error ? e.message : String(e)), true);
    } finally {
      file.value = '';
    }
  });
  return el('section', {}, el('p', { class: 'muted' }, t('packsAbout')), exportButton, el('label', {}, `${t('packsImportLabel')} `, file));
}

/**
 * Reads a pack file part by part (UTF-8, a character split between two parts decoded whole) and
 * hands each part to the background, which validates and imports the whole pack with the last.
 */
async function sendPack(host: UiHost, f: Blob): Promise<({ ok: true } & PackImportReport) | { ok: false; error: string }> {
  const transfer = crypto.randomUUID();
  const decoder = new TextDecoder('utf-8');
  for (let part = 0, offset = 0; ; part++, offset += PART_BYTES) {
    const last = offset + PART_BYTES >= f.size;
    const text = decoder.decode(await f.slice(offset, offset + PART_BYTES).arrayBuffer(), { stream: !last });
    const reply = await host.send({ type: 'unspun/pack-import', transfer, part, text, last });
    if (!reply.ok) return reply;
    if (reply.done) return reply;
    if (last) return { ok: false, error: t('packsUnfinished') };
  }
}
