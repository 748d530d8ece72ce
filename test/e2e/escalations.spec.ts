import type { Locator, Page } from '@playwright/test';
import { formatLongDate } from '../../shared/dates';
import { openEscalationInputSchema, IMMEDIATE_RISK_GUIDANCE } from '../../shared/schemas/escalation';
import { expect, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

/**
 * Escalations through the screens: agency non-attendance flagged from the chair's screen and
 * found in the agency's Appendix 3 return; a practitioner escalation through the Kirklees
 * stages with each due date; immediate risk at the top of the list; and refused input.
 */

async function fillDate(group: Locator, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

async function seedAgencies(app: AppUnderTest) {
  const school = await app.register.agencies.create(
    agencyInputSchema.parse({ name: 'Primary School', type: 'education' }),
  );
  const csc = await app.register.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  return { school, csc };
}

/** Fills the New escalation form, up to (not including) submitting it. */
async function fillNewEscalation(page: Page, subject: string, openedOn: string): Promise<void> {
  await page.getByLabel('Child’s or family’s name').fill(subject);
  await page.getByLabel('Agency escalating').selectOption({ label: 'Primary School' });
  await page.getByLabel('Agency challenged').selectOption({ label: 'Children’s Social Care' });
  await page.getByLabel('Referral decision').check();
  await page.getByLabel('Details of the difference').fill('Referral not accepted despite disclosures');
  await page.getByLabel('Outcome sought').fill('A strategy discussion');
  await fillDate(page.getByRole('group', { name: 'Date of initial escalation' }), openedOn);
  await page.getByRole('group', { name: 'Escalated by', exact: true }).getByLabel('Name').fill('Synthetic DSL');
}

test('a chair flags an agency’s non-attendance; the administrator finds it in the agency’s return and marks it sent', async ({
  app,
  page,
}) => {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const police = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'Humberside Police',
      type: 'police',
      leadName: 'Dana Reeve',
      leadEmail: 'dana.reeve@police.example',
    }),
  );
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2025-12-19',
      time: '10:00',
      venue: 'Civic Centre, room 1',
      chairName: 'Sam Okafor',
      family: { name: 'Alpha' },
      newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    }),
  );
  for (const agency of [csc, police]) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: agency.id,
      representativeName: `Rep of ${agency.name}`,
      representativeRole: 'Practitioner',
    });
  }

  // Escalations about agencies are raised from the chair's Attendance step.
  await page.goto(`${app.url}#/conferences/${conference.id}/attendance`);
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  const section = page.getByRole('region', { name: 'Escalate to agency safeguarding leads' });
  await expect(section).toContainText('Attendance and reports suggest nothing to escalate.');
  await page
    .getByRole('region', { name: 'Attendance' })
    .getByRole('group', { name: /^Humberside Police/ })
    .getByLabel('Did not attend')
    .check();
  await section.getByRole('button', { name: 'Escalate Humberside Police: did not attend' }).click();
  await expect(section.getByTestId('agency-escalation-message')).toContainText(
    'Escalated: Humberside Police, did not attend',
  );
  await expect(section.getByTestId('escalations-raised')).toContainText('Humberside Police: Did not attend');
  await expect(section.getByRole('button', { name: /^Escalate Humberside Police/ })).toHaveCount(0);

  // The administrator: Escalations → Agency returns → December 2025 → the police.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Escalations' }).click();
  await page.getByRole('link', { name: 'Agency returns (Appendix 3)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agency returns (Appendix 3)' })).toBeVisible();
  await fillDate(page.getByRole('group', { name: 'From' }), '2025-12-01');
  await fillDate(page.getByRole('group', { name: 'To' }), '2025-12-31');
  await page.getByRole('button', { name: 'Show returns' }).click();
  const summaryRow = page.getByRole('row', { name: /Humberside Police/ });
  await expect(summaryRow).toContainText('Dana Reeve');
  await summaryRow.getByRole('link', { name: 'Humberside Police' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Return: Humberside Police');
  const table = page.getByTestId('appendix-3-table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Date of meeting',
    'Family name or identifying factors',
    'CP chair',
    'Agency',
    'Name of agency rep',
    'Reason for escalation',
    // The last column holds each row's Withdraw button (its header is for screen readers).
    'Withdraw',
  ]);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '19 December 2025',
    'Alpha',
    'Sam Okafor',
    'Humberside Police',
    'Rep of Humberside Police',
    'Did not attend',
    'Withdraw the escalation of 19 December 2025, Alpha, Did not attend',
  ]);

  await expect(page.getByLabel('Sent to')).toHaveValue('Dana Reeve');
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByText('Return marked as sent')).toBeVisible();
  await expect(page.getByTestId('returns-sent')).toContainText('to Dana Reeve');
  await expect(page.getByRole('status')).toContainText('0 not yet sent');
  await expect(page.getByRole('button', { name: 'Mark as sent' })).toHaveCount(0);

  // The lead answers: the response is kept with the return.
  await page.getByRole('textbox', { name: 'The agency’s response' }).fill('Staffing gap; cover arranged');
  await page.getByRole('button', { name: 'Record the response' }).click();
  await expect(page.getByTestId('returns-sent')).toContainText('Staffing gap; cover arranged');
});

