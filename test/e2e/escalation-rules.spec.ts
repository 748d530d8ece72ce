import { formatLongDate, localIsoDate } from '../../shared/dates';
import { stageResponseInputSchema, IMMEDIATE_RISK_GUIDANCE } from '../../shared/schemas/escalation';
import { expect, test } from './fixtures';
import { fillDate, openEscalation, seedAgencies, summaryValue } from './escalation-helpers';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

/**
 * The escalation rules as the screens offer them: a stage is escalated only while unresolved;
 * the Kirklees restorative debrief follows resolution with no clock; North Lincolnshire keeps
 * the written record of its Principal Officer review meeting; immediate risk shows the
 * partnership's same-day contact; details are corrected openly; a later start needs a reason.
 */

const today = () => localIsoDate(new Date());

test('after a response that resolves the difference, escalating is not offered: closing it as resolved is', async ({
  app,
  page,
}) => {
  const escalation = await openEscalation(app, await seedAgencies(app));
  await page.goto(`${app.url}#/escalations/${escalation.id}`);
  await expect(page.getByRole('button', { name: 'Escalate to stage 2' })).toBeVisible();

  await page.getByRole('button', { name: 'Record the response' }).click();
  const respond = page.getByRole('form', { name: 'Record the response' });
  await respond.getByRole('group', { name: 'Response from' }).getByLabel('Name', { exact: true }).fill('Team manager');
  await respond.getByLabel('Summary of the response').fill('Strategy discussion arranged for Friday');
  await respond.getByRole('group', { name: 'Did it resolve the difference?' }).getByLabel('Yes').check();
  await respond.getByRole('button', { name: 'Record the response' }).click();
  await expect(page.getByRole('alert')).toContainText('Response recorded at stage 1');
  await expect(page).toHaveURL(new RegExp(`#/escalations/${escalation.id}$`));

  await expect(page.getByRole('form', { name: /^Escalate to stage/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Escalate to stage/ })).toHaveCount(0);
  await expect(page.getByTestId('what-next')).toContainText(
    'The response at stage 1 resolved the difference, so it is not escalated: close it as resolved.',
  );
  await page.getByRole('button', { name: 'Close the escalation' }).click();
  const close = page.getByRole('form', { name: 'Close the escalation as resolved' });
  await expect(close.getByRole('group', { name: 'Was the difference resolved?' }).getByLabel('Yes')).toBeChecked();
  await close.getByRole('button', { name: 'Close the escalation' }).click();
  await expect(page.getByRole('alert')).toContainText('Escalation closed: resolved');
  await expect(summaryValue(page, 'Status')).toHaveText('Closed: resolved');
  expect((await app.register.escalations.get(escalation.id)).status).toBe('resolved');
});

