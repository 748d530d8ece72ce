import { describe, expect, it } from 'vitest';
import { assessQuoracy, DEFAULT_QUORACY_RULE, type AttendingAgency } from '../../shared/quoracy';

let nextId = 1;
const agency = (name: string, type: string, quoracyGroup: string | null = null): AttendingAgency => ({
  id: nextId++,
  name,
  type,
  quoracyGroup,
});
const csc = agency('Children’s Social Care', 'childrens-social-care');
const hv = agency('Health Visiting', 'health', 'Health');
const sn = agency('School Nursing', 'health', 'health');
const gp = agency('GP Practice', 'health', 'Health');
const police = agency('Police', 'police');
const school = agency('Primary School', 'education');

describe('assessQuoracy: children’s social care plus two other agencies, groups counting once', () => {
  it.each([
    ['CSC, police and school', [csc, police, school], true, ['Police', 'Primary School']],
    [
      'CSC and two health services in one group: inquorate',
      [csc, hv, sn],
      false,
      ['Health (Health Visiting, School Nursing)'],
    ],
    [
      'CSC, three health services and police',
      [csc, hv, sn, gp, police],
      true,
      ['Health (Health Visiting, School Nursing, GP Practice)', 'Police'],
    ],
    ['no CSC', [police, school, hv], false, ['Police', 'Primary School', 'Health (Health Visiting)']],
    ['nobody', [], false, []],
  ])('%s', (_why, attending, quorate, counted) => {
    const q = assessQuoracy(attending, DEFAULT_QUORACY_RULE);
    expect(q.quorate).toBe(quorate);
    expect(q.counted).toEqual(counted);
  });

  it('says what is missing', () => {
    expect(assessQuoracy([police], DEFAULT_QUORACY_RULE).shortfall).toBe(
      'Children’s social care has not attended; 1 more agency (other than children’s social care) must attend.',
    );
    expect(assessQuoracy([csc, hv, sn], DEFAULT_QUORACY_RULE).shortfall).toBe(
      '1 more agency (other than children’s social care) must attend.',
    );
    expect(assessQuoracy([csc, police, school], DEFAULT_QUORACY_RULE).shortfall).toBeNull();
  });

  it('follows the partnership’s rule', () => {
    expect(assessQuoracy([csc, police], { requireChildrensSocialCare: true, minOtherAgencies: 1 }).quorate).toBe(true);
    expect(assessQuoracy([police, school], { requireChildrensSocialCare: false, minOtherAgencies: 2 }).quorate).toBe(
      true,
    );
  });
});
