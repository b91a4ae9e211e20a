import { isHttpUrl } from '../core/url.ts';
import type { TabVerdict } from './tab-verdicts.ts';

/**
 * Background → content script: what the in-page notice of a tab shows (`src/ext/notice.ts`). The
 * background sends it whenever the tab's verdict changes (`src/ext/notice-background.ts`); the
 * content script checks the sender and this shape (`parseNoticeMessage`) before it shows anything.
 *
 * The notice's wording and stylesheet travel in the message, built here in the background: the
 * content script runs on every page and is held to a size (scripts/check-content-script.mjs), so it
 * carries only the code that lays a notice out, and only a flagged page receives the rest. Every text
 * is set with textContent, the stylesheet is this module's own constant, and nothing of it comes from
 * the page the notice is shown in.
 */
export interface NoticeMessage {
  type: 'unspun/notice';
  /** The page the verdict is about: the content script shows nothing for another address. */
  url: string;
  /** The notice to show; null: none for this verdict (it hides one shown before). */
  notice: NoticeView | null;
}

/** A notice, ready to show: its texts, the original's address and its stylesheet. */
export interface NoticeView {
  heading: string;
  /** Names the original's outlet and headline. */
  text: string;
  /** The button that opens the evidence. */
  evidence: string;
  /** The link to the original, at `href`. */
  link: string;
  href: string;
  /** The close button's accessible name. */
  close: string;
  css: string;
}

const TEXT_KEYS = ['heading', 'text', 'evidence', 'link', 'close', 'css'] as const;

/** The longest outlet name or headline a notice shows (longer ones are cut). */
export const NOTICE_NAME_CHARS = 200;
/** The longest text field a notice message may carry. */
const MAX_FIELD_CHARS = 4000;

/**
 * The notice's stylesheet, inside its closed shadow root. The host element's own rules are here too,
 * important: in the cascade a shadow tree's important declarations win over the page's, even over
 * the page's important ones, so a page cannot hide, shrink or move the notice with CSS. Light and
 * dark, text at 4.5:1 or more on its background in both.
 */
export const NOTICE_CSS =
  ':host{all:initial!important;display:block!important;position:fixed!important;right:16px!important;bottom:16px!important;' +
  'z-index:2147483647!important;visibility:visible!important;opacity:1!important}' +
  'section{position:relative;box-sizing:border-box;width:min(380px,calc(100vw - 32px));padding:12px 14px;border:2px solid #c5221f;border-radius:8px;' +
  'background:#fff;color:#202124;font:14px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px #0005}' +
  'strong{display:block;margin-right:28px;color:#a50e0e}p{margin:4px 0 10px}' +
  'button,a{font:inherit;cursor:pointer;border-radius:4px}' +
  'p+button{border:0;padding:6px 10px;background:#c5221f;color:#fff;margin-right:10px}a{color:#1a0dab}' +
  'a+button{position:absolute;top:4px;right:4px;width:28px;height:28px;border:0;background:none;color:inherit;font-size:20px;line-height:1}' +
  ':focus-visible{outline:3px solid #1a73e8;outline-offset:2px}' +
  '@media(prefers-color-scheme:dark){section{background:#202124;color:#e8eaed;border-color:#f28b82}strong{color:#f28b82}a{color:#8ab4f8}' +
  ':focus-visible{outline-color:#8ab4f8}}';

/**
 * The notice for a tab's record. Only an uncredited rewrite gets one: a disputed pair (which copy came
 * first is not settled) keeps its "?" badge but no notice in the page, which would accuse the page of
 * copying; every other verdict has nothing to warn about.
 */
export function noticeMessage(record: TabVerdict): NoticeMessage {
  const v = record.verdict;
  if (v.kind !== 'uncredited-rewrite' || !isHttpUrl(v.original.url)) return { type: 'unspun/notice', url: record.url, notice: null };
  const cut = (s: string) => (s.length > NOTICE_NAME_CHARS ? `${s.slice(0, NOTICE_NAME_CHARS - 1)}…` : s);
  const outlet = cut(v.original.siteName || v.original.site);
  return {
    type: 'unspun/notice',
    url: record.url,
    notice: {
      heading: 'Unspun: this looks like an uncredited rewrite',
      text: `It retells ${outlet}'s article “${cut(v.original.title)}” without crediting it.`,
      evidence: 'Show the evidence',
      link: `Read ${outlet}'s article`,
      href: v.original.url,
      close: 'Close the Unspun notice',
      css: NOTICE_CSS,
    },
  };
}

/** A notice message of exactly this shape, as a fresh object; null for anything else. */
export function parseNoticeMessage(m: unknown): NoticeMessage | null {
  const o = m as { type?: unknown; url?: unknown; notice?: Record<string, unknown> | null } | null;
  if (o?.type !== 'unspun/notice' || !isHttpUrl(o.url)) return null;
  const n = o.notice;
  let view: NoticeView | null = null;
  if (n !== null) {
    if (!isHttpUrl(n?.['href'])) return null;
    view = { href: n['href'] } as NoticeView;
    for (const k of TEXT_KEYS) {
      const v = n[k];
      if (typeof v !== 'string' || !v || v.length > MAX_FIELD_CHARS) return null;
      view[k] = v;
    }
  }
  return { type: o.type, url: o.url, notice: view };
}
