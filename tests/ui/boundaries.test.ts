import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The extension's pages (src/ui) draw and ask; the background owns the library, the settings and
 * the feeds. So no module of src/ui may reach, through the modules it runs (type-only imports
 * aside), an extension API or storage: `wxt/*`, the webextension polyfill, `idb`, nor call
 * `browser.*`, IndexedDB or the storage manager itself. What a page must do itself comes through
 * the `UiHost` its entrypoint hands it.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const UI = join(ROOT, 'src', 'ui');
const FORBIDDEN_MODULES = /^(wxt(\/|$)|@wxt-dev\/|webextension-polyfill$|idb$|fake-indexeddb)/;
const FORBIDDEN_CALLS = /\bbrowser\.[a-z]|\bchrome\.[a-z]|\bindexedDB\b|\bIDBFactory\b|\bIdbArticleStore\b|navigator\.storage/;

/** The specifiers a module imports at run time (`import type` and all-type `{ type … }` lists left out). */
function runtimeImports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'|^import\s+'([^']+)'/gm)) {
    if (m[1]) continue;
    const names = (m[2] ?? '').trim();
    const list = /^\{([^}]*)\}$/.exec(names)?.[1];
    if (
      list !== undefined &&
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '))
    )
      continue;
    out.push(m[3] ?? m[4]!);
  }
  return out;
}

function resolve(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? join(dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`].find((c) => existsSync(c) && statSync(c).isFile());
}

/** What a module reaches that it must not, with the path that reaches it. */
function violations(file: string, seen = new Set<string>(), path: string[] = []): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const here = [...path, relative(ROOT, file)];
  const found: string[] = [];
  const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const call = FORBIDDEN_CALLS.exec(src);
  if (call) found.push(`${here.join(' → ')} calls ${call[0]}`);
  for (const spec of runtimeImports(file)) {
    if (FORBIDDEN_MODULES.test(spec)) found.push(`${here.join(' → ')} imports ${spec}`);
    const next = resolve(file, spec);
    if (next) found.push(...violations(next, seen, here));
  }
  return found;
}

describe('the pages touch no extension API or storage', () => {
  const modules = readdirSync(UI).filter((f) => f.endsWith('.ts'));

  it.each(modules)('src/ui/%s', (name) => {
    expect(violations(join(UI, name))).toEqual([]);
  });

  it('the check would see a page that did (the test is not vacuous)', () => {
    expect(violations(join(ROOT, 'src', 'ext', 'ui-host.ts')).join('\n')).toMatch(/imports wxt\/browser/);
    expect(violations(join(ROOT, 'src', 'ext', 'library-service.ts')).join('\n')).toMatch(/imports idb/);
  });
});
