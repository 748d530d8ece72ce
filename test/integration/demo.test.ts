import { describe, expect, it } from 'vitest';
import { decideOutcome } from '../../shared/outcome';
import { ServiceError } from '../../electron/main/register/services/errors';
import { tableCounts, tempRegister } from './helpers';

describe('the synthetic demo register', () => {
  it('is consistent with the app’s own rules', () => {
    const r = tempRegister({ now: () => new Date('2026-11-22T10:00:00Z') });
    const summary = r.demo.generate('small');
    expect(summary.conferences).toBe(300);
    expect(summary.reconvened).toBeGreaterThan(0);
    expect(r.db.connection.pragma('foreign_key_check')).toEqual([]);
    const counts = tableCounts(r);
    expect(counts).toMatchObject({ conferences: 300, agencies: 12 });

    // Every recorded outcome is what the rule gives for its views.
    const cal = r.calendar.calendarFor('england-and-wales');
    const checked = r.live
      .adjournments()
      .slice(0, 5)
      .map((a) => a.conferenceId);
    for (const id of [1, 2, 3, 4, 5, ...checked]) {
      const live = r.live.get(id);
      for (const child of live.children.filter((c) => c.recorded)) {
        const names = new Map(live.invitations.map((i) => [i.agencyId, i.agencyName]));
        const outcome = decideOutcome(
          {
            type: live.conference.type,
            date: live.conference.date,
            rule: 'majority',
            views: child.views.map((v) => ({ agency: names.get(v.agencyId) ?? '', view: v.view })),
          },
          cal,
        );
        expect(child.recorded?.result).toBe(outcome.result);
        expect(child.missingReasons).toEqual([]);
        // views come only from agencies that attended
        const attended = new Set(live.invitations.filter((i) => i.attendance === 'attended').map((i) => i.agencyId));
        expect(child.views.every((v) => attended.has(v.agencyId))).toBe(true);
      }
    }
  });

  it('has escalations at every stage of each shipped protocol, overdue and immediate-risk ones, and agency returns', () => {
    const r = tempRegister({ now: () => new Date('2026-11-23T10:00:00Z') });
    const summary = r.demo.generate('small');
    const open = r.escalations.list({ overdueOnly: false });
    for (const protocol of r.escalations.protocols()) {
      const stages = new Set(open.filter((e) => e.protocolKey === protocol.key).map((e) => e.stage));
      expect([...stages].sort((a, b) => a - b)).toEqual(protocol.definition.stages.map((s) => s.number));
    }
    expect(open.filter((e) => e.overdue).length).toBeGreaterThan(10);
    expect(open.slice(0, 2).every((e) => e.immediateRisk)).toBe(true);
    expect(summary.agencyEscalations).toBeGreaterThan(0);
    expect(summary.returns).toBeGreaterThan(0);
    const returns = r.agencyEscalations.summary('2026-01-01', '2026-10-31');
    expect(returns.some((x) => x.repeatNonAttendance)).toBe(true);
    expect(returns.every((x) => x.notYetSent === 0)).toBe(true);
  });

  it('uses plainly synthetic names and example.org addresses', () => {
    const r = tempRegister();
    r.demo.generate('small');
    expect(
      r.agencies.list('', true).every((a) => a.name.startsWith('Demo ') && a.leadEmail?.endsWith('@demo.example.org')),
    ).toBe(true);
    expect(r.conferences.searchFamilies('').every((f) => f.caseReference?.startsWith('DEMO-F'))).toBe(true);
  });

  it('goes only into an empty register', () => {
    const r = tempRegister();
    r.agencies.create({ name: 'Real agency', type: 'police' });
    const before = tableCounts(r);
    expect(() => r.demo.generate('small')).toThrow(ServiceError);
    expect(tableCounts(r)).toEqual(before);
  });
});
