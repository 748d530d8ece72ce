import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNEL_ALIASES, CHANNEL_NAMES, resolveChannelName } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { issuesFromZod } from '../../shared/ipc/result';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { conferenceInputSchema } from '../../shared/schemas/conference';

describe('the IPC contract', () => {
  it('defines exactly the channels the preload allows', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('documents every channel in the README, and keeps each old name mapped to a channel that exists', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `([a-zA-Z]+\.[a-zA-Z]+)` +\|/gm)].map((m) => m[1]));
    expect(CHANNEL_NAMES.filter((c) => !documented.has(c))).toEqual([]);
    for (const [old, now] of Object.entries(CHANNEL_ALIASES)) {
      expect(CHANNEL_NAMES).not.toContain(old);
      expect(resolveChannelName(old)).toBe(now);
    }
    expect(resolveChannelName('conferences.due')).toBe('due.list');
    expect(resolveChannelName('no.such')).toBeNull();
  });

  it('is split per domain, each part beside its handlers, every output a named schema', () => {
    const parts = join(__dirname, '../../shared/ipc/contract');
    const handlers = join(__dirname, '../../electron/main/api/handlers');
    for (const file of readdirSync(parts).filter((f) => f !== 'common.ts')) {
      const text = readFileSync(join(parts, file), 'utf8');
      // An output written inline (an object, or a list of objects) has no name to refer to.
      expect(text, file).not.toMatch(/output:\s*(z\.object|strictObject|z\.array\(\s*z\.object)/);
      // Session channels are the gate's; every other part has its handlers beside it, in name.
      if (file !== 'session.ts') expect(readdirSync(handlers), file).toContain(file);
    }
  });
});

function issues(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value) as { success: boolean; error?: Parameters<typeof issuesFromZod>[0] };
  return result.success || !result.error ? [] : issuesFromZod(result.error);
}

describe('agency input', () => {
  it('names each field that is wrong, with a message saying what to do', () => {
    expect(issues(agencyInputSchema, { name: ' ', type: '', leadEmail: 'not-an-email', leadPhone: 'call me' })).toEqual(
      [
        { path: 'name', message: 'Enter the agency name' },
        { path: 'type', message: 'Select the type of agency' },
        { path: 'leadEmail', message: 'Enter an email address in the correct format, like name@example.com' },
        { path: 'leadPhone', message: 'Enter a phone number, like 01632 960 001' },
      ],
    );
  });
  it('trims text and turns blanks into nulls', () => {
    expect(
      agencyInputSchema.parse({ name: '  School nursing ', type: 'health', quoracyGroup: ' ', leadEmail: '' }),
    ).toMatchObject({
      name: 'School nursing',
      quoracyGroup: null,
      leadEmail: null,
    });
  });
});

describe('conference input', () => {
  const base = {
    type: 'initial',
    date: '2026-03-02',
    time: '10:00',
    venue: 'Room 1',
    chairName: 'A Chair',
    family: { name: 'Family A' },
  };
  it('needs at least one child', () => {
    expect(issues(conferenceInputSchema, base)).toEqual([
      { path: 'children', message: 'Select or add at least one child' },
    ]);
  });
  it('names the child and field with a bad date, and a bad time', () => {
    const found = issues(conferenceInputSchema, {
      ...base,
      time: '25:00',
      newChildren: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2020-02-30' }],
    });
    expect(found).toEqual([
      { path: 'time', message: 'Enter the start time as hh:mm, like 09:30 or 14:00' },
      { path: 'newChildren.0.dateOfBirth', message: 'Date of birth must be a real date' },
    ]);
  });
  it('wants a date of birth or an expected date, not both', () => {
    expect(
      issues(conferenceInputSchema, { ...base, newChildren: [{ givenName: 'A', familyName: 'B' }] })[0]?.path,
    ).toBe('newChildren.0.dateOfBirth');
    expect(
      issues(conferenceInputSchema, {
        ...base,
        newChildren: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2020-01-01', expectedDate: '2026-06-01' }],
      })[0]?.path,
    ).toBe('newChildren.0.expectedDate');
  });
  it('refuses an unknown conference type', () => {
    expect(issues(conferenceInputSchema, { ...base, type: 'annual', newChildren: [] })[0]).toEqual({
      path: 'type',
      message: 'Select the type of conference',
    });
  });
});
