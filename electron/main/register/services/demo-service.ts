import {
  addMonths,
  closedByDecision,
  DEFAULT_TIMESCALES,
  dueAfterDecisions,
  dueForChild,
  reportDueDate,
  reportTimeliness,
  type ChildDueKind,
  type ChildTaskClosure,
} from '../../../../shared/conference-deadlines';
import { clockedStages, resolutionStage, routeStage } from '../../../../shared/escalation-protocols';
import { assessQuoracy } from '../../../../shared/quoracy';
import { searchTerms } from '../../../../shared/search-key';
import { addDays, fromDayNumber, localIsoDate, toDayNumber, weekdayOf } from '../../../../shared/dates';
import { decideOutcome, needsCategory, recordedDecision } from '../../../../shared/outcome';
import type { AgencyType } from '../../../../shared/schemas/agency';
import { contributionIncidents, type EscalationReason } from '../../../../shared/schemas/agency-escalation';
import {
  closeEscalationInputSchema,
  debriefInputSchema,
  escalateInputSchema,
  reviewMeetingInputSchema,
  stageResponseInputSchema,
  openEscalationInputSchema,
} from '../../../../shared/schemas/escalation';
import type { Attendance, Category, Decision } from '../../../../shared/schemas/live-conference';
import { addWorkingDays, isWorkingDay, type WorkingDayCalendar } from '../../../../shared/working-days';
import type { CalendarService } from './calendar-service';
import type { EscalationsService } from './escalations-service';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';

export const DEMO_SIZES = { small: { conferences: 300, years: 2 }, large: { conferences: 52_000, years: 10 } } as const;
export type DemoSize = keyof typeof DEMO_SIZES;

/** Deterministic, so every demo register of a size is the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Invented syllables: the names are plainly synthetic, never a real family's.
const FIRST = [
  'Ar',
  'Bel',
  'Cor',
  'Dar',
  'El',
  'Fen',
  'Gil',
  'Hal',
  'Ith',
  'Jor',
  'Kel',
  'Lor',
  'Mab',
  'Nor',
  'Oll',
  'Pel',
  'Quin',
  'Ros',
  'Sef',
  'Tam',
  'Ul',
  'Vey',
  'Wen',
  'Yor',
  'Zel',
  'Łu',
  'Zö',
  'Ói',
];
const SECOND = ['a', 'en', 'ia', 'o', 'wyn', 'is', 'ette', 'an', 'ie', 'el'];
const FAMILY = [
  'Ashvale',
  'Brinmoor',
  'Corrowby',
  'Dunleigh',
  'Elmscar',
  'Fernhallow',
  'Grayborne',
  'Hollinstead',
  'Ivyreach',
  'Kestlow',
  'Larkmere',
  'Marrowfield',
  'Nettlecombe',
  'Oakhurst',
  'Pellingford',
  'Quarrendon',
  'Rookwood',
  'Saltmarsh',
  'Thornbury',
  'Umberlee',
  'Wickhollow',
  'Yarrowdale',
];

const AGENCIES: { name: string; type: AgencyType; group: string | null; weight: number }[] = [
  { name: 'Demo Children’s Social Care', type: 'childrens-social-care', group: null, weight: 1 },
  { name: 'Demo Health Visiting', type: 'health', group: 'Health', weight: 0.6 },
  { name: 'Demo School Nursing', type: 'health', group: 'Health', weight: 0.4 },
  { name: 'Demo GP Practice', type: 'health', group: 'Health', weight: 0.5 },
  { name: 'Demo Adult Mental Health', type: 'health', group: 'Health', weight: 0.25 },
  { name: 'Demo Police Public Protection', type: 'police', group: null, weight: 0.9 },
  { name: 'Demo Primary School', type: 'education', group: 'Education', weight: 0.6 },
  { name: 'Demo Secondary School', type: 'education', group: 'Education', weight: 0.4 },
  { name: 'Demo Probation Service', type: 'probation', group: null, weight: 0.2 },
  { name: 'Demo Housing Options', type: 'housing', group: null, weight: 0.3 },
  { name: 'Demo Domestic Abuse Service', type: 'voluntary', group: null, weight: 0.3 },
  { name: 'Demo Substance Misuse Service', type: 'voluntary', group: null, weight: 0.25 },
];
const CATEGORIES: Category[] = ['NEG', 'NEG', 'NEG', 'EMO', 'EMO', 'PHY', 'SAB'];
const CHAIRS = ['Demo Chair A', 'Demo Chair B', 'Demo Chair C', 'Demo Chair D', 'Demo Chair E', 'Demo Chair F'];

/**
 * Fills an empty register with synthetic families, children and conferences, run by the same
 * rules as the app (outcome, report deadlines, what falls due): initial conferences, reviews
 * every few months while a plan lasts, equally divided views adjourned and reconvened within 15
 * working days, realistic attendance and reports. For training and benchmarks; no real names.
 */
