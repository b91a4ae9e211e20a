import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { readSettings, SETTINGS_KEY } from '../../src/ext/content-settings.ts';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from '../../src/ext/settings.ts';
import { checkContentScript, forbiddenContents, MAX_BYTES } from '../../scripts/check-content-script.mjs';
import { freshExtension } from '../setup-extension.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe("the content script's settings read", () => {
  beforeEach(freshExtension);

  it('is what the background and the options page read, without WXT storage', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    const saved = await saveSettings({ paused: true, excludedSites: ['cnbc.com'] });
    expect(await readSettings()).toEqual(saved);
    expect(await readSettings()).toEqual(await getSettings());
    // An older record without the newer fields reads with their defaults, as getSettings does.
    await browser.storage.local.set({ [SETTINGS_KEY]: { paused: true } });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, paused: true });
    expect(await readSettings()).toEqual(await getSettings());
  });
});

describe('the content script bundle check (scripts/check-content-script.mjs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'unspun-bundle-'));
    mkdirSync(join(dir, 'content-scripts'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bundle = (code: string) => writeFileSync(join(dir, 'content-scripts', 'article.js'), code);

  it('passes a small bundle of extraction code', () => {
    bundle('var article=(function(){return 1})();');
    expect(checkContentScript(dir).problems).toEqual([]);
  });

  it('fails a bundle over the size limit', () => {
    bundle(`/*${'x'.repeat(MAX_BYTES)}*/`);
    expect(checkContentScript(dir).problems).toEqual([expect.stringMatching(/over the \d+ allowed/)]);
  });

  it('fails a bundle that holds the synonym table, however the minifier quotes it', () => {
    const synonyms = JSON.parse(readFileSync(join(ROOT, 'src/core/data/synonyms.json'), 'utf8')) as { classes: string[] };
    // What a bundler emits for `import synonyms from './data/synonyms.json'`, with template literals.
    bundle(`var s={classes:[${synonyms.classes.map((c) => `\`${c}\``).join(',')}]};`);
    const { problems } = checkContentScript(dir, { maxBytes: Infinity });
    expect(problems).toEqual([expect.stringMatching(/holds the synonym table/)]);
  });

  it('fails a bundle that holds webextension-polyfill', () => {
    bundle('throw new Error("This script should only be loaded in a browser extension.")');
    expect(checkContentScript(dir).problems).toEqual([expect.stringMatching(/holds webextension-polyfill/)]);
  });

  it('fails a bundle that holds Readability (which runs in the background), found by strings its minified code keeps', () => {
    bundle(readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8'));
    expect(checkContentScript(dir, { maxBytes: Infinity }).problems).toEqual([expect.stringMatching(/holds Readability/)]);
    // Its "is this an article" test alone is allowed: the content script runs it before taking the page.
    bundle(readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability-readerable.js'), 'utf8'));
    expect(checkContentScript(dir, { maxBytes: Infinity }).problems).toEqual([]);
  });

  it('fails when there is no build', () => {
    rmSync(join(dir, 'content-scripts'), { recursive: true });
    expect(checkContentScript(dir).problems).toEqual([expect.stringMatching(/does not exist/)]);
  });

  it('looks for the synonym table by dozens of its classes', () => {
    const synonyms = forbiddenContents().find((f) => f.name.startsWith('the synonym table'));
    expect(synonyms?.markers.length).toBeGreaterThan(30);
  });
});
