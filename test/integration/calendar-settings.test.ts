import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../electron/main/register/services/errors';
import { snapshot } from '../fixtures/calendars';
import { tableCounts, tempRegister } from './helpers';

const ev = (date: string, title: string) => ({ title, date, notes: '', bunting: true });

describe('the register’s calendar', () => {
  it('uses the shipped snapshot until a feed is imported', async () => {
    const r = await tempRegister();
    expect(await r.calendar.calculate({ date: '2025-12-19', days: 15, direction: 'add' })).toEqual({
      date: '2026-01-14',
      warning: null,
    });
    expect(await r.calendar.status()).toMatchObject({ source: 'snapshot', importedAt: null });
  });

  it('imports a newer feed: its years replace the snapshot’s, earlier years are kept, and the warning moves', async () => {
    const r = await tempRegister();
    const before = await r.calendar.calculate({ date: '2027-12-20', days: 10, direction: 'add' });
    expect(before.warning).toMatch(/2018 to 2027 only/);
    const result = await r.calendar.importFeed({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          ev('2028-01-03', 'New Year’s Day (substitute day)'),
          ev('2028-04-14', 'Good Friday'),
          ev('2028-12-25', 'Christmas Day'),
        ],
      },
    });
    expect(result).toEqual({ imported: 3, divisions: ['england-and-wales'] });
    const after = await r.calendar.calculate({ date: '2027-12-31', days: 1, direction: 'add' });
    expect(after).toEqual({ date: '2028-01-04', warning: null });
    // 2025 still comes from the snapshot
    expect((await r.calendar.calculate({ date: '2025-12-19', days: 15, direction: 'add' })).date).toBe('2026-01-14');
    expect(await r.calendar.status()).toMatchObject({ source: 'imported', importedAt: '2026-03-02T09:30:00.000Z' });
    expect((await r.calendar.status()).divisions[0]).toEqual({
      division: 'england-and-wales',
      count: 86,
      from: 2018,
      to: 2028,
    });
  });

  it('refuses a bad feed by field and changes nothing', async () => {
    const r = await tempRegister();
    const before = await tableCounts(r);
    let caught: unknown;
    try {
      await r.calendar.importFeed({
        scotland: { division: 'scotland', events: [ev('2028-01-03', 'x'), ev('2028-02-30', 'y')] },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServiceError);
    expect((caught as ServiceError).issues).toEqual([
      { path: 'scotland.events.1.date', message: 'Date must be a real date in the form YYYY-MM-DD' },
    ]);
    expect(await tableCounts(r)).toEqual(before);
    expect((await r.calendar.status()).source).toBe('snapshot');
  });

  it('reimporting the full shipped feed is harmless', async () => {
    const r = await tempRegister();
    await r.calendar.importFeed(snapshot);
    expect((await r.calendar.status()).divisions.map((d) => d.count)).toEqual([83, 93, 103]);
  });

  it('follows the division and closure days set in Settings', async () => {
    const r = await tempRegister();
    expect((await r.calendar.calculate({ date: '2025-12-31', days: 1, direction: 'add' })).date).toBe('2026-01-02');
    await r.settings.update({ division: 'scotland' });
    expect((await r.calendar.calculate({ date: '2025-12-31', days: 1, direction: 'add' })).date).toBe('2026-01-05');
    await r.settings.update({ closureDays: [{ date: '2026-01-05', reason: 'Unit training day' }] });
    expect((await r.calendar.calculate({ date: '2025-12-31', days: 1, direction: 'add' })).date).toBe('2026-01-06');
    expect(
      (await r.calendar.calculate({ date: '2025-12-31', days: 1, direction: 'add', division: 'england-and-wales' }))
        .date,
    ).toBe('2026-01-02');
  });
});

describe('settings', () => {
  it('have sensible defaults in a new register', async () => {
    const r = await tempRegister();
    expect(await r.settings.get()).toEqual({
      partnershipName: 'Safeguarding Children Partnership',
      userName: 'Test Chair',
      division: 'england-and-wales',
      closureDays: [],
      idleLockMinutes: 15,
      outcomeRule: 'majority',
      allowMultipleCategory: false,
      reportDueInitial: 2,
      reportDueReview: 5,
      minutesWorkingDays: 15,
      quoracyRequireChildrensSocialCare: true,
      quoracyMinOtherAgencies: 2,
      principalOfficerReviewWorkingDays: 10,
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      unitName: 'Child Protection Review Unit',
      unitEmail: null,
      unitPhone: null,
      sameDayContact: null,
      trainingLink: null,
      backupFolder: null,
      backupsKept: 14,
      retentionRule: { basis: 'last-record', years: 35 },
      usualAgencyIds: [],
    });
  });

  it('keep the forms’ marking and unit contact details, and name a bad email or link', async () => {
    const r = await tempRegister();
    await r.settings.update({
      protectiveMarking: 'OFFICIAL',
      unitEmail: 'cpru@example.org',
      trainingLink: 'https://example.org/t',
    });
    expect(await r.settings.get()).toMatchObject({ protectiveMarking: 'OFFICIAL', unitEmail: 'cpru@example.org' });
    const before = await tableCounts(r);
    try {
      await r.settings.update({ unitEmail: 'not an email', trainingLink: 'example.org', protectiveMarking: ' ' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
        'protectiveMarking',
        'trainingLink',
        'unitEmail',
      ]);
    }
    expect(await tableCounts(r)).toEqual(before);
    await r.settings.update({ unitEmail: null });
    expect((await r.settings.get()).unitEmail).toBeNull();
  });

  it('refuse bad values by field, saving nothing', async () => {
    const r = await tempRegister();
    const before = await tableCounts(r);
    await expect(r.settings.update({ partnershipName: ' ' })).rejects.toThrow(ServiceError);
    try {
      await r.settings.update({
        closureDays: [
          { date: '2026-01-05', reason: 'a' },
          { date: '2026-01-05', reason: 'b' },
        ],
      });
    } catch (error) {
      expect((error as ServiceError).issues).toEqual([
        { path: 'closureDays', message: 'A closure day is listed twice' },
      ]);
    }
    expect(await tableCounts(r)).toEqual(before);
  });

  it('persist across a reopen, with an audit event', async () => {
    const r = await tempRegister();
    await r.settings.update({ partnershipName: 'Synthetic Borough Safeguarding Children Partnership' });
    expect(await r.repos.audit.forRecord('settings', 1)).toHaveLength(1);
    expect((await r.settings.get()).partnershipName).toBe('Synthetic Borough Safeguarding Children Partnership');
  });
});
