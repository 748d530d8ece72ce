import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLog } from '../../electron/main/desktop/log';
import { errorForLog, registerKind, startRecord } from '../../electron/main/desktop/log-records';
import {
  crashReporterOptions,
  focusExisting,
  signInAtStart,
  startMode,
  startupFailureDialog,
  unexpectedErrorDialog,
} from '../../electron/main/desktop/startup';
import { ServiceError } from '../../electron/main/register/services/errors';
import { TargetError } from '../../electron/main/window/target';

describe('how the app starts', () => {
  it('opens the window unless asked for the command line', () => {
    expect(startMode(['/opt/CP Conference Register/cp-conference-register'])).toEqual({ kind: 'app' });
    expect(startMode(['electron', '.', '--db', '/tmp/r'])).toEqual({ kind: 'app' });
    expect(startMode([])).toEqual({ kind: 'app' });
  });

  it('runs the CLI with everything after --cpreg, untouched', () => {
    expect(startMode(['C:\\Program Files\\CP\\CP Conference Register.exe', '--cpreg', 'conferences', 'list'])).toEqual({
      kind: 'cli',
      args: ['conferences', 'list'],
    });
    expect(startMode(['electron', '.', '--cpreg', '--db', '/tmp/r', 'init', '--cpreg'])).toEqual({
      kind: 'cli',
      args: ['--db', '/tmp/r', 'init', '--cpreg'],
    });
    expect(startMode(['app', '--no-sandbox', '--cpreg'])).toEqual({ kind: 'cli', args: [] });
    // The executable itself is never the flag; a look-alike is not the flag either.
    expect(startMode(['--cpreg', 'x'])).toEqual({ kind: 'app' });
    expect(startMode(['app', '--cpreg=init'])).toEqual({ kind: 'app' });
  });

  it('keeps crash dumps on this computer', () => {
    const options = crashReporterOptions();
    expect(options.uploadToServer).toBe(false);
    expect(options).not.toHaveProperty('submitURL');
    expect(options.extra).toEqual({});
    expect(options.globalExtra).toEqual({});
  });

  it('brings the running window to the front on a second start', () => {
    const calls: string[] = [];
    const win = (minimised: boolean) => ({
      isMinimized: () => minimised,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    });
    expect(focusExisting(win(true))).toBe(true);
    expect(calls).toEqual(['restore', 'show', 'focus']);
    calls.length = 0;
    focusExisting(win(false));
    expect(calls).toEqual(['show', 'focus']);
    expect(focusExisting(null)).toBe(false);
  });
});

describe('a start-up failure', () => {
  const LOG = 'C:\\Users\\chair\\AppData\\Roaming\\CP Conference Register\\logs\\main.log';

  it('says what failed, what to do and where the log is', () => {
    const dialog = startupFailureDialog(new TargetError('--server: the unit server must be an https:// address'), LOG);
    expect(dialog.title).toBe('CP Conference Register could not start');
    expect(dialog.message).toContain('What went wrong: --server: the unit server must be an https:// address');
    expect(dialog.message).toContain('Check the unit server setting');
    expect(dialog.message).toContain(`The log file is: ${LOG}`);
  });

  it('still explains itself for an error with no message, or a thrown value', () => {
    for (const thrown of [new Error(''), 'boom', undefined]) {
      const dialog = startupFailureDialog(thrown, LOG);
      expect(dialog.message).toContain('What went wrong: An unexpected error.');
      expect(dialog.message).toContain('send the log file to your IT service desk');
      expect(dialog.message).toContain(LOG);
    }
  });
});

describe('an unexpected error after start-up', () => {
  it('says to save and restart, and where the log is, without the error itself', () => {
    const dialog = unexpectedErrorDialog('/home/chair/.config/CP Conference Register/logs/main.log');
    expect(dialog.title).toBe('CP Conference Register hit an unexpected error');
    expect(dialog.message).toContain('close the app and start it again');
    expect(dialog.message).toContain('The log file is: /home/chair/.config/CP Conference Register/logs/main.log');
  });
});

