import type { Locator, Page } from '@playwright/test';
import { formatLongDate } from '../../shared/dates';
import { expect, fromToday, goToChairStep, openChairScreen, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

/**
 * The chair's screen, driven as a chair would in the room. The agencies, the conference and
 * its invitations are set up through the register's services; everything the chair does
 * (attendance, views, reasons, decisions, reconvening) goes through the screen.
 */

interface Seeded {
  conferenceId: number;
  children: { id: number; givenName: string }[];
  agencies: Record<'csc' | 'health' | 'police' | 'school', number>;
}

async function seed(app: AppUnderTest, options: { date?: string; children?: number } = {}): Promise<Seeded> {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const health = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Health Visiting', type: 'health', quoracyGroup: 'Health' }),
  );
  const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Humberside Police', type: 'police' }));
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' }));
  const newChildren = [
    { givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' },
    { givenName: 'Łukasz', familyName: 'Alpha', dateOfBirth: '2020-06-01' },
  ].slice(0, options.children ?? 2);
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: options.date ?? '2025-12-19',
      time: '10:00',
      venue: 'Civic Centre, room 1',
      chairName: 'Sam Okafor',
      family: { name: 'Alpha' },
      newChildren,
    }),
  );
  for (const agency of [csc, health, police, school]) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: agency.id,
      representativeName: `Rep of ${agency.name}`,
      representativeRole: 'Practitioner',
    });
  }
  return {
    conferenceId: conference.id,
    children: conference.children.map((c) => ({ id: c.id, givenName: c.givenName })),
    agencies: { csc: csc.id, health: health.id, police: police.id, school: school.id },
  };
}

const AGENCY = {
  csc: 'Children’s Social Care',
  health: 'Health Visiting',
  police: 'Humberside Police',
  school: 'Primary School',
} as const;
type AgencyKey = keyof typeof AGENCY;

/** Shows a step of the chair's screen (by its name in the step list) unless it is shown already. */
async function showStep(page: Page, name: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Conference steps' }).getByRole('link', { name, exact: true });
  if ((await link.getAttribute('aria-current')) !== 'step') await goToChairStep(page, name);
}

/** The Attendance step's section, the step shown first. */
async function attendanceStep(page: Page): Promise<Locator> {
  await showStep(page, 'Attendance');
  return page.getByRole('region', { name: 'Attendance' });
}

/** A child's step's section (the child's name as in the step list), the step shown first. */
async function childStep(page: Page, name: string): Promise<Locator> {
  await showStep(page, name);
  return page.getByRole('region', { name: new RegExp(name) });
}

/** The Invitations and reports step's section, the step shown first. */
async function beforeStep(page: Page): Promise<Locator> {
  await showStep(page, 'Invitations and reports');
  return page.getByRole('region', { name: 'Invitations and reports' });
}
const viewGroup = (section: Locator, agency: AgencyKey) =>
  section.getByRole('group', { name: new RegExp(`^${AGENCY[agency]}.*view for`) });
const reasonsBox = (section: Locator, agency: AgencyKey) =>
  section.getByRole('textbox', { name: new RegExp(`^Reasons given by ${AGENCY[agency]}`) });

async function markAllAttended(page: Page): Promise<void> {
  for (const name of Object.values(AGENCY)) {
    await (
      await attendanceStep(page)
    )
      .getByRole('group', { name: new RegExp(`^${name}`) })
      .getByLabel('Attended')
      .check();
  }
}

async function giveViews(section: Locator, views: Partial<Record<AgencyKey, 'plan' | 'no-plan'>>): Promise<void> {
  for (const [agency, view] of Object.entries(views) as [AgencyKey, 'plan' | 'no-plan'][]) {
    await viewGroup(section, agency)
      .getByLabel(view === 'plan' ? 'Needs a plan' : 'Does not need a plan')
      .check();
  }
}

