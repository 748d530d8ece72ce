import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { DebugLogger } from 'builder-util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The installers for council IT (issue 13, section 3). electron-builder is never run here (it
 * downloads Electron), so this reads electron.builder.yml, has electron-builder's own validation
 * check it, and checks each setting the issue asks for, the files it points at, and the cpreg
 * wrappers (the POSIX one is run for real, against a stand-in app executable).
 */

const ROOT = resolve(__dirname, '../..');
const CONFIG_FILE = 'electron.builder.yml';
const require = createRequire(__filename);
/** js-yaml: electron-builder's own YAML reader (a dependency of app-builder-lib). */
const yaml = require('js-yaml') as { load(text: string): unknown };

type FileSet = { from: string; to: string };
type BuilderYml = {
  appId?: string;
  productName?: string;
  copyright?: string;
  asar?: boolean;
  asarUnpack?: string[];
  files?: string[];
  extraResources?: FileSet[];
  icon?: string;
  npmRebuild?: boolean;
  publish?: unknown;
  directories?: { output?: string; buildResources?: string };
  extraMetadata?: { homepage?: string; author?: { name?: string; email?: string } };
  electronFuses?: Record<string, boolean>;
  win?: { target?: string | string[] };
  nsis?: Record<string, unknown>;
  msi?: Record<string, unknown>;
  mac?: { target?: string | string[]; hardenedRuntime?: boolean; category?: string };
  linux?: { target?: string | string[]; executableName?: string; category?: string };
  deb?: { afterInstall?: string; afterRemove?: string };
};

function readYml(): BuilderYml {
  return yaml.load(readFileSync(join(ROOT, CONFIG_FILE), 'utf8')) as BuilderYml;
}

function targets(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const quietLogger = { isEnabled: false, add() {} } as unknown as DebugLogger;

/** What electron-builder does with `--config electron.builder.yml` before it builds anything. */
async function loadAndValidate(configPath: string): Promise<Configuration> {
  const config = await getConfig(ROOT, configPath, null);
  await validateConfiguration(config, quietLogger);
  return config;
}

const yml = readYml();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  build?: unknown;
};