describe('the log', () => {
  // A register refusal quotes what was typed: its message must never reach the log.
  const refusal = new ServiceError('conflict', 'Ellie Hartfield (born 2019-03-04) was changed by someone else');

  it('records an error as its kind, code and stack, never its message', () => {
    const line = errorForLog(refusal);
    expect(line.split('\n')[0]).toBe('ServiceError code=conflict');
    expect(line).toMatch(/\n {4}at /);
    expect(line).not.toContain('Hartfield');
    expect(line).not.toContain('2019');

    const io = Object.assign(new Error('ENOENT: no such file, open /home/chair/Ellie Hartfield.pdf'), {
      code: 'ENOENT',
    });
    expect(errorForLog(io).split('\n')[0]).toBe('Error code=ENOENT');
    expect(errorForLog(io)).not.toContain('Hartfield');
    // A code that is really text is dropped too.
    const odd = Object.assign(new Error('x'), { code: 'Ellie Hartfield' });
    expect(errorForLog(odd).split('\n')[0]).toBe('Error');
  });

  it('records a thrown value that is not an Error by its type alone', () => {
    expect(errorForLog({ name: 'Ellie Hartfield', dateOfBirth: '2019-03-04' })).toBe(
      'a thrown object (not an Error; its value is not recorded)',
    );
    expect(errorForLog('Ellie Hartfield')).toBe('a thrown string (not an Error; its value is not recorded)');
    expect(errorForLog(null)).toBe('a thrown null (not an Error; its value is not recorded)');
  });

  it('follows an error’s cause without its message', () => {
    const wrapped = new Error('Could not save Ellie Hartfield', { cause: refusal });
    const line = errorForLog(wrapped);
    expect(line).toContain('caused by ServiceError code=conflict');
    expect(line).not.toContain('Hartfield');
  });

  it('records start-up facts and the kind of register, not where it is', () => {
    const record = startRecord({
      version: '0.1.0',
      packaged: true,
      platform: 'win32',
      arch: 'x64',
      versions: { electron: '45.4.1', chrome: '142.0.1', node: '22.20.0' },
      register: registerKind({ kind: 'register' }),
    });
    expect(record).toBe(
      'start: CP Conference Register 0.1.0, installed, win32-x64, Electron 45.4.1, Chrome 142.0.1, Node 22.20.0, register: file',
    );
    expect(registerKind({ kind: 'server' })).toBe('server');
  });

  describe('file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpreg-log-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('holds the start line and the error’s kind, and nothing of the record', () => {
      const file = join(dir, 'logs', 'main.log');
      const log = openLog(file, { console: false });
      log.info('start: test');
      log.error('start-up failed', refusal);
      log.error('unhandled rejection', { name: 'Ellie Hartfield' });
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('start: test');
      expect(text).toContain('start-up failed: ServiceError code=conflict');
      expect(text).toContain('unhandled rejection: a thrown object');
      expect(text).not.toContain('Hartfield');
      expect(log.file).toBe(file);
    });
  });
});

describe('signing in as the window opens (npm run demo)', () => {
  const demo = ['electron', '.', '--db', '/home/a/cpreg/.demo/demo.sqlite', '--user', 'demo'];
  const env = { CPREG_PASSWORD: 'demo register password' };

  it('signs in with --user and the password in CPREG_PASSWORD, in a checkout', () => {
    expect(signInAtStart(demo, env, false)).toEqual({ name: 'demo', password: 'demo register password' });
    expect(signInAtStart(['electron', '.', '--user=demo'], env, false)).toEqual({
      name: 'demo',
      password: 'demo register password',
    });
  });

  it('never in an installed app, and not without both the name and the password', () => {
    expect(signInAtStart(demo, env, true)).toBeNull();
    expect(signInAtStart(demo, {}, false)).toBeNull();
    expect(signInAtStart(['electron', '.', '--user'], env, false)).toBeNull();
    expect(signInAtStart(['electron', '.'], env, false)).toBeNull();
  });
});