export function createDemoService(
  ctx: ServiceContext<'demo'>,
  calendar: CalendarService,
  escalations: EscalationsService,
) {
  return {
    async generate(size: DemoSize, onProgress: (done: number, total: number) => void = () => undefined) {
      const { conferences: target, years } = DEMO_SIZES[size];
      if (!(await ctx.repos.demo.isEmpty())) {
        throw new ServiceError('conflict', 'The demo data goes only into an empty register; choose a new --db file');
      }
      const cal: WorkingDayCalendar = await calendar.calendarFor('england-and-wales');
      const random = rng(size === 'large' ? 20261122 : 42);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      const at = ctx.now().toISOString();
      const today = localIsoDate(ctx.now());
      const start = toDayNumber(today) - years * 365;

      const nextWorkingDay = (dn: number) => {
        let d = dn;
        while (!isWorkingDay(fromDayNumber(d), cal)) d += 1;
        return fromDayNumber(d);
      };

      const agencyRows = AGENCIES.map((a, i) => ({
        id: i + 1,
        name: a.name,
        type: a.type,
        quoracy_group: a.group,
        lead_name: `Demo Safeguarding Lead ${i + 1}`,
        lead_job_title: 'Designated Safeguarding Lead',
        lead_email: `lead${i + 1}@demo.example.org`,
        lead_phone: `01632 960 ${String(100 + i).padStart(3, '0')}`,
        active: 1,
        created_at: at,
        updated_at: at,
      }));

      const families: { id: number; name: string; case_reference: string; created_at: string; updated_at: string }[] =
        [];
      const children: {
        id: number;
        family_id: number;
        given_name: string;
        family_name: string;
        date_of_birth: string | null;
        expected_date: string | null;
        case_reference: string;
        created_at: string;
        updated_at: string;
      }[] = [];
      const conferences: {
        id: number;
        type: string;
        date: string;
        time: string;
        venue: string;
        chair_name: string;
        family_id: number;
        created_at: string;
        updated_at: string;
        status: string;
        reconvenes_id: number | null;
        inquorate_reason: string | null;
      }[] = [];
      const conferenceChildren: { conference_id: number; child_id: number }[] = [];
      const invitations: {
        conference_id: number;
        agency_id: number;
        representative_name: string;
        representative_role: string;
        attendance: Attendance | null;
        report: string;
        report_received_on: string | null;
        updated_at: string;
      }[] = [];
      const views: {
        conference_id: number;
        child_id: number;
        agency_id: number;
        view: string;
        reasons: string;
        updated_at: string;
      }[] = [];
      const outcomes: {
        conference_id: number;
        child_id: number;
        result: string;
        decision: Decision;
        interim_plan: number;
        reconvene_by: string | null;
        category: Category | null;
        escalation: string | null;
        decided_at: string;
      }[] = [];
      const tasks: {
        conference_id: number;
        kind: string;
        due_on: string;
        done_on: string | null;
        closed_by: string | null;
      }[] = [];
      const reconveneTasks = new Map<number, { done_on: string | null; closed_by: string | null }>();
      type ChildTaskRow = {
        conference_id: number;
        child_id: number;
        kind: ChildDueKind;
        due_on: string;
        done_on: string | null;
        closed_by: ChildTaskClosure | null;
      };
      const childTasks: ChildTaskRow[] = [];
      /** "conference:child" for each first core group scheduled, so a reconvened conference does not schedule another. */
      const coreGroups = new Set<string>();
      /** Unborn children's expected dates (kept after birth, for the first review's due date). */
      const expectedDates = new Map<number, string>();
      /** Each child's items still open, so a later decision can close what it answers. */
      const openChildTasks = new Map<number, ChildTaskRow[]>();
      const followUps: {
        kind: string;
        conference_id: number;
        child_id: number;
        opened_on: string;
        due_on: string;
        closed_on: string | null;
        created_at: string;
      }[] = [];

      const agencyEscalationRows: {
        id: number;
        agency_id: number;
        conference_id: number;
        meeting_date: string;
        family_identifier: string;
        chair_name: string;
        representative_name: string | null;
        reason: EscalationReason;
        reason_detail: null;
        return_id: number | null;
        created_at: string;
      }[] = [];

      /** A conference's decision words: a reconvened one decides as the one it reconvenes. */
      const decidesAsOf = (type: 'initial' | 'review' | 'reconvened', reconvenesId: number | null) =>
        type === 'reconvened' ? (conferences[(reconvenesId ?? 1) - 1]?.type === 'review' ? 'review' : 'initial') : type;

      /** One conference, held (views, outcomes, what falls due) if its date has passed, else scheduled. */
      const holdConference = (
        familyId: number,
        kidIds: number[],
        type: 'initial' | 'review' | 'reconvened',
        date: string,
        risk: number,
        reconvenesId: number | null,
        forceSplit: boolean,
      ): { id: number; adjourned: number[]; onPlan: Set<number> } => {
        const id = conferences.length + 1;
        const held = date < today;
        const decidesAs = decidesAsOf(type, reconvenesId);
        conferences.push({
          id,
          type,
          date,
          time: pick(['09:30', '10:00', '13:30', '14:00']),
          venue: pick(['Demo Civic Centre, Room 1', 'Demo Civic Centre, Room 2', 'Online', 'Demo Family Centre']),
          chair_name: pick(CHAIRS),
          family_id: familyId,
          created_at: at,
          updated_at: at,
          status: 'scheduled',
          reconvenes_id: reconvenesId,
          inquorate_reason: null,
        });
        for (const c of kidIds) conferenceChildren.push({ conference_id: id, child_id: c });
        const due = reportDueDate(date, decidesAs, DEFAULT_TIMESCALES, cal);
        const invited = AGENCIES.map((a, i) => ({ a, id: i + 1 })).filter(
          (x) => x.a.type === 'childrens-social-care' || random() < x.a.weight,
        );
        const attending: { id: number; name: string; type: AgencyType; group: string | null }[] = [];
        for (const { a, id: agencyId } of invited) {
          const roll = random();
          const attendance: Attendance | null = !held
            ? null
            : a.type === 'childrens-social-care' || roll < 0.8
              ? 'attended'
              : roll < 0.88
                ? 'apologies-with-report'
                : roll < 0.93
                  ? 'apologies-no-report'
                  : 'did-not-attend';
          const r = random();
          // A report comes by its deadline, or a few days late but never after the meeting itself.
          const late = addDays(due, 1 + Math.floor(random() * 3));
          const received =
            r < 0.72
              ? addDays(due, -Math.floor(random() * 4))
              : r < 0.88
                ? late < date
                  ? late
                  : addDays(date, -1)
                : null;
          const hasReport = (held || received !== null) && received !== null && received < today;
          invitations.push({
            conference_id: id,
            agency_id: agencyId,
            representative_name: `Demo Practitioner ${agencyId}-${1 + Math.floor(random() * 40)}`,
            representative_role: a.type === 'health' ? 'Practitioner' : 'Caseworker',
            attendance,
            report: hasReport ? 'received' : held ? 'not-received' : 'awaited',
            report_received_on: hasReport ? received : null,
            updated_at: at,
          });
          if (attendance === 'attended') attending.push({ id: agencyId, name: a.name, type: a.type, group: a.group });
          if (held) {
            const invitation = invitations[invitations.length - 1];
            const reasons = contributionIncidents({
              attendance,
              report: hasReport ? 'received' : 'not-received',
              reportTimeliness: received !== null && hasReport ? reportTimeliness(received, due) : null,
            });
            for (const reason of reasons) {
              agencyEscalationRows.push({
                id: agencyEscalationRows.length + 1,
                agency_id: agencyId,
                conference_id: id,
                meeting_date: date,
                family_identifier: families[familyId - 1]?.name ?? '',
                chair_name: conferences[id - 1]?.chair_name ?? '',
                representative_name: invitation?.representative_name ?? null,
                reason,
                reason_detail: null,
                return_id: null,
                created_at: at,
              });
            }
          }
        }
        if (!held) return { id, adjourned: [], onPlan: new Set() };
        const conference = conferences[id - 1];
        const quoracy = assessQuoracy(
          attending.map((a) => ({ id: a.id, name: a.name, type: a.type, quoracyGroup: a.group })),
          { requireChildrensSocialCare: true, minOtherAgencies: 2 },
        );
        // An inquorate conference went ahead only with the chair's reason (as the app requires).
        if (!quoracy.quorate && conference) {
          conference.inquorate_reason = 'Synthetic: the chair went ahead as delay would harm the children.';
        }
        if (reconvenesId !== null) {
          const reconvene = reconveneTasks.get(reconvenesId);
          if (reconvene) {
            reconvene.done_on = date;
            reconvene.closed_by = 'reconvened';
          }
        }
        const adjourned: number[] = [];
        const onPlan = new Set<number>();
        const firstOutcome = outcomes.length;
        const chainStart = reconvenesId !== null ? (conferences[reconvenesId - 1]?.date ?? date) : date;
        for (const childId of kidIds) {
          // Agencies mostly share a view of the child; now and then one differs.
          const consensus: 'plan' | 'no-plan' = random() < risk ? 'plan' : 'no-plan';
          const other: 'plan' | 'no-plan' = consensus === 'plan' ? 'no-plan' : 'plan';
          let childViews = attending.map((a) => ({
            agency: a.name,
            id: a.id,
            view: random() < 0.85 ? consensus : other,
          }));
          if (forceSplit && childViews.length % 2 === 0) {
            childViews = childViews.map((v, i) => ({
              ...v,
              view: i % 2 === 0 ? ('plan' as const) : ('no-plan' as const),
            }));
          }
          const outcome = decideOutcome(
            { type, date, rule: 'majority', views: childViews.map(({ agency, view }) => ({ agency, view })) },
            cal,
          );
          const minority = new Set(outcome.minority);
          for (const v of childViews) {
            views.push({
              conference_id: id,
              child_id: childId,
              agency_id: v.id,
              view: v.view,
              reasons: minority.has(v.agency) ? 'Synthetic minority reasons for training.' : '',
              updated_at: at,
            });
          }
          const decision = recordedDecision(outcome, decidesAs);
          const categoryNeeded = needsCategory(decision);
          outcomes.push({
            conference_id: id,
            child_id: childId,
            result: outcome.result,
            decision,
            interim_plan: outcome.interimPlan ? 1 : 0,
            reconvene_by: outcome.reconveneBy,
            category: categoryNeeded ? pick(CATEGORIES) : null,
            escalation: outcome.escalation,
            decided_at: at,
          });
          if (decision === 'adjourned') adjourned.push(childId);
          if (categoryNeeded || outcome.interimPlan) onPlan.add(childId);
          if (outcome.escalation) {
            const dueOn = addWorkingDays(date, 10, cal);
            followUps.push({
              kind: 'principal-officer-review',
              conference_id: id,
              child_id: childId,
              opened_on: date,
              due_on: dueOn,
              closed_on: dueOn < today ? dueOn : null,
              created_at: at,
            });
          }
          // What the child's decision answers among its earlier items (a review held), then what
          // falls due for the child from it, whatever its siblings' decisions.
          const open = openChildTasks.get(childId) ?? [];
          for (const c of closedByDecision(decision)) {
            for (const t of open.filter((x) => x.kind === c.kind && x.done_on === null)) {
              t.done_on = date;
              t.closed_by = c.closedBy;
            }
          }
          const expected = expectedDates.get(childId);
          const unborn = expected && expected > date ? expected : null;
          const items = dueForChild(
            { date, decidesAs, chainStart },
            {
              decision,
              interimPlan: outcome.interimPlan,
              expectedDate: unborn,
              firstCoreGroupScheduled: reconvenesId !== null && coreGroups.has(`${reconvenesId}:${childId}`),
            },
            DEFAULT_TIMESCALES,
            cal,
          );
          for (const t of items) {
            // Core groups meet on time in the demo, except a few recent ones left open (and overdue).
            const leftOpen = t.kind === 'first-core-group' && t.due >= addDays(today, -20) && random() < 0.6;
            const done = t.kind === 'first-core-group' && !leftOpen && t.due < today;
            const row: ChildTaskRow = {
              conference_id: id,
              child_id: childId,
              kind: t.kind,
              due_on: t.due,
              done_on: done ? t.due : null,
              closed_by: done ? 'done' : null,
            };
            childTasks.push(row);
            if (t.kind === 'first-core-group') coreGroups.add(`${id}:${childId}`);
            if (!done) open.push(row);
          }
          openChildTasks.set(
            childId,
            open.filter((t) => t.done_on === null),
          );
        }
        if (conference) conference.status = adjourned.length > 0 ? 'adjourned' : 'concluded';
        const reconveneBy =
          outcomes
            .slice(firstOutcome)
            .map((o) => o.reconvene_by ?? '')
            .filter(Boolean)
            .sort()[0] ?? null;
        for (const t of dueAfterDecisions(date, reconveneBy, DEFAULT_TIMESCALES, cal)) {
          // Past work is done on time in the demo, except a few recent items left open (and overdue).
          const leftOpen = t.due >= addDays(today, -20) && random() < 0.6;
          const done = t.kind !== 'reconvene' && !leftOpen && t.due < today;
          const task = {
            conference_id: id,
            kind: t.kind,
            due_on: t.due,
            done_on: done ? t.due : null,
            closed_by: done ? 'done' : null,
          };
          tasks.push(task);
          if (t.kind === 'reconvene') reconveneTasks.set(id, task);
        }
        return { id, adjourned, onPlan };
      };

      let familyNo = 0;
      while (conferences.length < target) {
        familyNo += 1;
        const familyName = `${pick(FAMILY)}-${familyNo}`;
        const familyId = familyNo;
        families.push({
          id: familyId,
          name: familyName,
          case_reference: `DEMO-F${String(familyNo).padStart(6, '0')}`,
          created_at: at,
          updated_at: at,
        });
        const kidCount = 1 + Math.floor(random() * random() * 4);
        const first = start + Math.floor(random() * (years * 365 - 30));
        const kids: number[] = [];
        for (let k = 0; k < kidCount; k += 1) {
          const id = children.length + 1;
          const unborn = k === kidCount - 1 && random() < 0.05;
          const expected = fromDayNumber(first + 30 + Math.floor(random() * 120));
          // A baby expected before today has been born (on the expected day, in the demo) and named.
          const born = unborn && expected <= today;
          children.push({
            id,
            family_id: familyId,
            given_name: unborn && !born ? 'Unborn' : `${pick(FIRST)}${pick(SECOND)}`,
            family_name: familyName,
            date_of_birth: unborn ? (born ? expected : null) : fromDayNumber(first - 200 - Math.floor(random() * 5000)),
            expected_date: unborn && !born ? expected : null,
            case_reference: `DEMO-C${String(id).padStart(7, '0')}`,
            created_at: at,
            updated_at: at,
          });
          kids.push(id);
          if (unborn) expectedDates.set(id, expected);
        }
        const risk = 0.35 + random() * 0.6;
        let date = nextWorkingDay(first);
        let type: 'initial' | 'review' = 'initial';
        let current = kids;
        for (let round = 0; round < 12 && current.length > 0 && conferences.length < target; round += 1) {
          const split = random() < 0.02;
          const held = holdConference(
            familyId,
            current,
            type,
            date,
            type === 'initial' ? risk : risk * 0.85,
            null,
            split,
          );
          let onPlan = held.onPlan;
          if (held.adjourned.length > 0 && conferences.length < target) {
            const reconveneOn = addWorkingDays(date, 5 + Math.floor(random() * 10), cal);
            const again = holdConference(
              familyId,
              held.adjourned,
              'reconvened',
              reconveneOn,
              risk,
              held.id,
              random() < 0.2,
            );
            onPlan = new Set([...[...onPlan].filter((c) => !held.adjourned.includes(c)), ...again.onPlan]);
          }
          if (date >= today) break;
          const gap = type === 'initial' ? 85 + Math.floor(random() * 5) : 150 + Math.floor(random() * 30);
          date = nextWorkingDay(toDayNumber(date) + gap);
          if (weekdayOf(toDayNumber(date)) === 0) date = addDays(date, 1);
          const next = date;
          // A child stays on review while on a plan, and under 18.
          current = current.filter((c) => {
            const born = children[c - 1]?.date_of_birth;
            return onPlan.has(c) && (!born || addMonths(born, 18 * 12) > next);
          });
          type = 'review';
        }
        if (familyNo % 500 === 0) onProgress(Math.min(conferences.length, target), target);
      }

      // Monthly Appendix 3 returns to each agency's safeguarding lead, each sent a few working days
      // after its month ends: early in a month, last month's rows are still waiting to go. Nothing
      // is sent or answered after today.
      const returns: {
        id: number;
        agency_id: number;
        period_from: string;
        period_to: string;
        sent_on: string;
        sent_to: string;
        response_on: string | null;
        response: string | null;
        created_at: string;
        updated_at: string;
      }[] = [];
      const returnIds = new Map<string, number>();
      const thisMonth = today.slice(0, 7);
      for (const row of agencyEscalationRows) {
        const month = row.meeting_date.slice(0, 7);
        if (month >= thisMonth) continue;
        const from = `${month}-01`;
        const to = addDays(addMonths(from, 1), -1);
        const sentOn = nextWorkingDay(toDayNumber(to) + 5);
        if (sentOn > today) continue;
        const key = `${row.agency_id}:${month}`;
        let returnId = returnIds.get(key);
        if (returnId === undefined) {
          returnId = returns.length + 1;
          const responseOn = addDays(sentOn, 10);
          const responded = random() < 0.5 && responseOn <= today;
          returns.push({
            id: returnId,
            agency_id: row.agency_id,
            period_from: from,
            period_to: to,
            sent_on: sentOn,
            sent_to: `Demo Safeguarding Lead ${row.agency_id}`,
            response_on: responded ? responseOn : null,
            response: responded
              ? 'Synthetic response: reminder issued to the team about conference attendance and reports.'
              : null,
            created_at: at,
            updated_at: at,
          });
          returnIds.set(key, returnId);
        }
        row.return_id = returnId;
      }

      await ctx.db.transaction(async () => {
        const demo = ctx.repos.demo;
        await demo.insertRows('agencies', agencyRows);
        await demo.insertRows('families', families);
        await demo.insertRows('children', children);
        await demo.insertRows('conferences', conferences);
        await demo.insertRows('conference_children', conferenceChildren);
        await demo.insertRows(
          'family_search_terms',
          families.flatMap((f) => searchTerms(f.name, f.case_reference).map((term) => ({ term, family_id: f.id }))),
        );
        await demo.insertRows(
          'child_search_terms',
          children.flatMap((c) =>
            searchTerms(c.given_name, c.family_name, c.case_reference).map((term) => ({ term, child_id: c.id })),
          ),
        );
        await demo.insertRows(
          'conference_search_terms',
          conferences.flatMap((c) => searchTerms(c.chair_name).map((term) => ({ term, conference_id: c.id }))),
        );
        await demo.insertRows('conference_agencies', invitations);
        await demo.insertRows('child_views', views);
        await demo.insertRows('child_outcomes', outcomes);
        await demo.insertRows('conference_tasks', tasks);
        await demo.insertRows('child_tasks', childTasks);
        await demo.insertRows('follow_ups', followUps);
        await demo.insertRows('agency_returns', returns);
        await demo.insertRows('agency_escalations', agencyEscalationRows);
      });
      // One transaction (the services' own become savepoints): one flush to disk, not hundreds.
      const professional = await ctx.db.transaction(async () => seedEscalations());
      onProgress(conferences.length, target);
      return {
        agencies: agencyRows.length,
        families: families.length,
        children: children.length,
        conferences: conferences.length,
        adjourned: conferences.filter((c) => c.status === 'adjourned').length,
        reconvened: conferences.filter((c) => c.type === 'reconvened').length,
        views: views.length,
        agencyEscalations: agencyEscalationRows.length,
        returns: returns.length,
        escalations: professional,
      };

      /**
       * Professional disagreement escalations at every stage of each shipped protocol: for each
       * stage, one within its clock and one overdue; two at immediate risk; one resolved per protocol.
       */
      async function seedEscalations(): Promise<number> {
        let count = 0;
        const people = (role: string) => ({ name: `Demo ${role}`, title: role, agency: null });
        const natures = [
          'referral-decision',
          'assessment',
          'plan-implementation',
          'plan-effectiveness',
          'information-sharing',
          'conference-decision',
        ] as const;
        // The Croydon Escalation Notification Form's own fields, synthetic (the form shows initials only).
        // Codes from the form's lists (shared/schemas/child-characteristics.ts).
        const GENDERS = ['female', 'male', 'not-known'] as const;
        const ETHNICITIES = ['WBRI', 'MWBC', 'AIND', 'NOBT'] as const;
        const SEND = ['none', 'sen-support', 'ehc-plan'] as const;
        /** A child under 18 on `on`, so the escalation's date of birth is possible. */
        const childUnder18 = (on: string) => {
          const earliest = addMonths(on, -18 * 12);
          for (let tries = 0; tries < 50; tries += 1) {
            const c = children[Math.floor(random() * children.length)];
            if (c?.date_of_birth && c.date_of_birth > earliest && c.date_of_birth <= on) return c;
          }
          return undefined;
        };
        /**
         * An escalation that has reached stage `reached` (starting at `startAt`, the first unless a
         * route or a reason says otherwise), each stage's response unresolved before escalating.
         */
        const openOne = async (
          protocolId: number,
          lastOpened: string,
          reached: number,
          immediateRisk: boolean,
          croydon = false,
          startAt: { stage: number; reason: string } | null = null,
        ) => {
          const first = startAt?.stage ?? 1;
          const steps = reached - first;
          const start = addDays(lastOpened, -7 * steps);
          const child = childUnder18(start);
          const initiating = 2 + Math.floor(random() * (AGENCIES.length - 1));
          const challenged = initiating === 1 ? 2 : 1;
          // Parsed as the contract's `escalations.open` would, filling its defaults.
          let e = await escalations.open(
            openEscalationInputSchema.parse({
              protocolId,
              familyId: child?.family_id ?? null,
              childId: child?.id ?? null,
              subjectName: child ? `${child.given_name} ${child.family_name}` : 'Demo family',
              subjectDateOfBirth: child?.date_of_birth ?? null,
              initiatingAgencyId: initiating,
              challengedAgencyId: challenged,
              natures: [pick(natures)],
              details: 'Synthetic disagreement for training.',
              outcomeSought: 'Synthetic outcome sought.',
              immediateRisk,
              openedOn: start,
              escalatedBy: people('Practitioner'),
              ...(startAt ? { startStage: startAt.stage, startReason: startAt.reason } : {}),
              ...(croydon
                ? {
                    subjectGender: GENDERS[count % GENDERS.length],
                    subjectEthnicity: ETHNICITIES[count % ETHNICITIES.length],
                    subjectSend: SEND[count % SEND.length],
                    concerns: 'Synthetic concerns raised with the practitioner.',
                  }
                : {}),
            }),
          );
          for (let k = first; k < reached; k += 1) {
            const stepped = addDays(start, 7 * (k - first + 1));
            if (croydon && k >= 3) {
              await escalations.respond(
                stageResponseInputSchema.parse({
                  escalationId: e.id,
                  number: k,
                  responseFrom: people(`Stage ${k} lead`),
                  responseOn: addDays(stepped, -2),
                  summary: `Synthetic decision at stage ${k}: not resolved.`,
                  resolved: false,
                  learning: `Synthetic learning from stage ${k}.`,
                }),
              );
            }
            e = await escalations.escalate(
              escalateInputSchema.parse({
                escalationId: e.id,
                on: stepped,
                escalatedBy: {
                  ...people('Manager'),
                  ...(croydon ? { email: `demo.manager${k + 1}@example.org` } : {}),
                },
                escalatedTo: people(`Stage ${k + 1} lead`),
                ...(croydon ? { concerns: `Synthetic concerns, key dates and interventions at stage ${k + 1}.` } : {}),
              }),
            );
          }
          count += 1;
          return e;
        };
        for (const protocol of (await escalations.protocols()).filter((p) => p.shipped)) {
          const croydon = protocol.key === 'croydon';
          // Every stage reached by escalating, one within its clock and one overdue.
          for (const stage of clockedStages(protocol.definition)) {
            await openOne(protocol.id, addDays(today, -1), stage.number, false, croydon);
            await openOne(protocol.id, addDays(today, -40), stage.number, false, croydon);
          }
          // One resolved at stage 2; where the protocol offers a debrief after resolution, it is held.
          const done = await openOne(protocol.id, addDays(today, -60), 2, false);
          const opened = done.stages[done.stages.length - 1]?.openedOn ?? addDays(today, -60);
          await escalations.respond(
            stageResponseInputSchema.parse({
              escalationId: done.id,
              number: 2,
              responseFrom: people('Stage 2 lead'),
              responseOn: addDays(opened, 3),
              summary: 'Synthetic response that resolved the difference.',
              resolved: true,
            }),
          );
          await escalations.close(
            closeEscalationInputSchema.parse({
              escalationId: done.id,
              on: addDays(opened, 5),
              resolved: true,
              learning: 'Synthetic learning for reports.',
              restorativeDebrief: null,
            }),
          );
          if (resolutionStage(protocol.definition)) {
            await escalations.recordDebrief(
              debriefInputSchema.parse({
                escalationId: done.id,
                on: addDays(opened, 12),
                notes: 'Synthetic restorative debrief: the agencies agreed how to share information sooner.',
              }),
            );
          }
          // Where the protocol starts a Principal Officer review's escalation later on, one does,
          // with its meeting's written record (North Lincolnshire).
          const review = routeStage(protocol.definition, 'principal-officer-review');
          if (review) {
            const e = await openOne(protocol.id, addDays(today, -12), review.number, false, false, {
              stage: review.number,
              reason: 'Synthetic: a reconvened conference reached no majority, so a Principal Officer review followed',
            });
            if (protocol.definition.record === 'review-meeting-record') {
              await escalations.recordReviewMeeting(
                reviewMeetingInputSchema.parse({
                  escalationId: e.id,
                  heldOn: addDays(today, -5),
                  reviewType: 'Multi-agency pit stop meeting',
                  chairedBy: 'Demo Principal Officer',
                  attendees: 'Demo practitioners and managers of the agencies involved',
                  discussion: 'Synthetic key areas of discussion.',
                  disagreements: 'Synthetic disagreements that remain.',
                  agreements: 'Synthetic agreements reached.',
                }),
              );
            }
          }
        }
        const chosen = (await escalations.protocols()).find((p) => p.chosen);
        if (chosen) {
          await openOne(chosen.id, today, 1, true);
          await openOne(chosen.id, addDays(today, -1), 1, true);
        }
        return count;
      }
    },
  };
}
