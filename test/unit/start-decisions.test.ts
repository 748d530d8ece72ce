import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD as CLI_DEMO_PASSWORD } from '../../electron/main/cli/cli';
import { staleReason } from '../../scripts/build-state.cjs';
import { demoArgs, DEMO_PASSWORD } from '../../scripts/demo.cjs';
import {
  compilerProblem,
  decideStart,
  displayProblem,
  firstLine,
  type Found,
  type Probes,
} from '../../scripts/launch.cjs';

/**
 * A machine for `decideStart`: each fact as given, every question asked recorded, so a test can
 * say both which way the app starts and that nothing slower was tried than needed (no download
 * when the runtime is there, no compiler when a prebuilt binary came).
 */
function machine(facts: Partial<{ [K in keyof Probes]: ReturnType<Probes[K]> }>): { probes: Probes; asked: string[] } {
  const asked: string[] = [];
  const defaults: { [K in keyof Probes]: ReturnType<Probes[K]> } = {
    forcedBrowser: null,
    display: null,
    electron: { ok: true, value: '/electron' },
    cachedBinding: null,
    prebuilt: { ok: true, value: '/prebuilt.node' },
    compiler: null,
    compile: { ok: true, value: '/compiled.node' },
  };
  const all = { ...defaults, ...facts };
  const probe =
    <K extends keyof Probes>(name: K) =>
    () => {
      asked.push(name);
      return all[name];
    };
  const probes = {
    forcedBrowser: probe('forcedBrowser'),
    display: probe('display'),
    electron: probe('electron'),
    cachedBinding: probe('cachedBinding'),
    prebuilt: probe('prebuilt'),
    compiler: probe('compiler'),
    compile: probe('compile'),
  } as Probes;
  return { probes, asked };
}

const failed = (reason: string): Found => ({ ok: false, reason });

