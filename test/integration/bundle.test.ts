import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPREG_BIN } from './cpreg-bin';

const root = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function bundles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? bundles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

/** The package a bare module specifier names: `pg`, `@zip.js/zip.js`, `kysely` for `kysely/helpers/sqlite`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

// The bundles are the same on either engine: run once (excluded from integration-pg).
describe('the built main process, cpreg and browser mode', () => {
  it('load only Node, Electron, each other and production dependencies: nothing an installed app lacks (no tsx)', () => {
    const files = [...bundles(join(root, 'out', 'main')), ...bundles(join(root, 'out', 'preload'))];
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(
      expect.arrayContaining([
        'out/main/index.js',
        'out/main/cli.js',
        'out/main/browser-mode.js',
        'out/preload/index.js',
      ]),
    );
    const builtins = new Set(builtinModules);
    const loaded = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // require("x"), and the modules loaded on first use: createRequire(__filename)("pdfkit").
      for (const match of text.matchAll(
        /\brequire\(\s*["']([^"']+)["']\s*\)|createRequire\)?\(__filename\)\(\s*["']([^"']+)["']\s*\)/g,
      )) {
        const specifier = match[1] ?? match[2] ?? '';
        if (specifier.startsWith('.') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
        loaded.add(packageOf(specifier));
      }
    }
    expect([...loaded].sort()).toEqual(
      expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'electron', 'pdfkit', 'fontkit']),
    );
    const missing = [...loaded].filter((name) => name !== 'electron' && !(name in pkg.dependencies));
    expect(missing, 'loaded at run time but not a production dependency').toEqual([]);
    expect(pkg.devDependencies).toHaveProperty('tsx');
    expect(pkg.dependencies).not.toHaveProperty('tsx');
  });

  it('cpreg runs as plain JavaScript with no TypeScript loader registered', () => {
    const result = spawnSync(process.execPath, [CPREG_BIN, '--version'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
    );
  });
});
