import { sql, type RawBuilder } from 'kysely';
import type { Nature } from '../../../../../shared/schemas/escalation';
import type {
  AdjournmentFact,
  EscalationFact,
  EscalationStageFact,
  MeasureCounts,
  RecordRef,
  ReportPeriod,
} from '../../../../../shared/reports';
import { qb, type RegisterDb } from '../query';

/** Held: the conference took place (concluded, or adjourned); not cancelled, not still to come. */
const HELD = ['concluded', 'adjourned'];

/**
 * When agency reports were due for each conference date in a period, for a conference deciding
 * as an initial one and as a review (the calendar's working days, worked out by the service).
 */
export interface ReportDueDates {
  date: string;
  initial: string;
  review: string;
}

/** An escalation as read, before its protocol says which stages have a clock. */
export type EscalationRow = Omit<EscalationFact, 'stages'> & {
  protocolDefinition: string;
  stages: Omit<EscalationStageFact, 'clocked'>[];
};

type Predicate = RawBuilder<unknown>;
const yes: Predicate = sql`1 = 1`;

/**
 * Each measure of the counted reports, as one SQL condition over the report's rows: the count is
 * the rows meeting it, and the records behind the count are the same rows, so the two cannot
 * disagree. (Escalations and adjournments are few and are counted by the rules in
 * `shared/reports.ts` instead.)
 *
 * Attendance, over `ca` (the invitation) joined to `due` (when its report was due): apologies
 * count both kinds; a report is on time or late by its received date against its due date, as on
 * the chair's screen; missing when not received (still awaited, or recorded as not received).
 */
/**
 * What a conference decides as: its own kind, or for a reconvened one the kind of the one it
 * reconvenes (itself perhaps reconvened once); looked up only for reconvened conferences.
 */
const DECIDES_AS = sql`case when c.type <> 'reconvened' then c.type else (select case when b.type <> 'reconvened' then b.type else bb.type end from conferences as b left join conferences as bb on bb.id = b.reconvenes_id where b.id = c.reconvenes_id) end`;
const DUE_ON = sql`case when (${DECIDES_AS}) = 'review' then due.review else due.initial end`;
const ATTENDANCE: Record<string, Predicate> = {
  invited: yes,
  attended: sql`ca.attendance = 'attended'`,
  apologies: sql`ca.attendance in ('apologies-with-report', 'apologies-no-report')`,
  didNotAttend: sql`ca.attendance = 'did-not-attend'`,
  reportsOnTime: sql`ca.report = 'received' and ca.report_received_on is not null and ca.report_received_on <= ${DUE_ON}`,
  reportsLate: sql`ca.report = 'received' and ca.report_received_on > ${DUE_ON}`,
  reportsMissing: sql`ca.report <> 'received'`,
};

/** Conferences, over `c` (the held conference) and, for decisions, `o` (a child's outcome). */
const OUTCOME_KEYS: Record<string, Predicate> = {
  unanimous: sql`o.result = 'unanimous'`,
  majority: sql`o.result = 'majority'`,
  'equally-divided': sql`o.result = 'equally-divided'`,
  'chair-decision': sql`o.result = 'chair-decision'`,
  reconvened: sql`c.type = 'reconvened'`,
  'principal-officer-review': sql`o.escalation = 'principal-officer-review'`,
};
const PLAN_MEASURES: Record<string, Predicate> = {
  started: sql`o.decision = 'plan'`,
  continued: sql`o.decision = 'plan-continues'`,
  ended: sql`o.decision = 'plan-ends'`,
};

/** Appendix 3 incidents, over `e` (standing incidents in the period or the 12 months to its end). */
const REASON_MEASURES: Record<string, Predicate> = {
  didNotAttend: sql`e.reason = 'did-not-attend'`,
  noReport: sql`e.reason = 'no-report'`,
  lateReport: sql`e.reason = 'late-report'`,
  other: sql`e.reason = 'other'`,
};

