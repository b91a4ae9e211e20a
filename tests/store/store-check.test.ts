import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBuild, manifestProblems, MAX_DESCRIPTION, packageProblems, privacyPageProblems, thirdPartyOf } from '../../scripts/check-store.mjs';
import config from '../../wxt.config.ts';
import pkg from '../../package.json' with { type: 'json' };

type Manifest = Record<string, unknown> & { permissions?: string[]; description?: string };

/** The manifest wxt.config.ts writes for a browser (before WXT adds the entrypoints' keys). */
async function configManifest(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const m = config.manifest;
  const env = { browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' } as const;
  return (typeof m === 'function' ? await m(env) : m) as Manifest;
}

const POLICY = `<main><h1>Unspun privacy policy</h1><p>${'What is stored and what is sent. '.repeat(30)}</p></main>`;

describe('the store listing as configured (wxt.config.ts, package.json)', () => {
  it('has a description within the limit and Firefox minimum versions that read its keys', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest = await configManifest(browser);
      expect(manifest.description!.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
      expect(manifestProblems(manifest)).toEqual([]);
    }
    expect(packageProblems(pkg)).toEqual([]);
  });

  it('asks for no broad permission: scripting (Chrome) for already-open tabs, hosts only at run time', async () => {
    const chrome = await configManifest('chrome');
    const firefox = await configManifest('firefox');
    expect(chrome.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms', 'offscreen', 'scripting']);
    expect(firefox.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms']);
    for (const m of [chrome, firefox]) {
      expect(m.host_permissions).toBeUndefined();
      expect(m.permissions).not.toContain('tabs');
      expect(m.permissions).not.toContain('activeTab');
    }
  });
});

describe('the store check of a build (scripts/check-store.mjs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'unspun-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = (manifest: Record<string, unknown>, privacy: string | null = POLICY) => {
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ name: 'Unspun', ...manifest }));
    if (privacy !== null) writeFileSync(join(dir, 'privacy.html'), privacy);
  };
  const firefox = (gecko: Record<string, unknown>, android?: string) => ({
    description: 'Short.',
    browser_specific_settings: {
      gecko: { id: 'unspun@unspun.dev', data_collection_permissions: { required: ['none'] }, ...gecko },
      ...(android ? { gecko_android: { strict_min_version: android } } : {}),
    },
  });

  it('passes a build with a short description and a local privacy page', () => {
    build({ description: 'Warns you about uncredited rewrites.' });
    expect(checkBuild(dir).problems).toEqual([]);
  });

  it('fails a description over 132 characters, an empty one, and a package.json one', () => {
    build({ description: 'x'.repeat(MAX_DESCRIPTION + 1) });
    expect(checkBuild(dir).problems).toEqual([expect.stringMatching(/133 characters, over 132/)]);
    build({ description: '' });
    expect(checkBuild(dir).problems).toEqual(['the manifest has no description']);
    expect(packageProblems({ description: 'y'.repeat(146) })).toHaveLength(1);
  });

  it('reads a __MSG_…__ description in every locale', () => {
    build({ description: '__MSG_extDescription__', default_locale: 'en' });
    for (const [locale, message] of [
      ['en', 'Short.'],
      ['de', 'z'.repeat(140)],
    ] as const) {
      mkdirSync(join(dir, '_locales', locale), { recursive: true });
      writeFileSync(join(dir, '_locales', locale, 'messages.json'), JSON.stringify({ extDescription: { message } }));
    }
    expect(checkBuild(dir).problems).toEqual([expect.stringMatching(/140 characters, over 132/)]);
  });

  it('fails a build without the privacy page, or with one that loads something remote or runs inline code', () => {
    build({ description: 'Short.' }, null);
    expect(checkBuild(dir).problems).toEqual(['privacy.html is missing']);
    expect(privacyPageProblems(POLICY.replace('<main>', '<script src="https://cdn.example/x.js"></script><main>'))).toEqual([
      expect.stringMatching(/loads something remote: src="https:\/\/cdn.example/),
    ]);
    expect(privacyPageProblems(POLICY.replace('<main>', '<link rel="stylesheet" href="//fonts.example/f.css"><main>'))).toHaveLength(1);
    expect(privacyPageProblems(POLICY.replace('<main>', '<script>alert(1)</script><main>'))).toEqual([expect.stringMatching(/inline script/)]);
    expect(privacyPageProblems('<p>nothing here</p>')).toEqual(['privacy.html has no policy text']);
    // WXT's own local module script is allowed.
    expect(privacyPageProblems(POLICY.replace('<main>', '<script type="module" src="/chunks/x.js"></script><main>'))).toEqual([]);
  });

  it('checks the stylesheets the privacy page links, as built', () => {
    build({ description: 'Short.' }, POLICY.replace('<main>', '<link rel="stylesheet" href="/assets/privacy.css"><main>'));
    expect(checkBuild(dir).problems).toEqual([expect.stringMatching(/links \/assets\/privacy.css, which is not in the build/)]);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'privacy.css'), "@import url('https://fonts.example/f.css'); body { color: red }");
    expect(checkBuild(dir).problems).toEqual([expect.stringMatching(/privacy.css loads something remote/)]);
  });

  it('fails Firefox minimum versions below those that read data_collection_permissions', () => {
    build(firefox({ strict_min_version: '128.0' }));
    expect(checkBuild(dir).problems).toEqual([
      expect.stringMatching(/strict_min_version 128.0 is below 140/),
      expect.stringMatching(/Android minimum 128.0 is below 142/),
    ]);
    build(firefox({ strict_min_version: '140.0' }));
    expect(checkBuild(dir).problems).toEqual([expect.stringMatching(/Android minimum 140.0 is below 142/)]);
    build(firefox({ strict_min_version: '140.0' }, '142.0'));
    expect(checkBuild(dir).problems).toEqual([]);
  });

  it('tells a lint warning inside bundled Readability from one in our own code', () => {
    writeFileSync(
      join(dir, 'bundle.js'),
      `var a=1;function own(e,t){e.innerHTML=t}\n_charThreshold;var V=x.createElement("DIV");V.id="readability-page-1";e.innerHTML=r;`,
    );
    const at = (line: number, column: number) => ({
      code: 'UNSAFE_VAR_ASSIGNMENT',
      message: 'Unsafe assignment to innerHTML',
      file: 'bundle.js',
      line,
      column,
    });
    expect(thirdPartyOf(dir, at(1, 27))).toBeUndefined();
    expect(thirdPartyOf(dir, at(2, 70))).toBe('@mozilla/readability');
    expect(thirdPartyOf(dir, { code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', message: 'manifest' })).toBeUndefined();
  });
});