test('the Kirklees restorative debrief follows resolution: offered after a resolved closing, with its date and notes and no clock', async ({
  app,
  page,
}) => {
  const agencies = await seedAgencies(app);
  const escalation = await openEscalation(app, agencies);
  await app.register.escalations.respond(
    stageResponseInputSchema.parse({
      escalationId: escalation.id,
      number: 1,
      responseFrom: { name: 'Team manager', title: null, agency: null },
      responseOn: '2026-11-03',
      summary: 'Strategy discussion arranged',
      resolved: true,
    }),
  );
  await page.goto(`${app.url}#/escalations/${escalation.id}`);

  // While open, stage 7 is shown as following resolution, not as a stage to escalate to.
  const stage7 = page.getByTestId('stage-7');
  await expect(stage7).toContainText('Stage 7: Restorative debrief');
  await expect(stage7).toContainText(
    'None: it follows resolution and is not reached by escalating, so it has no clock',
  );
  await expect(stage7).toContainText('Not yet: it is offered once the escalation is closed as resolved');
  await expect(page.getByRole('form', { name: /Stage 7: Restorative debrief/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Close the escalation' }).click();
  const close = page.getByRole('form', { name: 'Close the escalation as resolved' });
  await expect(close).toContainText('Stage 7 (Restorative debrief) is offered next, with no time limit');
  await close.getByRole('button', { name: 'Close the escalation' }).click();
  await expect(page.getByRole('alert')).toContainText('Escalation closed: resolved');

  const debrief = page.getByRole('form', { name: 'Stage 7: Restorative debrief' });
  await expect(debrief).toBeVisible();
  await expect(debrief).toContainText('It has no time limit.');
  await fillDate(debrief.getByRole('group', { name: 'Date of the debrief' }), today());
  await debrief.getByLabel('What the debrief covered and agreed').fill('Joint reflection; referral guidance updated');
  await debrief.getByRole('button', { name: 'Record the debrief' }).click();
  await expect(page.getByRole('alert')).toContainText('Stage 7 recorded: Restorative debrief');
  await expect(stage7).toContainText(`Held${formatLongDate(today())}`);
  await expect(stage7).toContainText('Joint reflection; referral guidance updated');
  await expect(stage7.getByText(/working days? left|Due today|Overdue/)).toHaveCount(0);
  expect(await app.register.escalations.get(escalation.id)).toMatchObject({
    debriefOn: today(),
    restorativeDebrief: 'Joint reflection; referral guidance updated',
  });
});

test('an escalation closed without resolution is not offered the restorative debrief', async ({ app, page }) => {
  const escalation = await openEscalation(app, await seedAgencies(app));
  await page.goto(`${app.url}#/escalations/${escalation.id}?action=close`);
  const close = page.getByRole('form', { name: 'Close the escalation' });
  await close.getByRole('group', { name: 'Was the difference resolved?' }).getByLabel('No').check();
  await close.getByRole('button', { name: 'Close the escalation' }).click();
  await expect(page.getByRole('alert')).toContainText('Escalation closed: not resolved');
  await expect(page.getByRole('form', { name: /Restorative debrief/ })).toHaveCount(0);
  await expect(page.getByTestId('stage-7')).toContainText('Not offered: the escalation closed without resolution');
});

test('North Lincolnshire: the Principal Officer review meeting’s written record is made at stage 3 and shown; limits are the partnership’s own', async ({
  app,
  page,
}) => {
  const agencies = await seedAgencies(app);
  await app.register.escalations.choose('north-lincolnshire');
  const escalation = await openEscalation(app, agencies, {
    startStage: 2,
    startReason: 'The school’s minority view, referred straight away to its line manager',
  });
  await page.goto(`${app.url}#/escalations/${escalation.id}`);
  await expect(summaryValue(page, 'Formal record')).toHaveText(
    'Written record of the Principal Officer review meeting, at stage 3',
  );
  await expect(page.getByTestId('stage-2-limit')).toHaveText(
    '10 working days: the partnership’s own setting (the procedure sets no limit)',
  );
  await expect(page.getByTestId('review-meeting-not-yet')).toContainText(
    'is made once the escalation reaches stage 3 (Principal Officer review)',
  );
  await expect(page.getByRole('form', { name: 'Record the Principal Officer review meeting' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Escalate to stage 3' }).click();
  const escalate = page.getByRole('form', { name: 'Escalate to stage 3: Principal Officer review' });
  await expect(escalate.getByTestId('escalate-limit')).toHaveText(
    'Time limit at stage 3: 10 working days: the partnership’s own setting (the procedure sets no limit).',
  );
  await fillDate(escalate.getByRole('group', { name: 'Date of the escalation' }), today());
  await escalate.getByRole('group', { name: 'Escalated by', exact: true }).getByLabel('Name').fill('Line manager');
  await escalate.getByRole('group', { name: 'Escalated to', exact: true }).getByLabel('Name').fill('Principal Officer');
  await escalate.getByRole('button', { name: 'Escalate to stage 3' }).click();
  await expect(page.getByRole('alert')).toContainText('Escalated to stage 3: Principal Officer review');

  const form = page.getByRole('form', { name: 'Record the Principal Officer review meeting' });
  await fillDate(form.getByRole('group', { name: 'Date of the meeting' }), today());
  await form.getByLabel('Type of review agreed by the Principal Officer').fill('Multi-agency audit');
  await form.getByLabel('Principal Officer who chaired the meeting').fill('Pat Principal');
  await form.getByLabel('Who attended').fill('School DSL; CSC team manager; IRS manager');
  await form.getByLabel('Key areas of discussion').fill('Threshold for a strategy discussion');
  await form.getByLabel('Disagreements', { exact: true }).fill('Whether the disclosures met the threshold');
  await form.getByLabel('Agreements', { exact: true }).fill('Strategy discussion within 2 working days');
  await form.getByRole('button', { name: 'Save the written record' }).click();
  await expect(page.getByRole('alert')).toContainText('Written record of the review meeting saved');

  const record = page.getByTestId('review-meeting-record');
  await expect(record).toContainText(
    'Written record of the Principal Officer review meeting (stage 3: Principal Officer review)',
  );
  for (const [key, value] of [
    ['Date of the meeting', formatLongDate(today())],
    ['Type of review', 'Multi-agency audit'],
    ['Chaired by', 'Pat Principal'],
    ['Attended', 'School DSL; CSC team manager; IRS manager'],
    ['Key areas of discussion', 'Threshold for a strategy discussion'],
    ['Disagreements', 'Whether the disclosures met the threshold'],
    ['Agreements', 'Strategy discussion within 2 working days'],
  ] as const) {
    await expect(summaryValue(record, key)).toHaveText(value);
  }
  await expect(page.getByRole('form', { name: 'Record the Principal Officer review meeting' })).toHaveCount(0);
  expect((await app.register.escalations.get(escalation.id)).reviewMeeting).toMatchObject({
    stageNumber: 3,
    chairedBy: 'Pat Principal',
  });
});

test('immediate risk shows the partnership’s same-day contact once it is set in Settings, and says where to set it until then', async ({
  app,
  page,
}) => {
  const agencies = await seedAgencies(app);
  const escalation = await openEscalation(app, agencies, { immediateRisk: true, openedOn: today() });
  await page.goto(`${app.url}#/escalations/${escalation.id}`);
  const panel = page.getByTestId('immediate-risk');
  await expect(panel).toContainText(IMMEDIATE_RISK_GUIDANCE);
  await expect(panel).toContainText('Due the day it is raised, even at a weekend or on a bank holiday.');
  await expect(page.getByTestId('immediate-risk-contact')).toContainText('Same-day contact: not set.');
  await page.getByTestId('immediate-risk-contact').getByRole('link', { name: 'Settings' }).click();

  const contact = 'Children’s Social Care Duty & Advice, professional line 01484 414960';
  const section = page.getByRole('form', { name: 'Immediate risk: same-day contact' });
  await section.getByLabel('The partnership’s same-day contact (optional)').fill(contact);
  await section.getByRole('button', { name: 'Save the same-day contact' }).click();
  await expect(page.getByRole('alert')).toContainText('Same-day contact saved');
  expect((await app.register.settings.get()).sameDayContact).toBe(contact);

  await page.goto(`${app.url}#/escalations/${escalation.id}`);
  await expect(page.getByTestId('immediate-risk-contact')).toHaveText(`Same-day contact: ${contact}`);

  // Ticking immediate risk on a new escalation shows the same contact with the guidance.
  await page.goto(`${app.url}#/escalations/new`);
  await page.getByLabel('Child at immediate risk of significant harm').check();
  await expect(page.getByTestId('immediate-risk-guidance-contact')).toHaveText(`Same-day contact: ${contact}`);
});

test('correcting an escalation’s details needs a reason and shows who, when, why, and each value before and after', async ({
  app,
  page,
}) => {
  const agencies = await seedAgencies(app);
  const escalation = await openEscalation(app, agencies, { subjectDateOfBirth: '2018-04-01' });
  await page.goto(`${app.url}#/escalations/${escalation.id}`);
  await expect(page.getByTestId('corrections')).toHaveCount(0);

  await page.getByRole('button', { name: 'Correct details' }).click();
  const form = page.getByRole('form', { name: 'Correct the details' });
  await expect(form.getByRole('heading', { name: 'Correct the details' })).toBeFocused();
  await expect(form.getByLabel('Child’s or family’s name')).toHaveValue('Zoë Alpha');
  await form.getByLabel('Child’s or family’s name').fill('Zoe Alpha-Brown');
  await fillDate(form.getByRole('group', { name: 'Date of birth (optional)' }), '2018-04-10');
  await form.getByRole('button', { name: 'Save the correction' }).click();

  // No reason: refused, and nothing changes.
  const link = page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter why the details are corrected' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(form.getByLabel('Why are the details being corrected?')).toBeFocused();
  expect((await app.register.escalations.get(escalation.id)).subjectName).toBe('Zoë Alpha');

  await form
    .getByLabel('Why are the details being corrected?')
    .fill('Name and date of birth taken from the wrong sibling');
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await expect(page.getByRole('alert')).toContainText('Details corrected');
  await expect(page.getByRole('form', { name: 'Correct the details' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Zoe Alpha-Brown');
  await expect(summaryValue(page, 'Child or family')).toHaveText('Zoe Alpha-Brown, born 10 April 2018');

  const corrections = page.getByTestId('corrections');
  await expect(corrections.getByRole('heading', { level: 3 })).toHaveText(/^Corrected .+ by Test Chair$/);
  await expect(corrections).toContainText('Reason: Name and date of birth taken from the wrong sibling');
  const rows = corrections.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Child or family');
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['Zoë Alpha', 'Zoe Alpha-Brown']);
  await expect(rows.nth(2).getByRole('rowheader')).toHaveText('Date of birth');
  await expect(rows.nth(2).getByRole('cell')).toHaveText(['1 April 2018', '10 April 2018']);
  const [stored] = (await app.register.escalations.get(escalation.id)).corrections;
  expect(stored?.changes.map((c) => c.field)).toEqual(['subject_name', 'subject_date_of_birth']);
});

test('starting at a later stage is offered only where the procedure allows it, and needs the reason', async ({
  app,
  page,
}) => {
  await seedAgencies(app);
  await page.goto(`${app.url}#/escalations/new`);
  await page.getByLabel('Child’s or family’s name').fill('Zoë Alpha');
  await page.getByLabel('Agency escalating').selectOption({ label: 'Primary School' });
  await page.getByLabel('Agency challenged').selectOption({ label: 'Children’s Social Care' });
  await page.getByLabel('Referral decision').check();
  await page.getByLabel('Details of the difference').fill('Policy on referrals from schools');
  await page.getByLabel('Outcome sought').fill('Partnership action');
  await page.getByRole('group', { name: 'Escalated by', exact: true }).getByLabel('Name').fill('Synthetic DSL');

  // Kirklees: the first stage, or stage 6 (referred urgently where policy issues arise); nothing between.
  const start = page.getByRole('group', { name: 'Stage it starts at' });
  await expect(start.getByRole('radio')).toHaveCount(2);
  await expect(start.getByLabel('Stage 1: Practitioner discussion')).toBeChecked();
  await expect(start.getByLabel('Stage 6: KSCP Business Unit Manager')).toBeVisible();
  await expect(page.getByTestId('start-stage-limit')).toHaveText('Time limit: 5 working days, as the procedure sets.');
  await start.getByLabel('Stage 6: KSCP Business Unit Manager').check();
  await expect(page.getByTestId('start-stage-heading')).toHaveText('Stage 6: KSCP Business Unit Manager');
  await page.getByRole('button', { name: 'Start the escalation' }).click();

  const link = page
    .locator('.govuk-error-summary')
    .getByRole('link', { name: 'Say why the escalation starts at stage 6 (KSCP Business Unit Manager)' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByLabel('Why it starts at stage 6')).toBeFocused();
  expect(await app.register.escalations.list({ overdueOnly: false })).toEqual([]);

  await page.getByLabel('Why it starts at stage 6').fill('Raises significant policy issues: referred urgently');
  await page.getByRole('button', { name: 'Start the escalation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Alpha' })).toBeVisible();
  await expect(page.getByTestId('start-stage')).toHaveText('Stage 6: KSCP Business Unit Manager');
  await expect(page.getByTestId('start-reason')).toHaveText('Raises significant policy issues: referred urgently');
  await expect(page.getByTestId('stage-1')).toHaveCount(0);
  await expect(page.getByTestId('stage-6')).toContainText('Current stage');
});

test('from a North Lincolnshire conference, a minority view starts at the line managers’ stage with its reason, kept', async ({
  app,
  page,
}) => {
  const r = app.register;
  await r.escalations.choose('north-lincolnshire');
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Police', type: 'police' }));
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' }));
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-11-02',
      time: '10:00',
      venue: 'Room 1',
      chairName: 'Test Chair',
      family: { name: 'Alpha' },
      newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    }),
  );
  const childId = conference.children[0]?.id ?? 0;
  for (const a of [csc, police, school]) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: a.id,
      representativeName: null,
      representativeRole: null,
    });
    await r.live.setAttendance(conference.id, a.id, 'attended');
  }
  await r.live.setView({ conferenceId: conference.id, childId, agencyId: csc.id, view: 'no-plan', reasons: '' });
  await r.live.setView({ conferenceId: conference.id, childId, agencyId: police.id, view: 'no-plan', reasons: '' });
  await r.live.setView({
    conferenceId: conference.id,
    childId,
    agencyId: school.id,
    view: 'plan',
    reasons: 'Bruising',
  });
  await r.live.recordDecision({ conferenceId: conference.id, childId, category: null });

  await page.goto(`${app.url}#/escalations/new?conference=${conference.id}&child=${childId}&agency=${school.id}`);
  await expect(page.getByLabel('Child’s or family’s name')).toHaveValue('Zoë Alpha');
  const start = page.getByRole('group', { name: 'Stage it starts at' });
  await expect(start.getByLabel('Stage 2: Line managers')).toBeChecked();
  const reason = page.getByLabel('Why it starts at stage 2');
  await expect(reason).toHaveValue(/^Drafted from a minority view at a conference on 2 November 2026/);
  await expect(page.getByTestId('start-stage-limit')).toHaveText(
    'Time limit: 10 working days: the partnership’s own setting (the procedure sets no limit).',
  );
  await page.getByLabel('Outcome sought').fill('Reconsider the decision');
  await page.getByRole('group', { name: 'Escalated by', exact: true }).getByLabel('Name').fill('Synthetic DSL');
  await page.getByRole('button', { name: 'Start the escalation' }).click();

  await expect(page.getByTestId('start-stage')).toHaveText('Stage 2: Line managers');
  await expect(page.getByTestId('start-reason')).toContainText('Drafted from a minority view at a conference');
  const [listed] = await r.escalations.list({ overdueOnly: false });
  expect(listed?.stage).toBe(2);
  expect(await r.escalations.get(listed?.id ?? 0)).toMatchObject({ conferenceId: conference.id, childId });
});