const count = (p: Predicate) => sql<number | string>`count(*) filter (where ${p})`;
const num = (v: unknown) => Number(v ?? 0);

function countsOf(row: Record<string, unknown>, measures: readonly string[]): Record<string, number> {
  return Object.fromEntries(measures.map((m) => [m, num(row[m])]));
}

/**
 * SQL for the reports (issue 12). The counted reports aggregate in SQL: a year of the large demo
 * register is 31,000 invitations, too many to read row by row within the aim of 100 ms.
 */
export function createReportsRepository(db: RegisterDb) {
  /**
   * The due dates as a table `due(date, initial, review)`, from one JSON parameter (both engines).
   * On SQLite the `limit -1` (no limit) keeps the subquery from being flattened into the join,
   * which would read the JSON again for every invitation (25 s instead of milliseconds for a
   * year of the large demo register); read once, it is joined through an automatic index.
   */
  function dueTable(dues: readonly ReportDueDates[]) {
    const json = JSON.stringify(dues.map((d) => [d.date, d.initial, d.review]));
    const rows =
      db.engine === 'postgres'
        ? sql<{
            date: string;
            initial: string;
            review: string;
          }>`(select j.value->>0 as date, j.value->>1 as initial, j.value->>2 as review from json_array_elements(${json}::json) as j(value))`
        : sql<{
            date: string;
            initial: string;
            review: string;
          }>`(select json_extract(j.value, '$[0]') as date, json_extract(j.value, '$[1]') as initial, json_extract(j.value, '$[2]') as review from json_each(${json}) as j limit -1)`;
    return rows.as('due');
  }

  const held = (p: ReportPeriod) =>
    qb
      .selectFrom('conferences as c')
      .where('c.date', '>=', p.from)
      .where('c.date', '<=', p.to)
      .where('c.status', 'in', HELD);

  /**
   * Held conferences' invitations, with when their reports were due. The due dates lead the join
   * (SQLite keeps the order of a CROSS JOIN): each date finds its conferences through the index,
   * then their invitations, where another order would scan the due dates for every invitation,
   * or an agency's invitations of every year for every date.
   */
  const invitations = (p: ReportPeriod, dues: readonly ReportDueDates[]) =>
    qb
      .selectFrom(dueTable(dues))
      .crossJoin('conferences as c')
      .where(sql<boolean>`c.date = due.date`)
      .where('c.date', '>=', p.from)
      .where('c.date', '<=', p.to)
      .where('c.status', 'in', HELD)
      // Also kept in order: a conference's invitations, not an agency's across every year.
      .crossJoin('conference_agencies as ca')
      .where(sql<boolean>`ca.conference_id = c.id`);

  return {
    /** The conference dates in the period with a held conference, and the kinds they decide as. */
    async heldDates(p: ReportPeriod): Promise<string[]> {
      const rows = await db.all(held(p).select('c.date').distinct().orderBy('c.date'));
      return rows.map((r) => r.date);
    },

    async conferenceCounts(p: ReportPeriod): Promise<{
      type: MeasureCounts[];
      outcome: MeasureCounts[];
      category: MeasureCounts[];
      totals: Record<string, Record<string, number>>;
    }> {
      const types = await db.all(
        held(p)
          .select((eb) => ['c.type', eb.fn.countAll<number | string>().as('held')])
          .groupBy('c.type'),
      );
      const decisions = held(p).innerJoin('child_outcomes as o', 'o.conference_id', 'c.id');
      // One pass over the decisions: plans per category, and each outcome's count (summed after).
      const categories = await db.all(
        decisions
          .select([
            'o.category',
            ...Object.entries(PLAN_MEASURES).map(([k, pred]) => count(pred).as(k)),
            ...Object.entries(OUTCOME_KEYS).map(([k, pred]) => count(pred).as(`outcome:${k}`)),
            sql<number | string>`count(*)`.as('decisions'),
          ])
          .groupBy('o.category'),
      );
      const outcomeOf = (k: string) =>
        categories.reduce((sum, r) => sum + num((r as Record<string, unknown>)[`outcome:${k}`]), 0);
      const planMeasures = Object.keys(PLAN_MEASURES);
      const category = categories
        .map((r) => ({ key: r.category ?? 'not-recorded', counts: countsOf(r, planMeasures) }))
        .filter((r) => planMeasures.some((m) => (r.counts[m] ?? 0) > 0));
      const sum = (rows: MeasureCounts[], m: string) => rows.reduce((s, r) => s + (r.counts[m] ?? 0), 0);
      const type = types.map((r) => ({ key: r.type, counts: { held: num(r.held) } }));
      return {
        type,
        outcome: Object.keys(OUTCOME_KEYS).map((k) => ({
          key: k,
          counts: { decisions: outcomeOf(k) },
        })),
        category,
        totals: {
          type: { held: sum(type, 'held') },
          outcome: { decisions: categories.reduce((sum, r) => sum + num(r.decisions), 0) },
          category: Object.fromEntries(planMeasures.map((m) => [m, sum(category, m)])),
        },
      };
    },

    /** Conferences held in the period that adjourned, with the earliest day to reconvene and the reconvening conference. */
    async adjournments(p: ReportPeriod): Promise<AdjournmentFact[]> {
      // A conference with an adjourned child is adjourned (and stays so once reconvened).
      const rows = await db.all(
        held(p)
          .where('c.status', '=', 'adjourned')
          .innerJoin('families as f', 'f.id', 'c.family_id')
          .innerJoin('child_outcomes as o', (j) =>
            j.onRef('o.conference_id', '=', 'c.id').on('o.decision', '=', 'adjourned'),
          )
          .leftJoin('conferences as r', (j) =>
            j.onRef('r.reconvenes_id', '=', 'c.id').on('r.status', '!=', 'cancelled'),
          )
          .select((eb) => [
            'c.id',
            'c.date',
            'f.name',
            eb.fn.min('o.reconvene_by').as('reconvene_by'),
            eb.fn.min('r.date').as('reconvened_on'),
          ])
          .groupBy(['c.id', 'c.date', 'f.name']),
      );
      return rows.map((r) => ({
        kind: 'adjournment',
        conferenceId: r.id,
        date: r.date,
        reconveneBy: r.reconvene_by ?? null,
        reconvenedOn: r.reconvened_on ?? null,
        text: r.name,
      }));
    },

    /** Attendance and reports per agency, for conferences held in the period. */
    async attendanceCounts(p: ReportPeriod, dues: readonly ReportDueDates[]): Promise<MeasureCounts[]> {
      // Grouped by the agency's id (names joined afterwards, once per agency, not per invitation).
      const rows = await db.all(
        invitations(p, dues)
          .select(['ca.agency_id', ...Object.entries(ATTENDANCE).map(([k, pred]) => count(pred).as(k))])
          .groupBy('ca.agency_id'),
      );
      const names = new Map(
        (await db.all(qb.selectFrom('agencies').select(['id', 'name']))).map((a) => [a.id, a.name] as const),
      );
      const measures = Object.keys(ATTENDANCE);
      const byName = new Map<string, MeasureCounts>();
      for (const r of rows) {
        // Two agencies of one name (one inactive, say) count as one row, as they read.
        const key = names.get(r.agency_id) ?? `Agency ${r.agency_id}`;
        const counts = countsOf(r, measures);
        const seen = byName.get(key);
        if (seen) for (const m of measures) seen.counts[m] = (seen.counts[m] ?? 0) + (counts[m] ?? 0);
        else byName.set(key, { key, counts });
      }
      return [...byName.values()];
    },

    /**
     * Appendix 3 incidents per agency and reason in the period, and each agency's non-attendance
     * in the period and in the 12 months to its end (from `yearFrom`).
     */
    async returnsCounts(p: ReportPeriod, yearFrom: string): Promise<MeasureCounts[]> {
      const inPeriod = sql`e.meeting_date >= ${p.from}`;
      const rows = await db.all(
        qb
          .selectFrom('agency_escalations as e')
          .innerJoin('agencies as a', 'a.id', 'e.agency_id')
          .where('e.withdrawn_on', 'is', null)
          .where('e.meeting_date', '>=', yearFrom < p.from ? yearFrom : p.from)
          .where('e.meeting_date', '<=', p.to)
          .select([
            'a.name',
            ...Object.entries(REASON_MEASURES).map(([k, pred]) => count(sql`${inPeriod} and ${pred}`).as(k)),
            count(inPeriod).as('total'),
            count(sql`e.meeting_date >= ${yearFrom} and ${REASON_MEASURES['didNotAttend'] ?? yes}`).as('last12Months'),
          ])
          .groupBy('a.name'),
      );
      return rows.map((r) => ({
        key: r.name,
        counts: { ...countsOf(r, [...Object.keys(REASON_MEASURES), 'total']), last12Months: num(r.last12Months) },
      }));
    },

    /** The records behind one count of a counted report (at most `limit`), and how many there are. */
    async records(
      report: 'conferences' | 'attendance' | 'returns',
      p: ReportPeriod,
      want: { table: string; key?: string; measure: string },
      extra: { dues: readonly ReportDueDates[]; yearFrom: string },
      limit: number,
    ): Promise<{ records: RecordRef[]; total: number } | null> {
      let rows: { id: number; date: string; text: string; conference_id: number | null }[];
      if (report === 'attendance') {
        const pred = ATTENDANCE[want.measure];
        if (!pred || want.table !== 'agency') return null;
        let q = invitations(p, extra.dues)
          .innerJoin('agencies as a', 'a.id', 'ca.agency_id')
          .innerJoin('families as f', 'f.id', 'c.family_id')
          .where(sql<boolean>`${pred}`);
        if (want.key !== undefined) q = q.where('a.name', '=', want.key);
        rows = await db.all(
          q
            .select(['c.id', 'c.date', 'f.name as text', sql<null>`null`.as('conference_id')])
            .orderBy('c.date')
            .orderBy('c.id'),
        );
      } else if (report === 'conferences') {
        const base = held(p).innerJoin('families as f', 'f.id', 'c.family_id');
        if (want.table === 'type') {
          if (want.measure !== 'held') return null;
          const q = want.key === undefined ? base : base.where('c.type', '=', want.key);
          rows = await db.all(
            q
              .select(['c.id', 'c.date', 'f.name as text', sql<null>`null`.as('conference_id')])
              .orderBy('c.date')
              .orderBy('c.id'),
          );
        } else {
          const pred =
            want.table === 'outcome'
              ? want.key === undefined
                ? yes
                : OUTCOME_KEYS[want.key]
              : want.table === 'category'
                ? PLAN_MEASURES[want.measure]
                : undefined;
          if (!pred) return null;
          let q = base
            .innerJoin('child_outcomes as o', 'o.conference_id', 'c.id')
            .innerJoin('children as ch', 'ch.id', 'o.child_id')
            .where(sql<boolean>`${pred}`);
          if (want.table === 'category' && want.key !== undefined)
            q = want.key === 'not-recorded' ? q.where('o.category', 'is', null) : q.where('o.category', '=', want.key);
          rows = await db.all(
            q
              .select([
                'c.id',
                'c.date',
                sql<string>`ch.given_name || ' ' || ch.family_name`.as('text'),
                sql<null>`null`.as('conference_id'),
              ])
              .orderBy('c.date')
              .orderBy('c.id'),
          );
        }
      } else {
        const inPeriod = sql`e.meeting_date >= ${p.from}`;
        const pred =
          want.table === 'agency'
            ? want.measure === 'total'
              ? inPeriod
              : REASON_MEASURES[want.measure]
                ? sql`${inPeriod} and ${REASON_MEASURES[want.measure]}`
                : undefined
            : want.table === 'reason'
              ? want.key === undefined
                ? inPeriod
                : sql`${inPeriod} and e.reason = ${want.key}`
              : want.table === 'repeat'
                ? want.measure === 'inPeriod'
                  ? sql`${inPeriod} and e.reason = 'did-not-attend'`
                  : want.measure === 'last12Months'
                    ? sql`e.meeting_date >= ${extra.yearFrom} and e.reason = 'did-not-attend'`
                    : undefined
                : undefined;
        if (!pred) return null;
        let q = qb
          .selectFrom('agency_escalations as e')
          .innerJoin('agencies as a', 'a.id', 'e.agency_id')
          .where('e.withdrawn_on', 'is', null)
          .where('e.meeting_date', '>=', extra.yearFrom < p.from ? extra.yearFrom : p.from)
          .where('e.meeting_date', '<=', p.to)
          .where(sql<boolean>`${pred}`);
        if (want.key !== undefined && want.table !== 'reason') q = q.where('a.name', '=', want.key);
        rows = await db.all(
          q
            .select(['e.id', 'e.meeting_date as date', 'e.family_identifier as text', 'e.conference_id'])
            .orderBy('e.meeting_date')
            .orderBy('e.id'),
        );
      }
      const kind = report === 'returns' ? 'agency-escalation' : 'conference';
      // Two children's decisions at one conference lead to the conference once per child.
      const seen = new Set<string>();
      const records = rows
        .filter((r) => {
          const k = `${r.id}:${r.text}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        })
        .map((r) => ({ kind, id: r.id, conferenceId: r.conference_id, date: r.date, text: r.text }) as RecordRef);
      return { records: records.slice(0, limit), total: records.length };
    },

    /** Escalations that touch the period: opened by its end and not closed before its start. */
    async escalations(p: ReportPeriod): Promise<EscalationRow[]> {
      const touching = qb
        .selectFrom('escalations as e')
        .where('e.opened_on', '<=', p.to)
        .where((eb) => eb.or([eb('e.closed_on', 'is', null), eb('e.closed_on', '>=', p.from)]));
      const rows = await db.all(
        touching
          .innerJoin('protocols as pr', 'pr.id', 'e.protocol_id')
          .innerJoin('agencies as ai', 'ai.id', 'e.initiating_agency_id')
          .innerJoin('agencies as ac', 'ac.id', 'e.challenged_agency_id')
          .select([
            'e.id',
            'e.opened_on',
            'e.closed_on',
            'e.status',
            'e.natures_json',
            'e.immediate_risk',
            'e.learning',
            'e.restorative_debrief',
            'e.subject_name',
            'pr.name as protocol_name',
            'pr.definition_json',
            'ai.name as initiating_name',
            'ac.name as challenged_name',
          ]),
      );
      const stages = await db.all(
        touching
          .innerJoin('escalation_stages as s', 's.escalation_id', 'e.id')
          .select(['s.escalation_id', 's.number', 's.opened_on', 's.due_on', 's.closed_on'])
          .orderBy('s.escalation_id')
          .orderBy('s.number'),
      );
      const byEscalation = new Map<number, Omit<EscalationStageFact, 'clocked'>[]>();
      for (const s of stages) {
        const list = byEscalation.get(s.escalation_id) ?? [];
        list.push({ number: s.number, openedOn: s.opened_on, dueOn: s.due_on, closedOn: s.closed_on });
        byEscalation.set(s.escalation_id, list);
      }
      return rows.map((r) => ({
        id: r.id,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        status: r.status as EscalationFact['status'],
        initiatingAgency: r.initiating_name,
        challengedAgency: r.challenged_name,
        natures: JSON.parse(r.natures_json) as Nature[],
        protocol: r.protocol_name,
        protocolDefinition: r.definition_json,
        immediateRisk: r.immediate_risk === 1,
        learning: r.learning,
        restorativeDebrief: r.restorative_debrief,
        text: r.subject_name,
        stages: byEscalation.get(r.id) ?? [],
      }));
    },
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
