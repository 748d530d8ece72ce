import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../electron/main/browser-mode/server';
import { tempDir } from './helpers';

const DEMO = resolve(__dirname, '../../scripts/demo.cjs');
const running: ChildProcess[] = [];
/** Stops each demo started, waiting until it (and the app it started) has gone. */
async function stopAll(): Promise<void> {
  await Promise.all(
    running.splice(0).map(
      async (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
}
afterEach(stopAll);

/** Runs `npm run demo`'s script until it prints the address to open; returns that and what it said. */
async function startDemo(demoDir: string, args: string[] = []): Promise<{ url: URL; said: string }> {
  const child = spawn(process.execPath, [DEMO, ...args], {
    env: { ...process.env, CPREG_DEMO_DIR: demoDir, CPREG_BROWSER_MODE: '1', CPREG_PASSWORD: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let said = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm run demo printed no address in time:\n${said}`)), 50_000);
    const take = (chunk: Buffer) => {
      said += chunk.toString('utf8');
      const address = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(said);
      if (address?.[1]) {
        clearTimeout(timer);
        done({ url: new URL(address[1]), said });
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm run demo exited with ${code}:\n${said}`));
    });
  });
}

async function sessionStatus(url: URL): Promise<unknown> {
  const response = await fetch(new URL('/api/invoke', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: url.searchParams.get('token') ?? '' },
    body: JSON.stringify({ channel: 'session.status', input: {} }),
  });
  return response.json();
}

// The demo is an embedded register on this computer (excluded from integration-pg in vitest.config.mts).
describe('npm run demo', () => {
  it('makes a demo register outside the real one, opens the app signed in as demo, and reuses it next time', async () => {
    const dir = join(tempDir(), 'demo');
    const first = await startDemo(dir);
    expect(first.said).toContain('Making a demo register of synthetic data (small)');
    expect(first.said).toContain('CPREG_BROWSER_MODE=1 asks for browser mode: starting browser mode instead.');
    expect(existsSync(join(dir, 'demo.sqlite'))).toBe(true);
    const status = (await sessionStatus(first.url)) as {
      ok: boolean;
      value: { state: string; user?: { name: string } };
    };
    expect(status.ok).toBe(true);
    expect(status.value.state).toBe('signed-in');
    expect(status.value.user?.name).toBe('demo');
    await stopAll();

    const again = await startDemo(dir);
    expect(again.said).toContain(`Using the demo register ${join(dir, 'demo.sqlite')}`);
    expect(again.said).not.toContain('Making a demo register');
  }, 120_000);

  it('refuses a size it does not know, making nothing', async () => {
    const dir = join(tempDir(), 'demo');
    await expect(startDemo(dir, ['--size', 'huge'])).rejects.toThrow('--size must be small or large (got "huge")');
    expect(existsSync(dir)).toBe(false);
  });
});
