import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePrivate } from '../../electron/main/register/private-files';

const mode = (path: string) => statSync(path).mode & 0o7777;

describe.skipIf(process.platform === 'win32')('making the register private', () => {
  it('makes its own folder and files private', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpreg-private-'));
    const folder = join(dir, 'own');
    mkdirSync(folder, { mode: 0o755 });
    const file = join(folder, 'register.sqlite');
    writeFileSync(file, 'x', { mode: 0o644 });
    makePrivate(file);
    expect(mode(folder)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });

  it('leaves a shared, sticky folder (like /tmp) as it was, and still makes the file private', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpreg-private-'));
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const file = join(shared, 'register.sqlite');
    writeFileSync(file, 'x', { mode: 0o644 });
    makePrivate(file);
    expect(mode(shared)).toBe(0o1777);
    expect(mode(file)).toBe(0o600);
  });
});
