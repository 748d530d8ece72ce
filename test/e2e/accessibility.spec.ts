import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, localIsoDate } from '../../shared/dates';
import { expect, test, type AppUnderTest } from './fixtures';
import {
  stageResponseInputSchema,
  actionInputSchema,
  openEscalationInputSchema,
} from '../../shared/schemas/escalation';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

async function seed(app: AppUnderTest): Promise<void> {
  await app.register.agencies.create(
    agencyInputSchema.parse({
      name: 'Humber Police',
      type: 'police',
      quoracyGroup: null,
      leadName: 'Dana Reeve',
      leadJobTitle: 'Detective Inspector',
      leadEmail: 'dana.reeve@humber-police.example',
      leadPhone: '01632 960 001',
    }),
  );
  await app.register.agencies.setActive(
    (
      await app.register.agencies.create(
        agencyInputSchema.parse({
          name: 'Old Road Clinic',
          type: 'health',
          quoracyGroup: 'health',
          leadName: null,
          leadJobTitle: null,
          leadEmail: null,
          leadPhone: null,
        }),
      )
    ).id,
    false,
  );
  await app.register.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-05',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Smith', caseReference: 'F-1001' },
      childIds: [],
      newChildren: [
        { givenName: 'Amy', familyName: 'Smith', dateOfBirth: '2019-04-02', expectedDate: null, caseReference: null },
      ],
    }),
  );
}

interface Screen {
  name: string;
  hash: string;
  /** More records this screen needs besides the common ones. */
  seed?(app: AppUnderTest): void | Promise<void>;
  /** What shows the screen has loaded its data (and finished any action). */
  ready(page: Page): Promise<void>;
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/**
 * Conference 1 (the Smith family) under way: three agencies attend; the police's view is the
 * minority and its reasons are still blank.
 */
async function seedLiveConference(app: AppUnderTest): Promise<void> {
  const r = app.register;
  const police = (await r.agencies.list('Humber Police', true))[0];
  if (!police) throw new Error('police missing');
  const csc = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'North Lincolnshire Children’s Services',
      type: 'childrens-social-care',
    }),
  );
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  const conference = await r.conferences.get(1);
  const child = conference.children[0];
  if (!child) throw new Error('child missing');
  for (const [agency, view] of [
    [csc, 'plan'],
    [police, 'no-plan'],
    [school, 'plan'],
  ] as const) {
    await r.live.invite({
      conferenceId: 1,
      agencyId: agency.id,
      representativeName: 'Alex Rep',
      representativeRole: 'Lead',
    });
    await r.live.setAttendance(1, agency.id, 'attended');
    await r.live.setView({ conferenceId: 1, childId: child.id, agencyId: agency.id, view, reasons: '' });
  }
  await r.live.setReport(1, school.id, 'received', '2026-03-03');
}

/** An adjourned conference for the Jones family (an equally divided view), and a future one awaiting reports. */
async function seedAdjourned(app: AppUnderTest): Promise<void> {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'North Lincolnshire Children’s Services',
      type: 'childrens-social-care',
    }),
  );
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2025-12-19',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Jones' },
      newChildren: [{ givenName: 'Cara', familyName: 'Jones', dateOfBirth: '2018-06-01' }],
    }),
  );
  const child = conference.children[0];
  if (!child) throw new Error('child missing');
  for (const [agency, view] of [
    [csc, 'plan'],
    [school, 'no-plan'],
  ] as const) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: agency.id,
      representativeName: null,
      representativeRole: null,
    });
    await r.live.setAttendance(conference.id, agency.id, 'attended');
    await r.live.setView({
      conferenceId: conference.id,
      childId: child.id,
      agencyId: agency.id,
      view,
      reasons: 'Reasons',
    });
  }
  await r.live.setInquorateReason(conference.id, 'Delay would harm the child');
  await r.live.recordDecision({ conferenceId: conference.id, childId: child.id, category: null });
  const soon = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'review',
      date: addDays(localIsoDate(new Date()), 7),
      time: '09:30',
      venue: 'Online',
      chairName: 'Sam Okafor',
      family: { name: 'Patel' },
      newChildren: [{ givenName: 'Dev', familyName: 'Patel', dateOfBirth: '2015-02-02' }],
    }),
  );
  await r.live.invite({ conferenceId: soon.id, agencyId: csc.id, representativeName: null, representativeRole: null });
}

