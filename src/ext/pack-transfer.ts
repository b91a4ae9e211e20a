import { inBrowserLanguage } from './local-text.ts';
import { PACK_LIMITS } from '../library/pack-format.ts';
import { utf8Length } from '../library/pack.ts';
import { LIMITS } from './protocol.ts';

/** A transfer with no new part for this long is dropped (the page was closed, the worker restarted). */
const IDLE_MS = 2 * 60_000;
/** Transfers at once, each way (one per open library page is the normal case). */
const MAX_TRANSFERS = 4;

type Received = { ok: true; text?: string } | { ok: false; error: string };

/**
 * Pack files moving between the library page and the background in parts: a browser caps the size
 * of one message (Chrome at 64 MiB) and a pack may reach `PACK_LIMITS.maxBytes`. Imports are put
 * together here and handed whole to the library; exports are written once and served part by part.
 * Held in memory only: a worker that restarts mid-transfer loses it, and the page says so.
 */
export class PackTransfers {
  private readonly imports = new Map<string, { parts: string[]; bytes: number; touched: number }>();
  private readonly exports = new Map<string, { parts: string[]; articles: number; touched: number }>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly maxBytes: number = PACK_LIMITS.maxBytes,
  ) {}

  /**
   * Takes one part of an import. Parts must come in order, from 0; the pack may not grow past the
   * size limit. Returns the whole text with the last part.
   */
  receive(transfer: string, part: number, text: string, last: boolean): Received {
    this.dropIdle();
    let t = this.imports.get(transfer);
    if (!t) {
      if (part !== 0) return { ok: false, error: inBrowserLanguage('errorPackImportInterrupted') };
      if (this.imports.size >= MAX_TRANSFERS) return { ok: false, error: inBrowserLanguage('errorPackTooManyImports') };
      t = { parts: [], bytes: 0, touched: 0 };
      this.imports.set(transfer, t);
    }
    if (part !== t.parts.length) {
      this.imports.delete(transfer);
      return { ok: false, error: inBrowserLanguage('errorPackOutOfOrder') };
    }
    t.bytes += utf8Length(text);
    if (t.bytes > this.maxBytes) {
      this.imports.delete(transfer);
      return { ok: false, error: inBrowserLanguage('errorPackTooLarge', String(this.maxBytes)) };
    }
    t.parts.push(text);
    t.touched = this.clock();
    if (!last) return { ok: true };
    this.imports.delete(transfer);
    return { ok: true, text: t.parts.join('') };
  }

  /** Keeps a written export for its later parts; returns its transfer id. */
  offer(text: string, articles: number): { transfer: string; parts: number } {
    this.dropIdle();
    const parts: string[] = [];
    for (let i = 0; i < text.length || parts.length === 0; i += LIMITS.packPartChars) parts.push(text.slice(i, i + LIMITS.packPartChars));
    const transfer = crypto.randomUUID();
    if (this.exports.size >= MAX_TRANSFERS) this.exports.delete(this.exports.keys().next().value!);
    this.exports.set(transfer, { parts, articles, touched: this.clock() });
    return { transfer, parts: parts.length };
  }

  /** One part of an export; the transfer is forgotten once its last part is served. */
  part(transfer: string, part: number): { ok: true; transfer: string; text: string; last: boolean; articles: number } | { ok: false; error: string } {
    this.dropIdle();
    const t = this.exports.get(transfer);
    if (!t || part >= t.parts.length) return { ok: false, error: inBrowserLanguage('errorPackExportInterrupted') };
    t.touched = this.clock();
    const last = part === t.parts.length - 1;
    if (last) this.exports.delete(transfer);
    return { ok: true, transfer, text: t.parts[part]!, last, articles: t.articles };
  }

  private dropIdle(): void {
    const now = this.clock();
    for (const map of [this.imports, this.exports]) for (const [id, t] of map) if (t.touched && now - t.touched > IDLE_MS) map.delete(id);
  }
}
