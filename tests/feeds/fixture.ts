import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import type { ParsedFeed, ParseFeedOptions } from '../../src/feeds/types.ts';

/** A fixture from tests/feeds/fixtures (small feeds written to mimic real feeds' quirks). */
export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}

/** Parses a fixture and expects success. */
export function parseOk(name: string, feedUrl = 'https://feeds.example.com/feed.xml', options?: ParseFeedOptions): ParsedFeed {
  const r = parseFeed(fixture(name), feedUrl, options);
  if (!r.ok) expect.fail(`${name}: ${r.error}`);
  return r.feed;
}