/** Two professional escalations (one with a child at immediate risk) and the police's Appendix 3 rows for March 2026. */
async function seedEscalations(app: AppUnderTest): Promise<void> {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'North Lincolnshire Children’s Services',
      type: 'childrens-social-care',
    }),
  );
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  for (const [subject, immediateRisk] of [
    ['Amy Smith', false],
    ['Cara Jones', true],
  ] as const) {
    const e = await r.escalations.open(
      openEscalationInputSchema.parse({
        subjectName: subject,
        initiatingAgencyId: school.id,
        challengedAgencyId: csc.id,
        natures: ['referral-decision', 'other'],
        natureOther: 'Transport to contact',
        details: 'Referral not accepted',
        outcomeSought: 'Strategy discussion',
        immediateRisk,
        openedOn: '2026-03-02',
        escalatedBy: { name: 'Synthetic DSL', title: 'Designated Safeguarding Lead', agency: 'Northfield Academy' },
      }),
    );
    await r.escalations.respond(
      stageResponseInputSchema.parse({
        escalationId: e.id,
        number: 1,
        responseFrom: { name: 'Team manager', title: null, agency: null },
        responseOn: '2026-03-03',
        summary: 'Not resolved',
        resolved: false,
      }),
    );
    await r.escalations.addAction(
      actionInputSchema.parse({
        escalationId: e.id,
        action: 'Joint visit',
        byWhom: 'Team manager',
        agreedOn: '2026-03-03',
        completeBy: '2026-03-10',
      }),
    );
  }
  for (const meetingDate of ['2026-03-05', '2026-03-19']) {
    await r.agencyEscalations.raiseByHand({
      agencyId: 1,
      meetingDate,
      familyIdentifier: 'Smith',
      chairName: 'Sam Okafor',
      representativeName: null,
      reason: 'did-not-attend',
      reasonDetail: null,
    });
  }
  await r.agencyEscalations.markSent({
    agencyId: 1,
    from: '2026-03-01',
    to: '2026-03-10',
    sentOn: '2026-03-11',
    sentTo: 'Dana Reeve',
  });
}

/** Conference 1 decided (a plan, the police in the minority), then amended with a reason; its letter superseded. */
async function seedAmended(app: AppUnderTest): Promise<void> {
  await seedLiveConference(app);
  const r = app.register;
  const live = await r.live.get(1);
  const child = live.children[0];
  const police = live.invitations.find((i) => i.agencyName === 'Humber Police');
  if (!child || !police) throw new Error('conference 1 missing its child or the police');
  await r.live.setView({
    conferenceId: 1,
    childId: child.id,
    agencyId: police.agencyId,
    view: 'no-plan',
    reasons: 'No harm seen',
  });
  const decided = await r.live.recordDecision({ conferenceId: 1, childId: child.id, category: 'NEG' });
  await r.documents.record(
    'decision-letter',
    {
      entity: 'conference',
      entityId: 1,
      periodFrom: null,
      periodTo: null,
      title: 'Decision letter',
      fileName: 'l.pdf',
    },
    Buffer.from('%PDF-1.7 synthetic'),
    null,
  );
  await r.live.amendDecision({
    conferenceId: 1,
    childId: child.id,
    version: decided.children.find((c) => c.id === child.id)?.recorded?.version ?? 0,
    reason: 'The category was recorded wrongly',
    views: [],
    noViews: [],
    category: 'EMO',
  });
}

/** Conference 1 under way: the school gives no view (recorded with the reason), the police still to consult. */
async function seedNoView(app: AppUnderTest): Promise<void> {
  const r = app.register;
  const police = (await r.agencies.list('Humber Police', true))[0];
  if (!police) throw new Error('police missing');
  const csc = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'North Lincolnshire Children’s Services',
      type: 'childrens-social-care',
    }),
  );
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  const child = (await r.conferences.get(1)).children[0];
  if (!child) throw new Error('child missing');
  for (const agency of [csc, police, school]) {
    await r.live.invite({ conferenceId: 1, agencyId: agency.id, representativeName: null, representativeRole: null });
    await r.live.setAttendance(1, agency.id, 'attended');
  }
  await r.live.setView({ conferenceId: 1, childId: child.id, agencyId: csc.id, view: 'plan', reasons: 'Neglect' });
  await r.live.setNoView({
    conferenceId: 1,
    childId: child.id,
    agencyId: school.id,
    reason: 'Has not seen Amy this term',
  });
}