test('a chair runs an initial conference for two children: 3–1, then 2–2 adjourned and reconvened to a majority', async ({
  app,
  page,
}) => {
  // The whole conference, two children and a reconvened conference, in one test.
  test.slow();
  const { conferenceId, children, agencies } = await seed(app);
  const [zoe, lukasz] = children;
  if (!zoe || !lukasz) throw new Error('two children expected');
  // 15 working days after Friday 19 December 2025, skipping Christmas, Boxing Day and New Year.
  const reconveneBy = (await app.register.calendar.calculate({ date: '2025-12-19', days: 15, direction: 'add' })).date;
  expect(formatLongDate(reconveneBy)).toBe('Wednesday 14 January 2026');

  await openChairScreen(page, app, conferenceId);
  const panel = page.getByTestId('status-panel');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Initial conference');
  await expect(page.getByText('Friday 19 December 2025 at 10:00')).toBeVisible();
  await expect(panel.getByText('Not quorate')).toBeVisible();

  await markAllAttended(page);
  await expect(panel.getByText('Quorate', { exact: true })).toBeVisible();
  await expect(panel).toContainText('Counting: Children’s social care;');
  await expect(panel).toContainText('Health (Health Visiting)');

  // Zoë: three agencies for a plan, the school against.
  const first = await childStep(page, 'Zoë Alpha');
  await expect(first.getByRole('heading', { level: 2 })).toContainText('born 1 April 2018');
  await giveViews(first, { csc: 'plan', health: 'plan', police: 'plan', school: 'no-plan' });
  await reasonsBox(first, 'csc').fill('Neglect evidenced over six months');
  await expect(panel).toContainText('Zoë AlphaMajority: plan (3–1)');
  await expect(reasonsBox(first, 'school')).toHaveAccessibleDescription(
    /Record the concerns and reasons of the minority view/,
  );

  // The minority's reasons are required: the error summary names the agency and links to its reasons.
  await first.getByRole('radio', { name: 'Neglect' }).check();
  await first.getByRole('button', { name: 'Record decision for Zoë' }).click();
  const summary = page.getByRole('alert');
  const link = summary.getByRole('link', {
    name: 'Record the concerns and reasons of the minority view: Primary School',
  });
  await expect(link).toBeVisible();
  expect((await app.register.live.get(conferenceId)).children[0]?.recorded).toBeNull();
  await link.click();
  await expect(reasonsBox(first, 'school')).toBeFocused();
  await page.keyboard.type('Attendance at school has improved');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Nothing is lost on a reload: views and reasons are in the register.
  await expect
    .poll(async () => (await app.register.live.get(conferenceId)).children[0]?.views.map((v) => [v.view, v.reasons]))
    .toEqual(
      expect.arrayContaining([
        ['plan', 'Neglect evidenced over six months'],
        ['no-plan', 'Attendance at school has improved'],
      ]),
    );
  await page.reload();
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  await expect(viewGroup(first, 'school').getByLabel('Does not need a plan')).toBeChecked();
  await expect(viewGroup(first, 'police').getByLabel('Needs a plan')).toBeChecked();
  await expect(reasonsBox(first, 'csc')).toHaveValue('Neglect evidenced over six months');
  await expect(reasonsBox(first, 'school')).toHaveValue('Attendance at school has improved');
  // The reload keeps the step (its own route); attendance is on its step.
  await expect(page).toHaveURL(new RegExp(`#/conferences/${conferenceId}/children/${zoe.id}$`));
  await expect(
    (await attendanceStep(page)).getByRole('group', { name: /^Primary School/ }).getByLabel('Attended'),
  ).toBeChecked();
  await expect(panel).toContainText('Majority: plan (3–1)');

  await childStep(page, 'Zoë Alpha');
  await first.getByRole('radio', { name: 'Neglect' }).check();
  await first.getByRole('button', { name: 'Record decision for Zoë' }).click();
  const zoeDecision = first.getByTestId(`decision-${zoe.id}`);
  await expect(zoeDecision).toContainText('Child protection plan');
  await expect(zoeDecision).toContainText('Neglect');
  await expect(zoeDecision).toContainText('Majority view (3 for, 1 against)');
  await expect(page.getByRole('heading', { name: 'Decision recorded for Zoë' })).toBeFocused();
  await expect(first.getByRole('radio')).toHaveCount(0);
  await expect(panel).toContainText('Recorded: Child protection plan – Neglect');

  // Łukasz: equally divided, so the conference adjourns and he is made subject to a plan meanwhile.
  const second = await childStep(page, 'Łukasz Alpha');
  await giveViews(second, { csc: 'plan', health: 'plan', police: 'no-plan', school: 'no-plan' });
  await expect(panel).toContainText(
    `Equally divided (2–2): adjourn – reconvene by ${formatLongDate(reconveneBy)}, Łukasz is made subject to a plan meanwhile`,
  );
  // Made subject to a plan pending the reconvened meeting: the category may be recorded with the adjournment.
  const interimCategory = second.getByRole('group', {
    name: 'Category of abuse for Łukasz’s plan meanwhile (optional)',
  });
  await expect(interimCategory).toBeVisible();
  await interimCategory.getByLabel('Emotional abuse').check();
  await second.getByRole('button', { name: 'Record decision for Łukasz' }).click();
  // The conference adjourns: what is offered next is scheduling the reconvened conference, on
  // the Decisions step, with focus on the form's heading.
  await expect(page).toHaveURL(new RegExp(`#/conferences/${conferenceId}/reconvene$`));
  await expect(page.getByRole('heading', { name: /^Adjourned: reconvene by/ })).toBeFocused();
  await expect(page.getByTestId(`decision-summary-line-${lukasz.id}`)).toContainText('Adjourned');
  expect((await app.register.live.get(conferenceId)).children[1]?.recorded).toMatchObject({
    decision: 'adjourned',
    interimPlan: true,
    category: 'EMO',
  });
  await expect(page.getByTestId('conference-status')).toHaveText('Adjourned');
  const adjourned = page.getByTestId('adjourned-panel');
  await expect(adjourned).toContainText('Adjourned: reconvene by Wednesday 14 January 2026');
  await expect(adjourned).toContainText('Łukasz is made subject to a plan meanwhile');
  // Łukasz's step keeps the decision as recorded.
  await childStep(page, 'Łukasz Alpha');
  await expect(second.getByTestId(`decision-${lukasz.id}`)).toContainText('Adjourned');
  await expect(second.getByTestId(`decision-${lukasz.id}`)).toContainText('Emotional abuse');
  await expect(second.getByTestId(`decision-${lukasz.id}`)).toContainText('Wednesday 14 January 2026');
  await showStep(page, 'Decisions');

  // Schedule the reconvened conference from the page.
  const when = adjourned.getByRole('group', { name: 'Date of the reconvened conference' });
  await when.getByLabel('Day').fill('12');
  await when.getByLabel('Month').fill('1');
  await when.getByLabel('Year').fill('2026');
  await adjourned.getByLabel('Start time').fill('14:00');
  await adjourned.getByLabel('Venue').fill('Civic Centre, room 2');
  await adjourned.getByRole('button', { name: 'Schedule reconvened conference' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Reconvened conference');
  await expect(page.getByRole('alert')).toContainText('Reconvened conference scheduled');
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  await expect(page.getByText('Monday 12 January 2026 at 14:00', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the adjourned conference' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Children considered' }).getByRole('listitem')).toHaveText([
    'Łukasz Alpha',
  ]);

  // At the reconvened conference the agencies are consulted again: 3–1 for a plan.
  await markAllAttended(page);
  const again = await childStep(page, 'Łukasz Alpha');
  await giveViews(again, { csc: 'plan', health: 'plan', school: 'plan', police: 'no-plan' });
  await reasonsBox(again, 'police').fill('Still no evidence of harm to him');
  await expect(page.getByTestId('status-panel')).toContainText('Majority: plan (3–1)');
  await again.getByRole('radio', { name: 'Emotional abuse' }).check();
  await again.getByRole('button', { name: 'Record decision for Łukasz' }).click();
  const decision = again.getByTestId(`decision-${lukasz.id}`);
  await expect(decision).toContainText('Child protection plan');
  await expect(decision).toContainText('Majority view (3 for, 1 against)');
  await expect(decision).toContainText('Emotional abuse');
  await expect(page.getByTestId('conference-status')).toHaveText('Concluded');

  const reconvened = (await app.register.live.get(conferenceId)).conference.reconvenedById;
  expect(reconvened).not.toBeNull();
  const final = await app.register.live.get(reconvened ?? 0);
  expect(final.children[0]?.recorded).toMatchObject({ result: 'majority', decision: 'plan', category: 'EMO' });
  expect(final.children[0]?.initialCategory).toBe('EMO');
  expect((await app.register.live.get(conferenceId)).conference.status).toBe('adjourned');
  expect(agencies.csc).toBeGreaterThan(0);
});

test('an inquorate conference cannot decide until the chair records why it goes ahead', async ({ app, page }) => {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const visiting = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Health Visiting', type: 'health', quoracyGroup: 'Health' }),
  );
  const nursing = await r.agencies.create(
    agencyInputSchema.parse({ name: 'School Nursing', type: 'health', quoracyGroup: 'Health' }),
  );
  const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Humberside Police', type: 'police' }));
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-09',
      time: '10:00',
      venue: 'Online',
      chairName: 'Sam Okafor',
      family: { name: 'Beta' },
      newChildren: [{ givenName: 'Amir', familyName: 'Beta', dateOfBirth: '2019-02-03' }],
    }),
  );
  for (const a of [csc, visiting, nursing, police]) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: a.id,
      representativeName: null,
      representativeRole: null,
    });
  }

  await openChairScreen(page, app, conference.id);
  for (const name of ['Children’s Social Care', 'Health Visiting', 'School Nursing']) {
    await (
      await attendanceStep(page)
    )
      .getByRole('group', { name: new RegExp(`^${name}`) })
      .getByLabel('Attended')
      .check();
  }
  await (
    await attendanceStep(page)
  )
    .getByRole('group', { name: /^Humberside Police/ })
    .getByLabel('Apologies, report sent')
    .check();
  const panel = page.getByTestId('status-panel');
  await expect(panel.getByText('Not quorate')).toBeVisible();
  await expect(panel).toContainText('1 more agency (other than children’s social care) must attend.');
  await expect(panel).toContainText('Counting: Children’s social care; Health (Health Visiting, School Nursing).');
  await expect(page.getByTestId('quoracy-warning')).toContainText('The conference is not quorate.');

  const child = await childStep(page, 'Amir Beta');
  await expect(child.getByRole('group')).toHaveCount(3);
  await expect(child).toContainText('No view from Humberside Police (apologies, report sent).');
  for (const name of ['Children’s Social Care', 'Health Visiting', 'School Nursing']) {
    await child
      .getByRole('group', { name: new RegExp(`^${name}`) })
      .getByLabel('Needs a plan')
      .check();
  }
  await child.getByRole('radio', { name: 'Physical abuse' }).check();
  await child.getByRole('button', { name: 'Record decision for Amir' }).click();
  const link = page.getByRole('alert').getByRole('link', { name: /The conference is not quorate/ });
  await expect(link).toBeVisible();
  await link.click();
  const reason = page.getByLabel('Why the conference goes ahead without a quorum');
  await expect(reason).toBeFocused();
  await reason.fill('The police report is detailed and delay would leave Amir at risk over the holiday');
  await childStep(page, 'Amir Beta');
  await child.getByRole('button', { name: 'Record decision for Amir' }).click();
  await expect(child.getByTestId(/^decision-/)).toContainText('Child protection plan');
  await expect(child.getByTestId(/^decision-/)).toContainText('Physical abuse');
  expect((await r.live.get(conference.id)).conference.inquorateReason).toBe(
    'The police report is detailed and delay would leave Amir at risk over the holiday',
  );
});