test('a practitioner escalation moves from stage 1 to stage 5 of the Kirklees protocol, each due date shown', async ({
  app,
  page,
}) => {
  await seedAgencies(app);
  const calc = async (date: string) =>
    (await app.register.calendar.calculate({ date, days: 5, direction: 'add' })).date;
  const openedOn = '2026-01-05';

  await page.goto(`${app.url}#/escalations`);
  await page.getByRole('button', { name: 'Start an escalation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start an escalation' })).toBeVisible();
  await fillNewEscalation(page, 'Zoë Alpha', openedOn);
  await page.getByRole('button', { name: 'Start the escalation' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Alpha' })).toBeVisible();
  await expect(page.getByText('Kirklees KSCP: resolving professional disagreement (version 1)')).toBeVisible();
  let due = await calc(openedOn);
  await expect(page.getByTestId('stage-1-due')).toHaveText(formatLongDate(due));

  const names = [
    'Written confirmation',
    'Line manager or safeguarding lead',
    'Manager discussion with counterpart',
    'Head of Service',
  ];
  for (const [i, name] of names.entries()) {
    const next = i + 2;
    await page.getByRole('button', { name: `Escalate to stage ${next}` }).click();
    const form = page.getByRole('form', { name: `Escalate to stage ${next}: ${name}` });
    // Escalated on the day the stage fell due.
    const on = due;
    await fillDate(form.getByRole('group', { name: 'Date of the escalation' }), on);
    await form.getByRole('group', { name: 'Escalated by', exact: true }).getByLabel('Name').fill(`Escalator ${next}`);
    await form.getByRole('group', { name: 'Escalated to', exact: true }).getByLabel('Name').fill(`Receiver ${next}`);
    await form.getByRole('button', { name: `Escalate to stage ${next}` }).click();
    await expect(page.getByText(`Escalated to stage ${next}: ${name}`).first()).toBeVisible();
    due = await calc(on);
    await expect(page.getByTestId(`stage-${next}-due`)).toHaveText(formatLongDate(due));
    await expect(page.getByTestId(`stage-${next}`)).toContainText(`Opened${formatLongDate(on)}`);
  }
  await expect(page.getByTestId('stage-5')).toContainText('Formal record');
  await expect(page.getByTestId('stage-4')).toContainText(
    `Closed${formatLongDate(await calc(await calc(await calc(await calc(openedOn)))))}`,
  );
  await page.getByRole('button', { name: 'Escalate to stage 6' }).click();
  await expect(page.getByRole('form', { name: /^Escalate to stage 6: KSCP Business Unit Manager/ })).toBeVisible();
});

test('the child’s gender, ethnicity and SEND are chosen from the Croydon form’s lists and shown by their labels', async ({
  app,
  page,
}) => {
  await seedAgencies(app);
  await page.goto(`${app.url}#/escalations/new`);
  await fillNewEscalation(page, 'Zoë Alpha', '2026-01-05');
  const gender = page.getByLabel('Gender', { exact: true });
  const ethnicity = page.getByLabel('Ethnicity', { exact: true });
  const send = page.getByLabel('Special educational needs and disabilities (SEND)');
  for (const select of [gender, ethnicity, send]) {
    await expect(select).toHaveRole('combobox');
    await expect(select).toHaveValue('');
    await expect(select.locator('option').first()).toHaveText('Not recorded');
  }
  await expect(ethnicity.locator('option')).toHaveCount(21);
  // Chosen from the keyboard: focus the list and type the start of an option's label.
  await gender.focus();
  await page.keyboard.type('Unborn');
  await expect(gender).toHaveValue('unborn');
  await ethnicity.selectOption({ label: 'White and Asian' });
  await send.selectOption({ label: 'Education, health and care (EHC) plan' });
  await page.getByRole('button', { name: 'Start the escalation' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Alpha' })).toBeVisible();
  const summaryValue = (key: string) =>
    page
      .locator('.govuk-summary-list__row')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) })
      .locator('dd');
  await expect(summaryValue('Gender')).toHaveText('Unborn child');
  await expect(summaryValue('Ethnicity')).toHaveText('White and Asian');
  await expect(summaryValue('SEND')).toHaveText('Education, health and care (EHC) plan');
  const [stored] = await app.register.escalations.list({ overdueOnly: false });
  expect(stored && (await app.register.escalations.get(stored.id))).toMatchObject({
    subjectGender: 'unborn',
    subjectEthnicity: 'MWAS',
    subjectSend: 'ehc-plan',
  });
});