/** A second conference, for the Patel family, dated a week ahead: nothing can be concluded yet. */
async function seedFuture(app: AppUnderTest): Promise<void> {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'North Lincolnshire Children’s Services',
      type: 'childrens-social-care',
    }),
  );
  const soon = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'review',
      date: addDays(localIsoDate(new Date()), 7),
      time: '09:30',
      venue: 'Online',
      chairName: 'Sam Okafor',
      family: { name: 'Patel' },
      newChildren: [{ givenName: 'Dev', familyName: 'Patel', dateOfBirth: '2015-02-02' }],
    }),
  );
  await r.live.invite({ conferenceId: soon.id, agencyId: csc.id, representativeName: null, representativeRole: null });
}

async function seedCancelled(app: AppUnderTest): Promise<void> {
  await seedFuture(app);
  await app.register.live.cancel(2, 'The family moved to another local authority');
}

async function seedEscalationsAndUnitEmail(app: AppUnderTest): Promise<void> {
  await seedEscalations(app);
  await app.register.settings.update({ unitEmail: 'cpru@demo.example.org' });
}

async function fillMarch(p: Page): Promise<void> {
  for (const [name, day] of [
    ['From', '1'],
    ['To', '31'],
  ] as const) {
    const group = p.getByRole('group', { name });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill('3');
    await group.getByLabel('Year').fill('2026');
  }
}

/** Letters and forms: Appendix 3 returns for March 2026, previewed. */
async function previewMarchReturns(p: Page): Promise<void> {
  await p.getByLabel('Appendix 3 returns to agency safeguarding leads').check();
  await fillMarch(p);
  await p.getByRole('button', { name: 'Preview' }).click();
  await expect(p.getByTestId('plan-table')).toContainText('Humber Police');
}