test('one child’s views are copied to a sibling, reasons and all', async ({ app, page }) => {
  const { conferenceId, children, agencies } = await seed(app);
  const [, lukasz] = children;
  for (const id of Object.values(agencies)) await app.register.live.setAttendance(conferenceId, id, 'attended');
  await openChairScreen(page, app, conferenceId);

  const first = await childStep(page, 'Zoë Alpha');
  await expect(first.getByRole('button', { name: 'Copy Zoë’s views to Łukasz' })).toHaveCount(0);
  await giveViews(first, { csc: 'plan', health: 'plan', police: 'no-plan' });
  await reasonsBox(first, 'police').fill('No injuries seen');
  await reasonsBox(first, 'police').blur();
  await first.getByRole('button', { name: 'Copy Zoë’s views to Łukasz' }).click();
  const second = await childStep(page, 'Łukasz Alpha');

  await expect(viewGroup(second, 'csc').getByLabel('Needs a plan')).toBeChecked();
  await expect(viewGroup(second, 'health').getByLabel('Needs a plan')).toBeChecked();
  await expect(viewGroup(second, 'police').getByLabel('Does not need a plan')).toBeChecked();
  await expect(viewGroup(second, 'school').getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(reasonsBox(second, 'police')).toHaveValue('No injuries seen');
  await expect(page.getByTestId('status-panel')).toContainText('Łukasz AlphaMajority: plan (2–1)');
  expect((await app.register.live.get(conferenceId)).children.find((c) => c.id === lukasz?.id)?.views).toHaveLength(3);

  // The copy is the sibling's own: changing it leaves the first child's views alone.
  await viewGroup(second, 'police').getByLabel('Needs a plan').check();
  await expect(page.getByTestId('status-panel')).toContainText('Łukasz AlphaUnanimous: plan (3–0)');
  await expect(page.getByTestId('status-panel')).toContainText('Zoë AlphaMajority: plan (2–1)');
});

test('at 1280×720 the status panel stays in view while the chair works on the second child', async ({ app, page }) => {
  const { conferenceId, agencies } = await seed(app);
  for (const id of Object.values(agencies)) await app.register.live.setAttendance(conferenceId, id, 'attended');
  await openChairScreen(page, app, conferenceId);
  expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });

  const second = await childStep(page, 'Łukasz Alpha');
  const firstRadio = viewGroup(second, 'school').getByLabel('Does not need a plan');
  await firstRadio.focus();
  await expect(firstRadio).toBeFocused();
  await expect(firstRadio).toBeInViewport();
  await expect(page.getByTestId('status-panel')).toBeInViewport();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status-panel')).toContainText('Łukasz AlphaUnanimous: no plan (1–0)');
  await expect(page.getByTestId('status-panel')).toBeInViewport();

  const record = second.getByRole('button', { name: 'Record decision for Łukasz' });
  await record.focus();
  await expect(record).toBeInViewport();
  await expect(page.getByTestId('status-panel')).toBeInViewport();
});

