import { describe, expect, it } from 'vitest';
import { contributionIncidents } from '../../shared/schemas/agency-escalation';

describe('contributionIncidents: what an agency’s contribution gives cause to escalate (Appendix 3)', () => {
  it.each([
    ['attended, report on time', 'attended', 'received', 'on-time', []],
    ['attended, report late', 'attended', 'received', 'late', ['late-report']],
    ['attended, no report', 'attended', 'not-received', null, ['no-report']],
    ['did not attend, no report', 'did-not-attend', 'not-received', null, ['did-not-attend', 'no-report']],
    ['did not attend, report on time', 'did-not-attend', 'received', 'on-time', ['did-not-attend']],
    ['apologies without a report, report still awaited', 'apologies-no-report', 'awaited', null, ['no-report']],
    ['apologies with a report', 'apologies-with-report', 'received', 'on-time', []],
    ['not yet held', null, 'awaited', null, []],
  ] as const)('%s', (_why, attendance, report, reportTimeliness, expected) => {
    expect(contributionIncidents({ attendance, report, reportTimeliness })).toEqual(expected);
  });
});