const SCREENS: Screen[] = [
  { name: 'home', hash: '#/', ready: async (p) => expect(p.getByText('1 conference in the register.')).toBeVisible() },
  {
    name: 'conferences list',
    hash: '#/conferences',
    ready: async (p) => expect(p.getByRole('row', { name: /Smith/ })).toBeVisible(),
  },
  {
    name: 'create conference',
    hash: '#/conferences/new',
    ready: async (p) => expect(p.getByLabel('Chair')).toHaveValue('Test Chair'),
  },
  {
    name: 'create conference with a family found, a child added and errors shown',
    hash: '#/conferences/new',
    ready: async (p) => {
      await p.getByLabel('Find a family').fill('Smith');
      await p.getByLabel('Find a family').press('Enter');
      await p.getByRole('radio', { name: 'Smith' }).check();
      await p.getByRole('button', { name: 'Add a child' }).click();
      await p.getByRole('button', { name: 'Create conference' }).click();
      await expect(p.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    },
  },
  {
    name: 'conference page',
    hash: '#/conferences/1',
    ready: async (p) => expect(h1(p, /Initial conference/)).toBeVisible(),
  },
  {
    name: 'chair’s screen under way: invitations and reports, the invite form open',
    hash: '#/conferences/1/before',
    seed: seedLiveConference,
    ready: async (p) => {
      await expect(p.getByTestId('chair-screen-ready')).toBeVisible();
      await expect(p.getByRole('link', { name: 'Invitations and reports', exact: true })).toHaveAttribute(
        'aria-current',
        'step',
      );
      await p.getByText('Invite an agency').click();
      await expect(p.getByRole('option', { name: 'Choose an agency' })).toBeAttached();
    },
  },
  {
    name: 'chair’s screen under way: attendance',
    hash: '#/conferences/1/attendance',
    seed: seedLiveConference,
    ready: async (p) => expect(p.getByRole('heading', { name: 'Attendance', level: 2 })).toBeVisible(),
  },
  {
    name: 'chair’s screen under way: decisions',
    hash: '#/conferences/1/decisions',
    seed: seedLiveConference,
    ready: async (p) => expect(p.getByTestId('decisions-summary')).toContainText('Not recorded yet'),
  },
  {
    name: 'chair’s screen under way: a child, with a refused decision and the minority’s reasons missing',
    hash: '#/conferences/1/children/1',
    seed: seedLiveConference,
    ready: async (p) => {
      await expect(p.getByTestId('chair-screen-ready')).toBeVisible();
      await expect(p.getByTestId('status-panel')).toContainText('Majority: plan (2–1)');
      await p.getByRole('button', { name: 'Record decision for Amy' }).click();
      await expect(p.getByRole('link', { name: /minority view: Humber Police/ })).toBeVisible();
    },
  },
  {
    name: 'adjourned conference with the form to schedule its reconvened conference',
    hash: '#/conferences/2/reconvene',
    seed: seedAdjourned,
    ready: async (p) => {
      await expect(p.getByTestId('adjourned-panel')).toBeVisible();
      await p.getByRole('button', { name: 'Schedule reconvened conference' }).click();
      await expect(p.getByRole('link', { name: 'Enter the date of the reconvened conference' })).toBeVisible();
    },
  },
  {
    name: 'adjournments',
    hash: '#/adjournments',
    seed: seedAdjourned,
    ready: async (p) => expect(p.getByRole('row', { name: /Jones/ })).toContainText('Wednesday 14 January 2026'),
  },
  {
    name: 'what falls due',
    hash: '#/due',
    seed: seedAdjourned,
    ready: async (p) => expect(p.getByRole('row', { name: /Decision letter/ })).toContainText('Jones family'),
  },
  {
    name: 'reports outstanding',
    hash: '#/reports-outstanding',
    seed: seedAdjourned,
    ready: async (p) =>
      expect(p.getByRole('row', { name: /Patel/ })).toContainText('North Lincolnshire Children’s Services'),
  },
  {
    name: 'chair’s screen with an agency recorded as giving no view and the problems listed beside the button',
    hash: '#/conferences/1/children/1',
    seed: seedNoView,
    ready: async (p) => {
      await expect(p.getByRole('textbox', { name: /Why no view is given by Northfield Academy/ })).toHaveValue(
        'Has not seen Amy this term',
      );
      await p.getByRole('button', { name: 'Record decision for Amy' }).click();
      await expect(p.getByRole('link', { name: /record Amy’s view from Humber Police/ })).toBeVisible();
    },
  },
  {
    name: 'chair’s screen of a conference dated after today',
    hash: '#/conferences/2/attendance',
    seed: seedFuture,
    ready: async (p) => expect(p.getByTestId('attendance-not-open')).toBeVisible(),
  },
  {
    name: 'chair’s screen of a cancelled conference',
    hash: '#/conferences/2',
    seed: seedCancelled,
    ready: async (p) => expect(p.getByTestId('cancelled-notice')).toContainText('The family moved'),
  },
  {
    name: 'chair’s screen with an amended decision and a superseded letter',
    hash: '#/conferences/1',
    seed: seedAmended,
    ready: async (p) => {
      await expect(p.getByRole('region', { name: 'Amendments' })).toContainText('The category was recorded wrongly');
      await expect(p.getByTestId('documents-made')).toContainText('Superseded');
    },
  },
  {
    name: 'change conference details with the register’s refusal shown',
    hash: '#/conferences/1/edit',
    ready: async (p) => {
      await p.getByRole('button', { name: 'Save changes' }).click();
      await expect(p.getByRole('link', { name: 'Change the date, time, venue or chair' })).toBeVisible();
    },
  },
  {
    name: 'cancel a conference with the reason missing',
    hash: '#/conferences/1/cancel',
    ready: async (p) => {
      await p.getByRole('button', { name: 'Cancel the conference' }).click();
      await expect(p.getByRole('link', { name: 'Enter why the conference is cancelled' })).toBeVisible();
    },
  },
  {
    name: 'delete a conference made by mistake',
    hash: '#/conferences/1/delete',
    ready: async (p) => expect(p.getByRole('button', { name: 'Delete the conference' })).toBeVisible(),
  },
  {
    name: 'delete a conference, refused because something is recorded',
    hash: '#/conferences/1/delete',
    seed: seedLiveConference,
    ready: async (p) => expect(p.getByTestId('cannot-delete')).toContainText('cannot be deleted'),
  },
  {
    name: 'amend a decision, with the outcome worked out again and the reason missing',
    hash: '#/conferences/1/children/1/amend',
    seed: seedAmended,
    ready: async (p) => {
      await p
        .getByRole('group', { name: /^Humber Police/ })
        .getByLabel('Gave no view')
        .check();
      await expect(p.getByTestId('amended-outcome')).toContainText('unanimous view, 2 for, 0 against');
      await p.getByRole('button', { name: 'Save the amendment' }).click();
      await expect(p.getByRole('link', { name: 'Enter why the decision is amended' })).toBeVisible();
    },
  },
  {
    name: 'create conference offering a child already in the register',
    hash: '#/conferences/new',
    ready: async (p) => {
      await p.getByLabel('New family').check();
      await p.getByLabel('Family name').fill('Smith');
      await p.getByRole('button', { name: 'Add a child' }).click();
      const child = p.getByRole('group', { name: 'New child 1' });
      await child.getByLabel('First name').fill('Amy');
      const born = child.getByRole('group', { name: 'Date of birth' });
      await born.getByLabel('Day').fill('2');
      await born.getByLabel('Month').fill('4');
      await born.getByLabel('Year').fill('2019');
      await p.getByRole('button', { name: 'Create conference' }).click();
      await expect(p.getByRole('button', { name: /^Use Amy Smith, born 2 April 2019, Smith family/ })).toBeVisible();
      await expect(p.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    },
  },
  {
    name: 'agencies list',
    hash: '#/agencies',
    ready: async (p) => expect(p.getByRole('row', { name: /Old Road Clinic/ })).toContainText('Inactive'),
  },
  { name: 'add agency', hash: '#/agencies/new', ready: async (p) => expect(h1(p, 'Add an agency')).toBeVisible() },
  {
    name: 'add agency with errors shown',
    hash: '#/agencies/new',
    ready: async (p) => {
      await p.getByLabel('Email address').fill('not an email');
      await p.getByRole('button', { name: 'Add agency' }).click();
      await expect(p.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    },
  },
  {
    name: 'edit agency',
    hash: '#/agencies/1/edit',
    ready: async (p) => expect(p.getByLabel('Agency name')).toHaveValue('Humber Police'),
  },
  {
    name: 'settings',
    hash: '#/settings',
    ready: async (p) => expect(p.getByRole('row', { name: /Scotland/ })).toBeVisible(),
  },
  {
    name: 'settings opened at a field from a document’s problem, with the way back to the preview',
    hash: '#/settings?field=unitEmail&return=%2Fletters%3Fkind%3Dappendix3',
    ready: async (p) => {
      await expect(p.getByLabel('Review unit email')).toBeFocused();
      await expect(p.getByRole('link', { name: 'Back to the preview' })).toBeVisible();
    },
  },
  {
    name: 'settings with a calculation warning',
    hash: '#/settings',
    ready: async (p) => {
      const start = p.getByRole('group', { name: 'Start date' });
      await start.getByLabel('Day').fill('5');
      await start.getByLabel('Month').fill('1');
      await start.getByLabel('Year').fill('2029');
      await p.getByLabel('Number of working days').fill('10');
      await p.getByRole('button', { name: 'Calculate' }).click();
      await expect(p.getByTestId('working-days-result')).toContainText('Warning');
    },
  },
  { name: 'escalations', hash: '#/escalations', ready: async (p) => expect(h1(p, 'Escalations')).toBeVisible() },
  {
    name: 'escalations list with an immediate-risk escalation',
    hash: '#/escalations',
    seed: seedEscalations,
    ready: async (p) =>
      expect(p.getByTestId('escalations-table').locator('tbody tr').first()).toContainText('Immediate risk'),
  },
  {
    name: 'new escalation with errors shown and immediate risk ticked',
    hash: '#/escalations/new',
    ready: async (p) => {
      await p.getByLabel('Other', { exact: true }).check();
      await p.getByLabel('Child at immediate risk of significant harm').check();
      await p.getByRole('button', { name: 'Start the escalation' }).click();
      await expect(p.getByRole('link', { name: 'Enter the child’s or family’s name' })).toBeVisible();
    },
  },
  {
    name: 'escalation page with its stages, forms and actions',
    hash: '#/escalations/2',
    seed: seedEscalations,
    ready: async (p) => expect(p.getByTestId('actions-table')).toContainText('Joint visit'),
  },
  ...(
    [
      ['respond', 'Change the response at stage 1'],
      ['escalate', 'Escalate to stage 2: Written confirmation'],
      ['close', 'Close the escalation'],
      ['add-action', 'Add an action'],
    ] as const
  ).map(([action, heading]) => ({
    name: `escalation page's ${action} form`,
    hash: `#/escalations/2?action=${action}`,
    seed: seedEscalations,
    ready: async (p: Page) => expect(p.getByRole('heading', { level: 2, name: heading })).toBeFocused(),
  })),
  {
    name: 'agency returns for a period',
    hash: '#/escalations/returns?from=2026-03-01&to=2026-03-31',
    seed: seedEscalations,
    ready: async (p) => expect(p.getByRole('row', { name: /Humber Police/ })).toContainText('Repeat non-attendance'),
  },
  {
    name: 'one agency’s return, part sent',
    hash: '#/escalations/returns/1?from=2026-03-01&to=2026-03-31',
    seed: seedEscalations,
    ready: async (p) => expect(p.getByTestId('appendix-3-table')).toContainText('19 March 2026'),
  },
  {
    name: 'settings with a protocol copied to adjust and refused',
    hash: '#/settings',
    ready: async (p) => {
      await p.getByRole('button', { name: 'Copy and adjust' }).click();
      await p.getByLabel('Stage 1 limit in working days').fill('0');
      await p.getByRole('button', { name: 'Save the protocol' }).click();
      await expect(p.getByRole('link', { name: 'The limit must be at least 1 working day' })).toBeVisible();
    },
  },
  {
    name: 'letters and forms',
    hash: '#/letters',
    ready: async (p) => expect(p.getByText('No forms or letters have been made yet.')).toBeVisible(),
  },
  {
    name: 'letters and forms with a preview naming what stops each document',
    hash: '#/letters',
    seed: seedEscalations,
    ready: async (p) => {
      await previewMarchReturns(p);
      await expect(p.getByTestId('plan-table')).toContainText('Enter the review unit’s email address in Settings');
    },
  },
  {
    name: 'letters and forms after a batch, with what was written and the recent documents',
    hash: '#/letters',
    seed: seedEscalationsAndUnitEmail,
    ready: async (p) => {
      await previewMarchReturns(p);
      await p.getByRole('button', { name: 'Generate 1 document' }).click();
      await expect(p.getByTestId('batch-summary')).toContainText('Wrote 1 of 1 document');
      await expect(p.getByTestId('recent-documents')).toContainText('Humber Police');
    },
  },
  {
    name: 'export for a safeguarding lead with its plan and a refused export',
    hash: '#/letters/export',
    seed: seedEscalationsAndUnitEmail,
    ready: async (p) => {
      await p.getByLabel('Agency', { exact: true }).selectOption({ label: 'Humber Police' });
      await fillMarch(p);
      await p.getByRole('button', { name: 'Preview the export' }).click();
      await expect(p.getByTestId('export-plan')).toContainText('Dana Reeve');
      await p.getByRole('button', { name: 'Make the export' }).click();
      await expect(p.getByRole('link', { name: 'Enter why the records are being shared' })).toBeVisible();
    },
  },
  {
    name: 'sharing log with an export',
    hash: '#/letters/sharing-log',
    seed: async (app) => {
      await seedEscalationsAndUnitEmail(app);
      await app.register.exports.run({
        agencyId: 1,
        from: '2026-03-01',
        to: '2026-03-31',
        folder: join(app.documentsDir, 'Exports'),
        format: 'zip',
        initialsOnly: true,
        password: null,
        purpose: 'Quarterly review',
        emailDraft: false,
      });
    },
    ready: async (p) => expect(p.getByRole('row', { name: /Humber Police/ })).toContainText('Quarterly review'),
  },
  {
    name: 'reports with the attendance report shown',
    hash: '#/reports',
    ready: async (p) => {
      await expect(h1(p, 'Reports')).toBeVisible();
      await expect(p.getByTestId('report-results')).toHaveAttribute('aria-busy', 'false');
    },
  },
  {
    name: 'chair’s screen with reasons over the limit, refused and kept in their box',
    hash: '#/conferences/1/children/1',
    seed: seedLiveConference,
    ready: async (p) => {
      await expect(p.getByTestId('chair-screen-ready')).toBeVisible();
      await p.getByRole('textbox', { name: 'Reasons given by Humber Police for Amy' }).fill('x'.repeat(20_001));
      await expect(p.getByTestId('reasons-1-1-count')).toHaveText('You have 1 character too many');
      await expect(p.getByRole('link', { name: 'Reasons must be 20,000 characters or fewer' })).toBeVisible();
    },
  },
  {
    name: 'settings asking before unsaved changes are left',
    hash: '#/settings',
    ready: async (p) => {
      await p.getByLabel('Partnership name').fill('Northtown Safeguarding Children Partnership');
      await p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Agencies' }).click();
      await expect(p.getByText('You have unsaved changes')).toBeVisible();
    },
  },
];

for (const screen of SCREENS) {
  test(`${screen.name} has no serious or critical accessibility violations`, async ({ app, page }) => {
    await seed(app);
    await screen.seed?.(app);
    await page.goto(`${app.url}${screen.hash}`);
    await expect(page.getByRole('banner')).toContainText('Safeguarding Children Partnership');
    await screen.ready(page);

    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const described = blocking.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(blocking, `axe violations on ${screen.name}: ${described.join('; ')}`).toEqual([]);
  });
}
