import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, useMessages } from '../../src/ui/i18n.ts';
import { LOCALES, readLocale } from '../locales.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const placeholders = (m: string) => [...new Set(m.match(/\$\d/g) ?? [])].sort();

/** Every `t('key'` in the extension's source. */
function keysUsed(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|html)$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(/\bt\('(\w+)'/g)) used.add(m[1]!);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'entrypoints'));
  return used;
}

describe('translations', () => {
  const locales = readdirSync(LOCALES);
  const en = readLocale('en');

  it('has English and at least one more complete locale', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThanOrEqual(2);
  });

  it.each(locales)('%s has every key of English, no other, with the same placeholders, and no empty message', (locale) => {
    const messages = readLocale(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.trim(), `${locale}: ${key}`).not.toBe('');
      expect(placeholders(message), `${locale}: ${key}`).toEqual(placeholders(en[key]!.message));
    }
  });

  it('keeps the store description within 132 characters in every locale', () => {
    for (const locale of locales) expect(readLocale(locale)['extDescription']!.message.length, locale).toBeLessThanOrEqual(132);
  });

  it('has a message for every key the code asks for', () => {
    const missing = [...keysUsed()].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it("takes the browser's message, and falls back to English where it has none", () => {
    const de = readLocale('de');
    useMessages((key) => de[key]?.message ?? '');
    expect(t('extDescription')).toBe(de['extDescription']!.message);
    useMessages(() => '');
    expect(t('extDescription')).toBe(en['extDescription']!.message);
    useMessages(() => {
      throw new Error('no i18n here');
    });
    expect(t('extName')).toBe('Unspun');
    useMessages(undefined);
  });
});
