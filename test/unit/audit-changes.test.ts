import { describe, expect, it } from 'vitest';
import { changedFields } from '../../shared/audit-changes';

describe('changedFields: what an audit event keeps of a write', () => {
  it.each([
    {
      what: 'only the fields that changed, with what names the change on both sides',
      before: { view: 'plan', reasons: 'Old reasons', agency: 'Police' },
      after: { view: 'plan', reasons: 'New reasons', agency: 'Police' },
      keep: { childId: 3 },
      expected: { before: { childId: 3, reasons: 'Old reasons' }, after: { childId: 3, reasons: 'New reasons' } },
    },
    {
      what: 'nested records compared member by member',
      before: { views: { '1:2': { view: 'plan', reasons: 'a' } }, status: 'scheduled' },
      after: {
        views: { '1:2': { view: 'plan', reasons: 'b' }, '1:3': { view: 'no-plan', reasons: '' } },
        status: 'scheduled',
      },
      keep: {},
      expected: {
        before: { views: { '1:2': { reasons: 'a' } } },
        after: { views: { '1:2': { reasons: 'b' }, '1:3': { view: 'no-plan', reasons: '' } } },
      },
    },
    {
      what: 'array members by index',
      before: { stages: [{ n: 1, response: null }] },
      after: {
        stages: [
          { n: 1, response: 'Agreed' },
          { n: 2, response: null },
        ],
      },
      keep: {},
      expected: {
        before: { stages: { 0: { response: null } } },
        after: { stages: { 0: { response: 'Agreed' }, 1: { n: 2, response: null } } },
      },
    },
    {
      what: 'a record created: no before',
      before: undefined,
      after: { name: 'A' },
      keep: { id: 1 },
      expected: { before: undefined, after: { id: 1, name: 'A' } },
    },
    {
      what: 'a record deleted: no after',
      before: { name: 'A' },
      after: null,
      keep: {},
      expected: { before: { name: 'A' }, after: undefined },
    },
    {
      what: 'nothing changed: only what names it',
      before: { a: 1 },
      after: { a: 1 },
      keep: { change: 'x' },
      expected: { before: { change: 'x' }, after: { change: 'x' } },
    },
  ])('$what', ({ before, after, keep, expected }) => {
    expect(changedFields(before, after, keep)).toEqual(expected);
  });
});