test('an immediate-risk escalation jumps to the top of the Escalations list, in red, with the guidance', async ({
  app,
  page,
}) => {
  const { school, csc } = await seedAgencies(app);
  for (const [subject, openedOn] of [
    ['Ordinary One', '2026-01-05'],
    ['Ordinary Two', '2026-01-06'],
  ] as const) {
    await app.register.escalations.open(
      openEscalationInputSchema.parse({
        subjectName: subject,
        initiatingAgencyId: school.id,
        challengedAgencyId: csc.id,
        natures: ['information-sharing'],
        details: 'Details',
        outcomeSought: 'Outcome',
        openedOn,
        escalatedBy: { name: 'Synthetic DSL', title: null, agency: null },
      }),
    );
  }

  await page.goto(`${app.url}#/escalations/new`);
  await fillNewEscalation(page, 'Urgent Case', '2026-02-02');
  await expect(page.getByTestId('immediate-risk-guidance')).toHaveCount(0);
  await page.getByLabel('Child at immediate risk of significant harm').check();
  await expect(page.getByTestId('immediate-risk-guidance')).toContainText(IMMEDIATE_RISK_GUIDANCE);
  await page.getByRole('button', { name: 'Start the escalation' }).click();
  await expect(page.getByTestId('immediate-risk')).toContainText('Immediate risk');
  // Due the same working day: 2 February 2026 is a Monday.
  await expect(page.getByTestId('stage-1-due')).toHaveText('Monday 2 February 2026');

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Escalations' }).click();
  const rows = page.getByTestId('escalations-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Urgent Case');
  await expect(rows.first().getByText('Immediate risk')).toHaveClass(/govuk-tag--red/);
  await expect(rows.first()).toHaveClass(/app-immediate-risk/);
  await expect(rows.nth(1)).not.toHaveClass(/app-immediate-risk/);
  await expect(page.getByText(IMMEDIATE_RISK_GUIDANCE)).toBeVisible();
});

test('refused input: a stage cannot close before it opened; an action cannot be due before it was agreed', async ({
  app,
  page,
}) => {
  const { school, csc } = await seedAgencies(app);
  const escalation = await app.register.escalations.open(
    openEscalationInputSchema.parse({
      subjectName: 'Zoë Alpha',
      initiatingAgencyId: school.id,
      challengedAgencyId: csc.id,
      natures: ['referral-decision'],
      details: 'Details',
      outcomeSought: 'Outcome',
      openedOn: '2026-01-05',
      escalatedBy: { name: 'Synthetic DSL', title: null, agency: null },
    }),
  );

  await page.goto(`${app.url}#/escalations/${escalation.id}?action=escalate`);
  const form = page.getByRole('form', { name: 'Escalate to stage 2: Written confirmation' });
  await fillDate(form.getByRole('group', { name: 'Date of the escalation' }), '2026-01-02');
  await form.getByRole('group', { name: 'Escalated by', exact: true }).getByLabel('Name').fill('Synthetic DSL');
  await form.getByRole('group', { name: 'Escalated to', exact: true }).getByLabel('Name').fill('Team manager');
  await form.getByRole('button', { name: 'Escalate to stage 2' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  const stageLink = summary.getByRole('link', { name: /A stage cannot close before it opened/ });
  await expect(stageLink).toBeVisible();
  await stageLink.click();
  await expect(form.getByRole('group', { name: /Date of the escalation/ }).getByLabel('Day')).toBeFocused();
  await expect(page.getByTestId('stage-2')).toHaveCount(0);

  await form.getByRole('link', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Add an action' }).click();
  const actions = page.getByRole('form', { name: 'Add an action' });
  await actions.getByLabel('What').fill('Joint visit');
  await actions.getByLabel('By whom').fill('Team manager');
  await fillDate(actions.getByRole('group', { name: 'Agreed on' }), '2026-01-10');
  await fillDate(actions.getByRole('group', { name: /Complete by/ }), '2026-01-08');
  await actions.getByRole('button', { name: 'Add the action' }).click();
  await expect(summary.getByRole('link', { name: 'A completion date cannot precede the action' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Add an action: /);
  await actions.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByTestId('actions-table')).toHaveCount(0);
});
