import { embedded } from '../embedded';
import { mapAsync } from '../../shared/async';
import { describe, expect, it } from 'vitest';
import type { Register } from '../../electron/main/register/register';
import { ServiceError } from '../../electron/main/register/services/errors';
import { localIsoDate } from '../../shared/dates';
import { decideOutcome } from '../../shared/outcome';
import { tableCounts, tempRegister, onPostgres } from './helpers';
import { agencyInputSchema } from '../../shared/schemas/agency';

type Connection = NonNullable<Register['sqlite']>['connection'];

/** Dated columns that say something happened: never after the register's today. */
const EVENT_COLUMNS: Record<string, readonly string[]> = {
  schema_migrations: ['applied_at'],
  agencies: ['created_at', 'updated_at'],
  families: ['created_at', 'updated_at'],
  children: ['date_of_birth', 'created_at', 'updated_at'],
  conference_agencies: ['report_received_on', 'updated_at'],
  child_views: ['updated_at'],
  child_outcomes: ['decided_at'],
  conferences: ['created_at', 'updated_at', 'cancelled_on'],
  conference_tasks: ['done_on'],
  child_tasks: ['done_on'],
  child_no_views: ['updated_at'],
  corrections: ['at'],
  review_meetings: ['held_on', 'updated_at'],
  follow_ups: ['opened_on', 'closed_on', 'created_at'],
  agency_returns: ['sent_on', 'response_on', 'created_at', 'updated_at'],
  agency_escalations: ['meeting_date', 'created_at'],
  protocols: ['created_at'],
  escalations: ['opened_on', 'closed_on', 'debrief_on', 'created_at', 'updated_at'],
  escalation_stages: ['opened_on', 'response_on', 'closed_on'],
  escalation_actions: ['agreed_on', 'completed_on'],
  audit_events: ['at'],
  generated_documents: ['generated_at'],
  sharing_log: ['at'],
};

/**
 * Dated columns that may be later: deadlines and plans (a conference still to come is checked
 * below), periods (checked against the return's sent date), and the calendar.
 */
const OTHER_DATED_COLUMNS: Record<string, readonly string[]> = {
  children: ['expected_date'],
  conferences: ['date'],
  child_outcomes: ['reconvene_by'],
  conference_tasks: ['due_on'],
  child_tasks: ['due_on'],
  follow_ups: ['due_on'],
  // A child's date of birth, or an unborn child's expected date.
  escalations: ['subject_date_of_birth'],
  agency_returns: ['period_from', 'period_to'],
  escalation_stages: ['due_on'],
  escalation_actions: ['complete_by'],
  generated_documents: ['period_from', 'period_to'],
  sharing_log: ['period_from', 'period_to'],
  bank_holidays: ['date'],
  closure_days: ['date'],
};

/** What the register records on a conference still to come, or that contradicts its dates. */
const CONTRADICTIONS: { what: string; sql: string }[] = [
  {
    what: 'conference after today not scheduled',
    sql: `SELECT id FROM conferences WHERE date > @today AND status <> 'scheduled' ORDER BY 1`,
  },
  {
    what: 'attendance (or a report given up) at a conference to come',
    sql: `SELECT ca.conference_id || ':' || ca.agency_id FROM conference_agencies ca JOIN conferences c ON c.id = ca.conference_id
          WHERE c.date > @today AND (ca.attendance IS NOT NULL OR ca.report = 'not-received') ORDER BY 1`,
  },
  {
    what: 'views at a conference to come',
    sql: `SELECT v.conference_id || ':' || v.child_id || ':' || v.agency_id FROM child_views v JOIN conferences c ON c.id = v.conference_id WHERE c.date > @today ORDER BY 1`,
  },
  {
    what: 'outcomes at a conference to come',
    sql: `SELECT o.conference_id || ':' || o.child_id FROM child_outcomes o JOIN conferences c ON c.id = o.conference_id WHERE c.date > @today ORDER BY 1`,
  },
  {
    what: 'tasks after a conference to come',
    sql: `SELECT t.conference_id || ':' || t.kind FROM conference_tasks t JOIN conferences c ON c.id = t.conference_id WHERE c.date > @today ORDER BY 1`,
  },
  {
    what: 'a child’s items after a conference to come',
    sql: `SELECT t.conference_id || ':' || t.child_id || ':' || t.kind FROM child_tasks t JOIN conferences c ON c.id = t.conference_id WHERE c.date > @today ORDER BY 1`,
  },
  {
    what: 'follow-ups after a conference to come',
    sql: `SELECT f.id FROM follow_ups f JOIN conferences c ON c.id = f.conference_id WHERE c.date > @today ORDER BY 1`,
  },
  {
    what: 'agency escalation about a meeting to come, or not on its conference’s date',
    sql: `SELECT ae.id FROM agency_escalations ae JOIN conferences c ON c.id = ae.conference_id
          WHERE c.date > @today OR ae.meeting_date <> c.date ORDER BY 1`,
  },
  {
    what: 'escalation about a conference to come',
    sql: `SELECT e.id FROM escalations e JOIN conferences c ON c.id = e.conference_id WHERE c.date > @today ORDER BY 1`,
  },
  {
    what: 'return sent before its period ended',
    sql: `SELECT id FROM agency_returns WHERE sent_on <= period_to ORDER BY 1`,
  },
  {
    what: 'return answered before it was sent',
    sql: `SELECT id FROM agency_returns WHERE response_on < sent_on ORDER BY 1`,
  },
  {
    what: 'return holding a meeting outside its period',
    sql: `SELECT DISTINCT r.id FROM agency_returns r JOIN agency_escalations ae ON ae.return_id = r.id
          WHERE ae.meeting_date NOT BETWEEN r.period_from AND r.period_to ORDER BY 1`,
  },
];