test('a report is marked received, on time or late, and an agency is invited and removed', async ({ app, page }) => {
  const { conferenceId } = await seed(app, { date: '2025-12-19' });
  await app.register.agencies.create(agencyInputSchema.parse({ name: 'Northfield Housing', type: 'housing' }));
  await openChairScreen(page, app, conferenceId);
  const reports = await beforeStep(page);
  await expect(page.getByText('Reports are due by Wednesday 17 December 2025.')).toBeVisible();

  const policeRow = reports.getByRole('row', { name: /Humberside Police/ });
  await policeRow.getByLabel('Report from Humberside Police').selectOption('Received');
  const received = policeRow.getByRole('group', { name: 'Date received from Humberside Police' });
  await received.getByLabel('Day').fill('18');
  await received.getByLabel('Month').fill('12');
  await received.getByLabel('Year').fill('2025');
  await received.getByLabel('Year').press('Tab');
  await expect(policeRow).toContainText('Received on Thursday 18 December 2025 (late)');
  const schoolRow = reports.getByRole('row', { name: /Primary School/ });
  await schoolRow.getByLabel('Report from Primary School').selectOption('Not received');

  await page.getByText('Invite an agency').click();
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Northfield Housing (Housing)' });
  await page.getByLabel('Representative’s name (optional)').fill('Jo Bell');
  await page.getByLabel('Representative’s role (optional)').fill('Tenancy officer');
  await page.getByRole('button', { name: 'Invite agency' }).click();
  const housing = reports.getByRole('row', { name: /Northfield Housing/ });
  await expect(housing).toContainText('Jo Bell');
  await expect(housing).toContainText('Tenancy officer');
  await expect((await attendanceStep(page)).getByRole('group', { name: /^Northfield Housing/ })).toBeVisible();

  await beforeStep(page);
  await housing.getByRole('button', { name: 'Remove Northfield Housing' }).click();
  await expect(housing).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Invitations and reports' })).toBeFocused();

  await page.reload();
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  await expect(policeRow).toContainText('Received on Thursday 18 December 2025 (late)');
  await expect(schoolRow.getByLabel('Report from Primary School')).toHaveValue('not-received');
  const invitations = (await app.register.live.get(conferenceId)).invitations;
  expect(invitations.map((i) => i.agencyName)).not.toContain('Northfield Housing');
  expect(invitations.find((i) => i.agencyName === 'Humberside Police')).toMatchObject({
    report: 'received',
    reportReceivedOn: '2025-12-18',
    reportTimeliness: 'late',
  });
});

