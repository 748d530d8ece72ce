import { describe, expect, it } from 'vitest';
import { lostUpdates, sessionCookie, type ViewLedgerEntry } from '../../bench/load';

/** The load benchmark's own bookkeeping: the session cookie it keeps and how it counts lost updates. */
describe('the load benchmark', () => {
  it('keeps the cpreg_session cookie of an answer, without its attributes', () => {
    expect(sessionCookie(['other=1; Path=/', 'cpreg_session=abc123; HttpOnly; SameSite=Strict; Path=/'])).toBe(
      'cpreg_session=abc123',
    );
    expect(sessionCookie(['cpreg_session=; Max-Age=0'])).toBeNull();
    expect(sessionCookie([])).toBeNull();
  });

  it('counts a view as lost when the stored value is neither the last acknowledged nor one sent after it', () => {
    const entry = (
      childId: number,
      acknowledged: ViewLedgerEntry['acknowledged'],
      unsure: ViewLedgerEntry['unsure'] = [],
    ) => ({
      conferenceId: 7,
      childId,
      agencyId: 3,
      acknowledged,
      unsure,
    });
    const stored = new Map([
      [
        7,
        {
          children: [
            { id: 1, views: [{ agencyId: 3, view: 'plan', reasons: 'bench 0 2' }] },
            { id: 2, views: [{ agencyId: 3, view: 'plan', reasons: 'bench 0 1' }] },
            { id: 3, views: [{ agencyId: 3, view: 'no-plan', reasons: 'bench 0 9' }] },
            { id: 4, views: [] },
          ],
        },
      ],
    ]);
    const ledger = [
      // stored as acknowledged
      entry(1, { view: 'plan', reasons: 'bench 0 2' }),
      // an older value stored: the acknowledged one was lost
      entry(2, { view: 'no-plan', reasons: 'bench 0 5' }),
      // a later write whose answer was lost landed: not a lost update
      entry(3, { view: 'plan', reasons: 'bench 0 8' }, [{ view: 'no-plan', reasons: 'bench 0 9' }]),
      // acknowledged, then missing altogether
      entry(4, { view: 'plan', reasons: 'bench 0 4' }),
      // never acknowledged: nothing to check
      entry(5, null, [{ view: 'plan', reasons: 'bench 0 6' }]),
    ];
    expect(lostUpdates(ledger, stored)).toEqual({ checked: 4, lost: 2 });
  });
});