/**
 * Every way the register says something happened after `today` or on a conference still to come,
 * as what, where and which row ids (never a record's contents). Any column holding dates must be
 * listed above, so a new one is not left unchecked.
 */
function afterToday(db: Connection, today: string): string[] {
  const found: string[] = [];
  const report = (what: string, ids: unknown[]) => {
    const shown = ids.slice(0, 10).map(String).join(', ');
    if (ids.length > 0) found.push(`${what}: ${ids.length} rows (${shown}${ids.length > 10 ? ', …' : ''})`);
  };
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as {
      name: string;
      pk: number;
    }[];
    const key = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => `"${c.name}"`)
      .join(` || ':' || `);
    for (const missing of (EVENT_COLUMNS[table] ?? []).filter((e) => !columns.some((c) => c.name === e))) {
      found.push(`${table}.${missing}: no such column`);
    }
    for (const { name } of columns) {
      if (EVENT_COLUMNS[table]?.includes(name)) {
        const sql = `SELECT ${key || 'rowid'} FROM "${table}" WHERE substr("${name}", 1, 10) > ? ORDER BY 1`;
        report(`${table}.${name} after ${today}`, db.prepare(sql).pluck().all(today));
      } else if (!OTHER_DATED_COLUMNS[table]?.includes(name)) {
        const holdsDates = db
          .prepare(
            `SELECT EXISTS (SELECT 1 FROM "${table}" WHERE typeof("${name}") = 'text' AND "${name}" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*')`,
          )
          .pluck()
          .get();
        if (holdsDates === 1) found.push(`${table}.${name}: holds dates but is neither an event nor a deadline here`);
      }
    }
  }
  for (const { what, sql } of CONTRADICTIONS) report(what, db.prepare(sql).pluck().all({ today }));
  return found;
}

