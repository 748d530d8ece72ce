import { describe, expect, it } from 'vitest';
import { canCall } from '../../renderer/src/features/session/can';
import { checkNewPassword } from '../../renderer/src/features/session/new-password';
import { recoveryKeyLines } from '../../renderer/src/features/session/recovery-key';

describe('which controls a user is shown', () => {
  it('lets any signed-in user read, and only the named roles write', () => {
    expect(canCall('conferences.list', ['manager'], false)).toBe(true);
    expect(canCall('conferences.create', ['manager'], false)).toBe(false);
    expect(canCall('conferences.create', ['officer'], false)).toBe(true);
    expect(canCall('users.list', ['chair', 'officer'], false)).toBe(false);
    expect(canCall('users.list', ['administrator'], false)).toBe(true);
  });

  it('hides every write while the register is open read-only, but not reading', () => {
    expect(canCall('conferences.create', ['chair'], true)).toBe(false);
    expect(canCall('session.changePassword', ['chair'], true)).toBe(false);
    expect(canCall('users.list', ['administrator'], true)).toBe(true);
  });
});

describe('the recovery key as shown', () => {
  it('is four lines of four groups of four characters', () => {
    const key = '0123456789abcdef'.repeat(4);
    const lines = recoveryKeyLines(key);
    expect(lines).toEqual(Array.from({ length: 4 }, () => '0123 4567 89ab cdef'));
    expect(lines.join('').replaceAll(' ', '')).toBe(key);
  });
});

describe('confirming a new password', () => {
  const good = 'correct horse battery staple';
  it('asks for the password again, the same', () => {
    expect(checkNewPassword(good, good, 'confirm')).toEqual([]);
    expect(checkNewPassword(good, '', 'confirm')[0]?.message).toBe('Type the password again to confirm it');
    expect(checkNewPassword(good, `${good}!`, 'confirm')[0]?.fieldId).toBe('confirm');
  });

  it('leaves a short password to its own message', () => {
    expect(checkNewPassword('short', 'other', 'confirm')).toEqual([]);
  });
});