test('under the “chair decides” rule the chair records the decision, with “Multiple” allowed', async ({
  app,
  page,
}) => {
  await app.register.settings.update({ outcomeRule: 'chair', allowMultipleCategory: true });
  const { conferenceId, agencies } = await seed(app, { children: 1 });
  for (const id of Object.values(agencies)) await app.register.live.setAttendance(conferenceId, id, 'attended');
  await openChairScreen(page, app, conferenceId);
  const child = await childStep(page, 'Zoë Alpha');
  await giveViews(child, { csc: 'plan', health: 'no-plan', police: 'plan', school: 'plan' });
  await expect(page.getByTestId('status-panel')).toContainText('The chair decides: 3 for a plan, 1 against');

  const chair = child.getByRole('group', { name: 'The chair’s decision, having heard all views' });
  await chair.getByLabel('Needs a plan').check();
  await expect(reasonsBox(child, 'health')).toHaveAccessibleDescription(/Record the concerns and reasons/);
  await child.getByRole('radio', { name: 'Multiple' }).check();
  await child.getByRole('button', { name: 'Record decision for Zoë' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /minority view: Health Visiting/ })).toBeVisible();
  await reasonsBox(child, 'health').fill('The family are engaging with support');
  await child.getByRole('button', { name: 'Record decision for Zoë' }).click();
  await expect(child.getByTestId(/^decision-/)).toContainText('Chair’s decision after hearing all views');
  await expect(child.getByTestId(/^decision-/)).toContainText('Multiple');
});

