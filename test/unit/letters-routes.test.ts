import { describe, expect, it } from 'vitest';
import {
  exportPath,
  lettersPath,
  parseRoute,
  settingsFieldPath,
  type LettersChoices,
} from '../../renderer/src/app/routes';

const NONE: LettersChoices = { kind: null, from: null, to: null, unticked: [], folder: null };

describe('the Letters screen’s choices in its route', () => {
  it.each<[string, string, LettersChoices]>([
    ['no query', '/letters', NONE],
    [
      'every choice',
      '/letters?kind=appendix3&from=2025-10-01&to=2025-10-31&untick=agency%3A2%3A2025-10-01%3A2025-10-31&untick=agency%3A5%3A%3A&folder=C%3A%5CUsers%5Cam%5CLetters+and+forms',
      {
        kind: 'appendix3',
        from: '2025-10-01',
        to: '2025-10-31',
        unticked: ['agency:2:2025-10-01:2025-10-31', 'agency:5::'],
        folder: 'C:\\Users\\am\\Letters and forms',
      },
    ],
    ['an unknown kind', '/letters?kind=ransom-note', NONE],
    ['dates not YYYY-MM-DD', '/letters?from=1%2F10%2F2025&to=2025-10', NONE],
    ['a blank folder', '/letters?folder=%20%20', NONE],
    ['a folder too long', `/letters?folder=${'a'.repeat(1001)}`, NONE],
    [
      'a key repeated, one blank and one too long',
      `/letters?untick=a&untick=a&untick=&untick=${'k'.repeat(101)}`,
      { ...NONE, unticked: ['a'] },
    ],
  ])('%s', (_, path, choices) => {
    expect(parseRoute(path)).toEqual({ name: 'letters', choices });
  });

  it('keeps at most 500 unticked documents', () => {
    const path = `/letters?${Array.from({ length: 600 }, (_, i) => `untick=d${i}`).join('&')}`;
    const route = parseRoute(path);
    expect(route.name === 'letters' && route.choices.unticked).toHaveLength(500);
  });

  it.each<LettersChoices>([
    NONE,
    { kind: 'decision-letter', from: '2026-03-02', to: '2026-03-02', unticked: [], folder: null },
    {
      kind: 'appendix3',
      from: '2025-10-01',
      to: '2025-10-31',
      unticked: ['agency:2:2025-10-01:2025-10-31', 'agency:7:2025-10-01:2025-10-31'],
      folder: '/home/am/Letters & forms?#1',
    },
  ])('reads back what it writes: %o', (choices) => {
    expect(parseRoute(lettersPath(choices))).toEqual({ name: 'letters', choices });
  });

  it('writes no empty query, and no blank folder', () => {
    expect(lettersPath(NONE)).toBe('/letters');
    expect(lettersPath({ ...NONE, folder: ' ' })).toBe('/letters');
  });
});

describe('the Export screen’s choices in its route', () => {
  it.each([
    ['/letters/export', { agencyId: null, from: null, to: null }],
    ['/letters/export?agency=3&from=2025-10-01&to=2025-10-31', { agencyId: 3, from: '2025-10-01', to: '2025-10-31' }],
    ['/letters/export?agency=0', { agencyId: null, from: null, to: null }],
    ['/letters/export?agency=3x&from=yesterday', { agencyId: null, from: null, to: null }],
  ])('%s', (path, choices) => {
    expect(parseRoute(path)).toEqual({ name: 'letters-export', choices });
  });

  it('reads back what it writes', () => {
    const choices = { agencyId: 12, from: '2024-11-01', to: '2025-10-31' };
    expect(exportPath(choices)).toBe('/letters/export?agency=12&from=2024-11-01&to=2025-10-31');
    expect(parseRoute(exportPath(choices))).toEqual({ name: 'letters-export', choices });
    expect(exportPath({ agencyId: null, from: null, to: null })).toBe('/letters/export');
  });

  it('leaves the sharing log where it was', () => {
    expect(parseRoute('/letters/sharing-log')).toEqual({ name: 'sharing-log' });
    expect(parseRoute('/letters/export/more')).toEqual({ name: 'not-found' });
  });
});

describe('Settings opened at a field, with the way back to the preview', () => {
  const preview = lettersPath({
    kind: 'appendix3',
    from: '2025-10-01',
    to: '2025-10-31',
    unticked: ['agency:2:2025-10-01:2025-10-31'],
    folder: '/home/am/Letters and forms',
  });

  it('reads back the field and a Letters or Export route, its own query intact', () => {
    expect(parseRoute(settingsFieldPath('unitEmail', preview))).toEqual({
      name: 'settings',
      field: 'unitEmail',
      returnTo: preview,
    });
    const exportRoute = exportPath({ agencyId: 4, from: '2025-10-01', to: '2025-10-31' });
    expect(parseRoute(settingsFieldPath('unitName', exportRoute))).toEqual({
      name: 'settings',
      field: 'unitName',
      returnTo: exportRoute,
    });
  });

  it.each([
    ['no query', '/settings', { field: null, returnTo: null }],
    ['no return', '/settings?field=unitEmail', { field: 'unitEmail', returnTo: null }],
    [
      'a field that is not an id',
      '/settings?field=%22%3E%3Cimg&return=%2Fletters',
      { field: null, returnTo: '/letters' },
    ],
    ['a field starting with a digit', '/settings?field=1abc', { field: null, returnTo: null }],
    ['a return to another screen', '/settings?field=unitEmail&return=%2Fusers', { field: 'unitEmail', returnTo: null }],
    ['a return off the app', '/settings?return=https%3A%2F%2Fexample.org%2Fletters', { field: null, returnTo: null }],
    ['a return not a route', '/settings?return=letters', { field: null, returnTo: null }],
    [
      'a return to Settings itself',
      '/settings?return=%2Fsettings%3Freturn%3D%252Fletters',
      { field: null, returnTo: null },
    ],
  ])('%s', (_, path, expected) => {
    expect(parseRoute(path)).toEqual({ name: 'settings', ...expected });
  });
});