describe('which way npm start opens the app', () => {
  it('an earlier start’s Electron build is used without fetching or compiling anything', () => {
    const { probes, asked } = machine({ cachedBinding: '/cached.node' });
    expect(decideStart(probes)).toEqual({
      mode: 'electron',
      electron: '/electron',
      binding: '/cached.node',
      how: 'cached',
    });
    expect(asked).not.toContain('prebuilt');
    expect(asked).not.toContain('compile');
  });

  it('an ordinary laptop with the network gets the prebuilt binary and never compiles', () => {
    const { probes, asked } = machine({});
    expect(decideStart(probes)).toEqual({
      mode: 'electron',
      electron: '/electron',
      binding: '/prebuilt.node',
      how: 'prebuilt',
    });
    expect(asked).not.toContain('compiler');
    expect(asked).not.toContain('compile');
  });

  it('compiles only as a last resort: no prebuilt binary, and a toolchain is there', () => {
    const { probes, asked } = machine({
      prebuilt: failed('No prebuilt binaries found (target=45.4.1 runtime=electron arch=riscv64)'),
    });
    expect(decideStart(probes)).toEqual({
      mode: 'electron',
      electron: '/electron',
      binding: '/compiled.node',
      how: 'compiled',
    });
    expect(asked).toEqual(['forcedBrowser', 'display', 'electron', 'cachedBinding', 'prebuilt', 'compiler', 'compile']);
  });

  it('a council laptop with no prebuilt binary and no compiler opens browser mode, saying both, without trying to compile', () => {
    const { probes, asked } = machine({
      prebuilt: failed('getaddrinfo ENOTFOUND github.com'),
      compiler: 'Visual Studio Build Tools with C++ are not installed',
    });
    const plan = decideStart(probes);
    expect(plan.mode).toBe('browser');
    if (plan.mode !== 'browser') return;
    expect(plan.reason).toContain('no prebuilt binary for this Electron (getaddrinfo ENOTFOUND github.com)');
    expect(plan.reason).toContain('cannot be compiled here (Visual Studio Build Tools with C++ are not installed)');
    expect(asked).not.toContain('compile');
  });

  it('a failed compile falls back to browser mode, pointing at the compiler’s output', () => {
    const { probes } = machine({ prebuilt: failed('404'), compile: failed('node-gyp exited with 1') });
    const plan = decideStart(probes);
    expect(plan).toEqual({
      mode: 'browser',
      reason:
        'The register’s database module has no prebuilt binary for this Electron (404) and compiling it failed (node-gyp exited with 1; its output is above)',
    });
  });

  it('no Electron runtime (an offline machine) says so, and builds nothing for it', () => {
    const { probes, asked } = machine({
      electron: failed('it could not be downloaded: RequestError: getaddrinfo EAI_AGAIN'),
    });
    expect(decideStart(probes)).toEqual({
      mode: 'browser',
      reason: 'The Electron runtime is not available (it could not be downloaded: RequestError: getaddrinfo EAI_AGAIN)',
    });
    expect(asked).toEqual(['forcedBrowser', 'display', 'electron']);
  });

  it('a Linux machine with no display opens browser mode before downloading anything', () => {
    const { probes, asked } = machine({ display: displayProblem('linux', {}) });
    const plan = decideStart(probes);
    expect(plan).toEqual({
      mode: 'browser',
      reason: 'There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    });
    expect(asked).not.toContain('electron');
  });

  it('CPREG_BROWSER_MODE=1 asks for browser mode outright', () => {
    const { probes, asked } = machine({ forcedBrowser: 'CPREG_BROWSER_MODE=1 asks for browser mode' });
    expect(decideStart(probes).mode).toBe('browser');
    expect(asked).toEqual(['forcedBrowser']);
  });
});

describe('the facts about a machine', () => {
  it('a display: Windows and macOS always; Linux with X11 or Wayland', () => {
    expect(displayProblem('win32', {})).toBeNull();
    expect(displayProblem('darwin', {})).toBeNull();
    expect(displayProblem('linux', { DISPLAY: ':0' })).toBeNull();
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(displayProblem('linux', { DISPLAY: '' })).toMatch(/no display/);
  });

  it('a compiler on Windows: Visual Studio found by vswhere, and Python', () => {
    const vswhere = 'D:\\Programs\\Microsoft Visual Studio\\Installer\\vswhere.exe';
    const env = { 'ProgramFiles(x86)': 'D:\\Programs' };
    const has = (file: string) => file === vswhere;
    expect(compilerProblem('win32', env, (c) => c === 'py', has)).toBeNull();
    expect(compilerProblem('win32', env, () => false, has)).toBe('Python is not installed');
    expect(
      compilerProblem(
        'win32',
        env,
        () => true,
        () => false,
      ),
    ).toBe('Visual Studio Build Tools with C++ are not installed');
  });

  it('a compiler on Linux and macOS: Python 3, make and a C++ compiler', () => {
    const tools =
      (...present: string[]) =>
      (c: string) =>
        present.includes(c);
    const none = () => false;
    expect(compilerProblem('linux', {}, tools('python3', 'make', 'g++'), none)).toBeNull();
    expect(compilerProblem('darwin', {}, tools('python3', 'make', 'clang++'), none)).toBeNull();
    expect(compilerProblem('linux', {}, tools('make', 'g++'), none)).toBe('Python 3 is not installed');
    expect(compilerProblem('linux', {}, tools('python3', 'g++'), none)).toBe('make is not installed');
    expect(compilerProblem('linux', {}, tools('python3', 'make'), none)).toBe('no C++ compiler is installed');
    expect(compilerProblem('darwin', {}, tools('python3', 'make'), none)).toBe(
      'the Xcode command line tools are not installed',
    );
  });

  it('a reason is the first line a tool printed, or what was known', () => {
    expect(firstLine('\n  prebuild-install warn install No prebuilt binaries found\nmore\n', 'x')).toBe(
      'prebuild-install warn install No prebuilt binaries found',
    );
    expect(firstLine('', 'prebuild-install exited with 1')).toBe('prebuild-install exited with 1');
    expect(firstLine(undefined, 'none')).toBe('none');
  });
});

describe('npm run demo', () => {
  it('signs in with the password cpreg demo gives the demo user', () => {
    expect(DEMO_PASSWORD).toBe(CLI_DEMO_PASSWORD);
  });

  it('takes its own --size and --fresh and passes the rest to the app', () => {
    expect(demoArgs([])).toEqual({ size: 'small', fresh: false, rest: [] });
    expect(demoArgs(['--size', 'large', '--fresh', '--port', '8123'])).toEqual({
      size: 'large',
      fresh: true,
      rest: ['--port', '8123'],
    });
    expect(demoArgs(['--size=large']).size).toBe('large');
    expect(() => demoArgs(['--size', 'huge'])).toThrow('--size must be small or large (got "huge")');
  });
});

describe('whether the build is stale', () => {
  it('names a missing output, then a source newer than the build, then nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpreg-build-state-'));
    try {
      const outputs = [
        'out/main/index.js',
        'out/main/cli.js',
        'out/main/browser-mode.js',
        'out/preload/index.js',
        'out/renderer/index.html',
      ];
      mkdirSync(join(dir, 'shared'), { recursive: true });
      writeFileSync(join(dir, 'shared', 'dates.ts'), '');
      expect(staleReason(dir)).toBe('out/main/index.js is not built');
      const past = new Date(Date.now() - 60_000);
      utimesSync(join(dir, 'shared', 'dates.ts'), past, past);
      utimesSync(join(dir, 'shared'), past, past);
      for (const output of outputs) {
        mkdirSync(join(dir, output, '..'), { recursive: true });
        writeFileSync(join(dir, output), '');
      }
      expect(staleReason(dir)).toBeNull();
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(dir, 'shared', 'dates.ts'), later, later);
      expect(staleReason(dir)).toBe('shared has changed since the last build');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
