import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/api/dispatch';
import { createHandlers } from '../../electron/main/api/handlers';
import { tableCounts, tempRegister } from './helpers';

describe('dispatch: the contract at the edge', () => {
  it('refuses an unknown channel as a value', () => {
    const r = tempRegister();
    expect(dispatch(createHandlers(r), 'agencies.drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'That operation does not exist', issues: [] },
    });
  });

  it('validates the input before any service runs, naming the field', () => {
    const r = tempRegister();
    const before = tableCounts(r);
    const result = dispatch(createHandlers(r), 'agencies.update', {
      id: 1,
      fields: { name: 'X', type: 'health', leadEmail: 'x@' },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Enter an email address in the correct format, like name@example.com',
        issues: [
          { path: 'fields.leadEmail', message: 'Enter an email address in the correct format, like name@example.com' },
        ],
      },
    });
    expect(tableCounts(r)).toEqual(before);
  });

  it('passes service refusals through as values', () => {
    const r = tempRegister();
    expect(dispatch(createHandlers(r), 'agencies.get', { id: 7 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('returns values that match the output schema', () => {
    const r = tempRegister();
    const h = createHandlers(r);
    expect(dispatch(h, 'agencies.create', { name: 'Probation Service', type: 'probation' })).toMatchObject({
      ok: true,
      value: { id: 1, active: true },
    });
    expect(dispatch(h, 'workingDays.calculate', { date: '2025-12-19', days: 15 })).toEqual({
      ok: true,
      value: { date: '2026-01-14', warning: null },
    });
  });
});