test('an inquorate conference is re-dated: attendance is cleared and the invitations kept', async ({ app, page }) => {
  const { conferenceId } = await seed(app, { date: '2026-03-09' });
  await openChairScreen(page, app, conferenceId);
  await (
    await attendanceStep(page)
  )
    .getByRole('group', { name: /^Children’s Social Care/ })
    .getByLabel('Attended')
    .check();
  await (
    await attendanceStep(page)
  )
    .getByRole('group', { name: /^Humberside Police/ })
    .getByLabel('Did not attend')
    .check();
  const warning = page.getByTestId('quoracy-warning');
  await expect(warning).toContainText('The conference is not quorate.');

  await warning.getByRole('button', { name: 'Re-date the conference' }).click();
  await expect(page.getByRole('link', { name: 'Enter the new date' })).toBeVisible();
  const when = warning.getByRole('group', { name: 'New date' });
  await when.getByLabel('Day').fill('16');
  await when.getByLabel('Month').fill('3');
  await when.getByLabel('Year').fill('2026');
  await warning.getByLabel('New start time').fill('11:00');
  await warning.getByRole('button', { name: 'Re-date the conference' }).click();

  await expect(page.getByTestId('redated')).toBeFocused();
  await expect(page.getByTestId('redated')).toContainText('Re-dated to Monday 16 March 2026 at 11:00');
  await expect(page.getByText('Monday 16 March 2026 at 11:00', { exact: true })).toBeVisible();
  await expect((await attendanceStep(page)).getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByTestId('quoracy-warning')).toHaveCount(0);
  const live = await app.register.live.get(conferenceId);
  expect(live.conference).toMatchObject({ date: '2026-03-16', time: '11:00' });
  expect(live.invitations).toHaveLength(4);
});