describe('the synthetic demo register', () => {
  it.skipIf(onPostgres)('is consistent with the app’s own rules', async () => {
    const r = await tempRegister({ now: () => new Date('2026-11-22T10:00:00Z') });
    const summary = await r.demo.generate('small');
    expect(summary.conferences).toBe(300);
    expect(summary.reconvened).toBeGreaterThan(0);
    expect(embedded(r).connection.pragma('foreign_key_check')).toEqual([]);
    const counts = await tableCounts(r);
    expect(counts).toMatchObject({ conferences: 300, agencies: 12 });

    // Every recorded outcome is what the rule gives for its views.
    const cal = await r.calendar.calendarFor('england-and-wales');
    const checked = (await r.live.adjournments()).slice(0, 5).map((a) => a.conferenceId);
    for (const id of [1, 2, 3, 4, 5, ...checked]) {
      const live = await r.live.get(id);
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

  it.skipIf(onPostgres)(
    'has escalations at every stage of each shipped protocol, overdue and immediate-risk ones, and agency returns',
    async () => {
      const r = await tempRegister({ now: () => new Date('2026-11-23T10:00:00Z') });
      const summary = await r.demo.generate('small');
      const open = await r.escalations.list({ overdueOnly: false });
      for (const protocol of await r.escalations.protocols()) {
        // Every stage reached by escalating; a stage that follows resolution (the Kirklees debrief) is never "open".
        const stages = new Set(open.filter((e) => e.protocolKey === protocol.key).map((e) => e.stage));
        expect([...stages].sort((a, b) => a - b)).toEqual(
          protocol.definition.stages.filter((s) => !s.followsResolution).map((s) => s.number),
        );
      }
      const kirklees = (await r.escalations.protocols()).find((p) => p.key === 'kirklees');
      const resolved = embedded(r)
        .connection.prepare("SELECT id FROM escalations WHERE status = 'resolved' AND protocol_id = ?")
        .pluck()
        .all(kirklees?.id) as number[];
      expect(
        (await mapAsync(resolved, async (id) => (await r.escalations.get(id)).debriefOn)).filter(Boolean),
      ).toHaveLength(1);
      expect(open.filter((e) => e.overdue).length).toBeGreaterThan(10);
      expect(open.slice(0, 2).every((e) => e.immediateRisk)).toBe(true);
      expect(summary.agencyEscalations).toBeGreaterThan(0);
      expect(summary.returns).toBeGreaterThan(0);
      const returns = await r.agencyEscalations.summary('2026-01-01', '2026-10-31');
      expect(returns.some((x) => x.repeatNonAttendance)).toBe(true);
      expect(returns.every((x) => x.notYetSent === 0)).toBe(true);
    },
  );

  it('uses plainly synthetic names and example.org addresses', async () => {
    const r = await tempRegister();
    await r.demo.generate('small');
    expect(
      (await r.agencies.list('', true)).every(
        (a) => a.name.startsWith('Demo ') && a.leadEmail?.endsWith('@demo.example.org'),
      ),
    ).toBe(true);
    expect((await r.conferences.searchFamilies('')).every((f) => f.caseReference?.startsWith('DEMO-F'))).toBe(true);
  });

  it('goes only into an empty register', async () => {
    const r = await tempRegister();
    await r.agencies.create(agencyInputSchema.parse({ name: 'Real agency', type: 'police' }));
    const before = await tableCounts(r);
    await expect(r.demo.generate('small')).rejects.toThrow(ServiceError);
    expect(await tableCounts(r)).toEqual(before);
  });
});

describe.skipIf(onPostgres)('the demo register’s today', () => {
  // Where today falls decides which months' returns have gone, which conferences are held and
  // which deadlines have passed. Noon UTC: the timestamps' UTC date is the local today wherever
  // the tests run.
  it.each([
    ['2026-03-02T12:00:00Z', 'a Monday, the 2nd of the month'],
    ['2026-06-05T12:00:00Z', 'a Friday'],
    ['2026-10-01T12:00:00Z', 'the 1st of a month'],
    ['2026-07-31T12:00:00Z', 'the last day of a month'],
    ['2026-02-28T12:00:00Z', 'the last day of a month, a Saturday'],
    ['2026-04-02T12:00:00Z', 'the day before Good Friday'],
    ['2026-12-24T12:00:00Z', 'Christmas Eve, before two bank holidays'],
    ['2026-01-01T12:00:00Z', 'New Year’s Day, a bank holiday'],
    ['2026-11-22T12:00:00Z', 'a Sunday'],
  ])('holds nothing that happened after today, with today %s (%s)', async (instant) => {
    const now = new Date(instant);
    const r = await tempRegister({ now: () => now });
    const summary = await r.demo.generate('small');
    expect(afterToday(embedded(r).connection, localIsoDate(now))).toEqual([]);
    // Still the demo: adjournments and reconvened conferences, monthly returns, some answered.
    expect(summary.reconvened).toBeGreaterThan(0);
    expect(summary.returns).toBeGreaterThan(0);
    const answered = embedded(r).connection.prepare(
      'SELECT count(*) FROM agency_returns WHERE response_on IS NOT NULL',
    );
    expect(answered.pluck().get()).toBeGreaterThan(0);
  });

  it('holds nothing that happened after today in the large register either', async () => {
    const now = new Date('2026-03-02T12:00:00Z');
    const r = await tempRegister({ now: () => now });
    await r.demo.generate('large');
    expect(afterToday(embedded(r).connection, localIsoDate(now))).toEqual([]);
    // 52,000 conferences: about 35 s alone, longer beside another test file.
  }, 240_000);
});