describe('electron.builder.yml', () => {
  it("passes electron-builder's own validation (its schema, as `--config electron.builder.yml` loads it)", async () => {
    const config = await loadAndValidate(CONFIG_FILE);
    expect(config.appId).toBe(yml.appId);
    expect(config.productName).toBe('CP Conference Register');
  }, 30_000);

  it('fails that validation when a setting is misspelt or of the wrong type (so the check above means something)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpreg-builder-'));
    try {
      const text = readFileSync(join(ROOT, CONFIG_FILE), 'utf8');
      const misspelt = join(dir, 'misspelt.yml');
      writeFileSync(misspelt, text.replace('perMachine: true', 'perMachines: true'));
      await expect(loadAndValidate(misspelt)).rejects.toThrow(/configuration\.nsis/);
      const wrongType = join(dir, 'wrong-type.yml');
      writeFileSync(wrongType, text.replace('runAsNode: false', 'runAsNode: sometimes'));
      await expect(loadAndValidate(wrongType)).rejects.toThrow(/runAsNode/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('names the app for council IT and writes to dist/ (git-ignored), with no auto-update', () => {
    expect(yml.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(yml.productName).toBe('CP Conference Register');
    expect(yml.copyright).toMatch(/^Copyright ©/);
    expect(yml.directories?.output).toBe('dist');
    // Where electron-builder looks for the icon and installer scripts by default.
    expect(yml.directories?.buildResources).toBe('resources');
    // The deb refuses to build without a homepage and a maintainer (package.json has neither).
    expect(yml.extraMetadata?.homepage).toMatch(/^https:\/\//);
    expect(yml.extraMetadata?.author?.name).toBeTruthy();
    expect(yml.extraMetadata?.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('dist/');
    expect(yml).toHaveProperty('publish', null);
  });

  it('builds Windows NSIS and MSI, both per-machine; macOS dmg; Linux AppImage and deb', () => {
    expect(targets(yml.win?.target).sort()).toEqual(['msi', 'nsis']);
    expect(yml.nsis).toMatchObject({
      perMachine: true,
      oneClick: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
    // The user's register and backups survive an uninstall.
    expect(yml.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(yml.msi).toMatchObject({
      perMachine: true,
      // The assisted MSI (a folder to choose when run by hand); silent installs ignore it.
      oneClick: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
    expect(targets(yml.mac?.target)).toEqual(['dmg']);
    // Notarisation needs the hardened runtime.
    expect(yml.mac).toMatchObject({ hardenedRuntime: true, category: 'public.app-category.productivity' });
    expect(yml.linux?.category).toBe('Office');
    expect(targets(yml.linux?.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it('packs the app in an asar with only what runs, native modules unpacked, rebuilt for Electron', () => {
    expect(yml.asar).toBe(true);
    expect(yml.asarUnpack).toContain('**/*.node');
    expect(yml.npmRebuild).toBe(true);
    const files = yml.files ?? [];
    // What is included: the bundles and package.json, nothing else.
    expect(files.filter((f) => !f.startsWith('!')).sort()).toEqual(['out/**', 'package.json']);
    // What is left out: source maps, TypeScript sources, tests, the TypeScript runner.
    expect(files).toEqual(
      expect.arrayContaining([
        '!out/**/*.map',
        '!**/*.{ts,tsx,mts,cts,map}',
        '!**/{test,tests,__tests__}/**',
        '!**/node_modules/{tsx,esbuild,@esbuild}/**',
        // The cipher module's C sources and compiler leftovers: only its .node file runs.
        '!**/node_modules/better-sqlite3-multiple-ciphers/{deps,src}/**',
        '!**/node_modules/better-sqlite3-multiple-ciphers/build/{deps,Release/obj,Release/obj.target,Release/.deps}/**',
        '!**/node_modules/better-sqlite3-multiple-ciphers/build/Release/{test_extension.node,*.a}',
      ]),
    );
    // The app's entry point is among the files packed.
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
  });

  it('flips every Electron fuse the issue lists', () => {
    expect(yml.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('has an icon: a PNG of at least 512 x 512, with its SVG source', () => {
    expect(yml.icon).toBe('resources/icon.png');
    const png = readFileSync(join(ROOT, yml.icon ?? ''));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
    // Colour type 6: RGBA, so the corners around the plate are transparent.
    expect(png[25]).toBe(6);
    expect(readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8')).toContain('<svg');
  });

  it('ships the bank holidays, the fonts and the cpreg wrappers as extra resources, all present', () => {
    const extra = yml.extraResources ?? [];
    expect(extra).toEqual(
      expect.arrayContaining([
        { from: 'resources/bank-holidays.json', to: 'bank-holidays.json' },
        { from: 'resources/fonts', to: 'fonts' },
        { from: 'resources/cli', to: 'cli' },
      ]),
    );
    for (const { from } of extra) expect(existsSync(join(ROOT, from)), from).toBe(true);
    expect(existsSync(join(ROOT, 'resources/cli/cpreg'))).toBe(true);
    expect(existsSync(join(ROOT, 'resources/cli/cpreg.cmd'))).toBe(true);
    // electron-builder copies the file's mode: the POSIX wrapper must be executable.
    expect(statSync(join(ROOT, 'resources/cli/cpreg')).mode & 0o111).toBe(0o111);
  });
});

describe('the cpreg command on Linux (deb)', () => {
  // The macros electron-builder replaces in deb scripts (FpmTarget's bash template options).
  const MACROS = new Set(['executable', 'sanitizedProductName', 'productFilename']);
  const render = (text: string) =>
    text.replace(/\$\{([a-zA-Z]+)\}/g, (_, name: string) => {
      if (!MACROS.has(name)) throw new Error(`\${${name}} is not a macro electron-builder defines`);
      return name === 'executable' ? 'cp-conference-register' : 'CP Conference Register';
    });
  const template = (name: string) =>
    readFileSync(join(ROOT, 'node_modules/app-builder-lib/templates/linux', name), 'utf8');

  it('links /usr/bin/cpreg after install and removes the link after removal', () => {
    expect(yml.deb?.afterInstall).toBe('resources/linux/after-install.sh');
    expect(yml.deb?.afterRemove).toBe('resources/linux/after-remove.sh');
    const install = readFileSync(join(ROOT, yml.deb?.afterInstall ?? ''), 'utf8');
    const remove = readFileSync(join(ROOT, yml.deb?.afterRemove ?? ''), 'utf8');
    expect(render(install)).toContain("ln -sf '/opt/CP Conference Register/resources/cli/cpreg' '/usr/bin/cpreg'");
    expect(render(remove)).toContain("rm -f '/usr/bin/cpreg'");
    // Valid bash once electron-builder has put its macros in.
    for (const script of [install, remove]) {
      const check = spawnSync('bash', ['-n'], { input: render(script), encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    }
  });

  it("keeps every line of electron-builder's own scripts (the app's link, chrome-sandbox, AppArmor)", () => {
    // Ours replace electron-builder's; if its templates change, ours must follow.
    for (const [ours, theirs] of [
      [yml.deb?.afterInstall ?? '', 'after-install.tpl'],
      [yml.deb?.afterRemove ?? '', 'after-remove.tpl'],
    ] as const) {
      const text = readFileSync(join(ROOT, ours), 'utf8');
      const lines = template(theirs)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
      for (const line of lines) expect(text, `${ours} lacks: ${line}`).toContain(line);
    }
  });

  it('runs the app executable the Linux build makes (linux.executableName)', () => {
    const wrapper = readFileSync(join(ROOT, 'resources/cli/cpreg'), 'utf8');
    expect(yml.linux?.executableName).toBe('cp-conference-register');
    expect(wrapper).toContain(`"$here/../../${yml.linux?.executableName}"`);
    expect(wrapper).toContain(`"$here/../../MacOS/${yml.productName}"`);
  });
});

describe('the cpreg command on Windows (NSIS)', () => {
  const nsh = () => readFileSync(join(ROOT, String(yml.nsis?.include)), 'utf8');

  it('adds the cli folder to the machine Path on install and takes it off on uninstall', () => {
    expect(yml.nsis?.include).toBe('resources/installer.nsh');
    const text = nsh();
    expect(text).toMatch(/!macro customInstall\b[\s\S]*?WriteRegExpandStr HKLM "\$\{CPREG_ENV_KEY\}" "Path"/);
    expect(text).toMatch(/!macro customUnInstall\b[\s\S]*?WriteRegExpandStr HKLM "\$\{CPREG_ENV_KEY\}" "Path"/);
    expect(text).toContain('!define CPREG_ENV_KEY "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment"');
    // The folder the wrappers are copied to (extraResources to: cli).
    expect(text.match(/StrCpy \$2 "\$INSTDIR\\resources\\cli"/g)).toHaveLength(2);
    expect(text.match(/SendMessage \$\{HWND_BROADCAST\} \$\{WM_SETTINGCHANGE\}/g)).toHaveLength(2);
  });

  it('never writes the Path from a failed or cut-short read', () => {
    const text = nsh();
    // Each read clears the error flag first and is followed by a check of it.
    const reads = [
      ...text.matchAll(
        /ClearErrors\s+ReadRegStr \$0 HKLM "\$\{CPREG_ENV_KEY\}" "Path"\s+\$\{(If|IfNot)\} \$\{Errors\}/g,
      ),
    ];
    expect(reads).toHaveLength(2);
    expect(text.match(/\$\{NSIS_MAX_STRLEN\}/g)?.length).toBeGreaterThanOrEqual(2);
    // Macros only: an unreferenced function or variable is a warning, and warnings are errors.
    expect(text).not.toMatch(/^\s*(Function|Var)\b/m);
  });

  it('has a cpreg.cmd that runs the Windows executable with --cpreg and passes the exit code back', () => {
    const cmd = readFileSync(join(ROOT, 'resources/cli/cpreg.cmd'), 'utf8');
    expect(cmd).toContain(`"%~dp0..\\..\\${yml.productName}.exe" --cpreg %*`);
    expect(cmd).toContain('exit /b %ERRORLEVEL%');
    // cmd.exe wants CRLF line ends.
    expect(cmd.split('\r\n').length).toBeGreaterThan(3);
    expect(cmd.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('the POSIX cpreg wrapper, run for real', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpreg wrapper '));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A stand-in app executable: prints each argument on its own line in brackets, exits 7. */
  const FAKE_APP = '#!/bin/sh\nfor a in "$@"; do printf \'[%s]\\n\' "$a"; done\nexit 7\n';
  const ARGS = ['conference', 'list', 'two words', 'it\'s "quoted"', '', '$HOME', '*', '--json'];
  const EXPECTED = ['[--cpreg]', ...ARGS.map((a) => `[${a}]`)].join('\n') + '\n';

  function layout(appExecutable: string, wrapperDir: string) {
    mkdirSync(join(dir, wrapperDir), { recursive: true });
    const wrapper = join(dir, wrapperDir, 'cpreg');
    copyFileSync(join(ROOT, 'resources/cli/cpreg'), wrapper);
    chmodSync(wrapper, 0o755);
    mkdirSync(dirname(join(dir, appExecutable)), { recursive: true });
    writeFileSync(join(dir, appExecutable), FAKE_APP);
    chmodSync(join(dir, appExecutable), 0o755);
    return wrapper;
  }

  const linuxWrapper = layout(
    'opt/CP Conference Register/cp-conference-register',
    'opt/CP Conference Register/resources/cli',
  );
  const macWrapper = layout(
    'CP Conference Register.app/Contents/MacOS/CP Conference Register',
    'CP Conference Register.app/Contents/Resources/cli',
  );

  const run = (command: string, env: NodeJS.ProcessEnv = process.env) =>
    spawnSync(command, ARGS, { encoding: 'utf8', env });

  it('runs the Linux app with --cpreg and every argument as given, and returns its exit code', () => {
    const result = run(linuxWrapper);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(EXPECTED);
    expect(result.status).toBe(7);
  });

  it('finds the macOS app inside its bundle', () => {
    const result = run(macWrapper);
    expect(result.stdout).toBe(EXPECTED);
    expect(result.status).toBe(7);
  });

  it('works through a symlink (absolute, relative, and a chain), as /usr/bin/cpreg is', () => {
    mkdirSync(join(dir, 'usr/bin'), { recursive: true });
    mkdirSync(join(dir, 'usr/local/bin'), { recursive: true });
    symlinkSync(linuxWrapper, join(dir, 'usr/bin/cpreg'));
    symlinkSync('../../../CP Conference Register.app/Contents/Resources/cli/cpreg', join(dir, 'usr/local/bin/cpreg'));
    symlinkSync('../bin/cpreg', join(dir, 'usr/local/bin/cpreg-chain'));
    for (const link of ['usr/bin/cpreg', 'usr/local/bin/cpreg', 'usr/local/bin/cpreg-chain']) {
      const result = run(join(dir, link));
      expect(result.stdout, link).toBe(EXPECTED);
      expect(result.status, link).toBe(7);
    }
  });

  it('works when found on the PATH by name', () => {
    const result = spawnSync('cpreg', ARGS, {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(dir, 'usr/bin')}:/usr/bin:/bin` },
    });
    expect(result.stdout).toBe(EXPECTED);
    expect(result.status).toBe(7);
  });

  it('says so, and exits 127, when the app is not where it should be', () => {
    mkdirSync(join(dir, 'lonely/resources/cli'), { recursive: true });
    const lonely = join(dir, 'lonely/resources/cli/cpreg');
    copyFileSync(linuxWrapper, lonely);
    chmodSync(lonely, 0o755);
    const result = run(lonely);
    expect(result.status).toBe(127);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^cpreg: cannot find the CP Conference Register app/);
  });
});

describe('package.json', () => {
  it('builds installers with `npm run dist` from electron.builder.yml, passed explicitly', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --config electron.builder.yml');
    for (const os of ['win', 'mac', 'linux']) expect(pkg.scripts[`dist:${os}`]).toBe(`npm run dist -- --${os}`);
    // One source of configuration: no "build" key for electron-builder to find instead.
    expect(pkg.build).toBeUndefined();
  });

  it('runs electron-builder on no install step', () => {
    for (const name of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'prepack']) {
      expect(pkg.scripts[name] ?? '', name).not.toMatch(/electron-builder|install-app-deps/);
    }
  });
});
