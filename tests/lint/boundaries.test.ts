import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it were the file at `path`, with the project's config: the rules it breaks. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(code, { filePath: path });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries (eslint.config.js)', () => {
  it('keeps the pure layers free of the extension, the UI and entrypoints', async () => {
    for (const path of ['src/core/x.ts', 'src/extract/x.ts', 'src/feeds/x.ts', 'src/library/x.ts', 'src/lookup/x.ts']) {
      const rules = await broken(
        path,
        "import { browser } from 'wxt/browser';\nimport { a } from '../ext/protocol.ts';\nimport { b } from '../ui/dom.ts';\nexport const x = [browser, a, b, chrome];\n",
      );
      expect(rules.filter((r) => r.startsWith('no-restricted-imports')).length, path).toBeGreaterThanOrEqual(3);
      expect(
        rules.some((r) => r.startsWith('no-restricted-globals')),
        path,
      ).toBe(true);
    }
  });

  it('keeps the core below the other layers', async () => {
    expect(await broken('src/core/x.ts', "import { a } from '../library/match.ts';\nexport const x = a;\n")).toHaveLength(1);
  });

  it('keeps the UI away from storage and the browser: it asks the background', async () => {
    const rules = await broken('src/ui/x.ts', "import { openDB } from 'idb';\nimport { browser } from 'wxt/browser';\nexport const x = [openDB, browser];\n");
    expect(rules.join('\n')).toMatch(/never opens IndexedDB/);
    expect(rules.join('\n')).toMatch(/Only src\/ext and entrypoints/);
    // Types of src/ext's requests are fine.
    expect(await broken('src/ui/x.ts', "import type { UiHost } from '../ext/ui-host.ts';\nexport type X = UiHost;\n")).toEqual([]);
  });

  it('lets nothing in src/ import entrypoints/', async () => {
    expect((await broken('src/ext/x.ts', "import { a } from '../../entrypoints/popup/main.ts';\nexport const x = a;\n")).join()).toMatch(
      /Nothing in src\/ imports entrypoints/,
    );
  });
});