test('an attending agency recorded as giving no view, with the chair’s reason: the decision waits until every attending agency is consulted', async ({
  app,
  page,
}) => {
  const { conferenceId, children, agencies } = await seed(app, { children: 1 });
  const [zoe] = children;
  if (!zoe) throw new Error('a child expected');
  for (const id of Object.values(agencies)) await app.register.live.setAttendance(conferenceId, id, 'attended');
  await openChairScreen(page, app, conferenceId);
  const child = await childStep(page, 'Zoë Alpha');
  await giveViews(child, { csc: 'plan', health: 'plan' });
  await child.getByRole('radio', { name: 'Neglect' }).check();

  // Every problem at once, beside the button: the two agencies still to consult, by name (in the
  // screen's order of agencies, as the register names them).
  const consult =
    'Every agency that attended is consulted: record Zoë’s view from Primary School and Humberside Police, or record that it gave none and why';
  const problems = child.getByTestId(`decision-problems-${zoe.id}`);
  await expect(problems).toContainText(consult);
  await expect(child.getByRole('button', { name: 'Record decision for Zoë' })).toHaveAccessibleDescription(
    new RegExp(consult),
  );
  await child.getByRole('button', { name: 'Record decision for Zoë' }).click();
  const link = page.getByRole('alert').getByRole('link', { name: consult });
  await expect(link).toBeVisible();
  expect((await app.register.live.get(conferenceId)).children[0]?.recorded).toBeNull();
  await link.click();
  await expect(viewGroup(child, 'school').getByLabel('Needs a plan')).toBeFocused();

  // The police give a view; the school, though it attended, gives none: the chair records why.
  await viewGroup(child, 'police').getByLabel('Needs a plan').check();
  await expect(problems).toContainText('record Zoë’s view from Primary School, or record');
  await viewGroup(child, 'school').getByLabel('Gives no view').check();
  const why = child.getByRole('textbox', { name: 'Why no view is given by Primary School for Zoë' });
  await why.fill('The school has not seen Zoë since the referral');
  await why.blur();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect
    .poll(async () =>
      (await app.register.live.get(conferenceId)).children[0]?.noViews.map(({ agencyId, reason }) => ({
        agencyId,
        reason,
      })),
    )
    .toEqual([{ agencyId: agencies.school, reason: 'The school has not seen Zoë since the referral' }]);
  await expect(problems).toHaveCount(0);
  await expect(page.getByTestId('status-panel')).toContainText('Unanimous: plan (3–0)');

  // Withdrawn, the school is to consult again; recorded again, the decision can be made.
  await child.getByRole('button', { name: 'Withdraw the record of no view from Primary School for Zoë' }).click();
  await expect(problems).toContainText('record Zoë’s view from Primary School, or record');
  await expect.poll(async () => (await app.register.live.get(conferenceId)).children[0]?.noViews).toEqual([]);
  await viewGroup(child, 'school').getByLabel('Gives no view').check();
  await why.fill('The school has not seen Zoë since the referral');
  await why.blur();
  await expect(problems).toHaveCount(0);
  await child.getByRole('button', { name: 'Record decision for Zoë' }).click();
  const decision = child.getByTestId(`decision-${zoe.id}`);
  await expect(decision).toContainText('Unanimous view (3 for, 0 against)');
  await expect(decision.getByRole('row', { name: /Primary School/ })).toContainText(
    'No view givenThe school has not seen Zoë since the referral',
  );
  expect((await app.register.live.get(conferenceId)).children[0]?.recorded).toMatchObject({
    decision: 'plan',
    category: 'NEG',
  });
});

test('a conference dated after today shows attendance and views as not yet open, and still takes reports', async ({
  app,
  page,
}) => {
  const date = fromToday(7);
  const { conferenceId, children } = await seed(app, { date, children: 1 });
  const [zoe] = children;
  if (!zoe) throw new Error('a child expected');
  await openChairScreen(page, app, conferenceId);

  // A conference to come opens at its invitations.
  await expect(page.getByRole('link', { name: 'Invitations and reports', exact: true })).toHaveAttribute(
    'aria-current',
    'step',
  );
  const when = formatLongDate(date);
  await attendanceStep(page);
  await expect(page.getByTestId('attendance-not-open')).toContainText(
    `Attendance and views can be recorded from ${when}, the day of the conference.`,
  );
  await expect((await attendanceStep(page)).getByRole('radio')).toHaveCount(0);
  const child = await childStep(page, 'Zoë Alpha');
  await expect(child).toContainText(`Zoë’s views and decision can be recorded from ${when}`);
  await expect(child.getByRole('radio')).toHaveCount(0);
  await expect(child.getByRole('button', { name: 'Record decision for Zoë' })).toHaveCount(0);

  // Reports and invitations are recorded before the day.
  const reports = await beforeStep(page);
  await reports.getByLabel('Report from Primary School').selectOption('Not received');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(
    (await app.register.live.get(conferenceId)).invitations.find((i) => i.agencyName === 'Primary School')?.report,
  ).toBe('not-received');
});
