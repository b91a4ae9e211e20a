import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

/** Parses HTML into a DOM Document in Node (linkedom), as the content script would see it. */
export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Reads an .html or .html.gz file as UTF-8 text. */
export function readHtmlFile(path: string): string {
  const buf = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}
