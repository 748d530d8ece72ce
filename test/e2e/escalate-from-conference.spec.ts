import { expect, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

/** Three agencies and an initial conference on 2 March 2026 for one child, Zoë, of the family named. */
async function seedConference(app: AppUnderTest, familyName: string) {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' }));
  const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Police', type: 'police' }));
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-02',
      time: '10:00',
      venue: 'Room 1',
      chairName: 'Test Chair',
      family: { name: familyName },
      newChildren: [{ givenName: 'Zoë', familyName, dateOfBirth: '2018-04-01' }],
    }),
  );
  return { csc, school, police, conference, childId: conference.children[0]?.id ?? 0 };
}

test('a minority view recorded at a conference starts an escalation in one step, carrying the child and the conference', async ({
  app,
  page,
}) => {
  const r = app.register;
  const { csc, police, school, conference, childId } = await seedConference(app, 'Ó Súilleabháin');
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
    reasons: 'Repeated unexplained bruising',
  });
  await r.live.recordDecision({ conferenceId: conference.id, childId, category: null });

  await page.goto(app.url);
  // The child's step holds the recorded decision and its escalation links.
  await page.goto(`${app.server.origin}/#/conferences/${conference.id}/children/${childId}`);
  await page.getByRole('link', { name: /Escalate Primary School’s minority view/ }).click();

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByLabel('Child’s or family’s name')).toHaveValue('Zoë Ó Súilleabháin');
  await expect(page.getByLabel('Agency escalating')).toHaveValue(String(school.id));
  await expect(page.getByLabel('Agency challenged')).toHaveValue(String(csc.id));
  await expect(page.getByLabel('Child protection conference decision')).toBeChecked();
  await expect(page.getByLabel('Details of the difference')).toHaveValue('Repeated unexplained bruising');

  await page.getByLabel('Outcome sought').fill('Reconvene to reconsider the decision');
  await page.getByRole('group', { name: 'Escalated by' }).getByLabel('Name', { exact: true }).fill('Synthetic DSL');
  await page.getByRole('button', { name: 'Start the escalation' }).click();

  await expect(page).toHaveURL(/#\/escalations\/\d+$/);
  const escalation = (await r.escalations.list({ overdueOnly: false }))[0];
  expect(escalation?.subjectName).toBe('Zoë Ó Súilleabháin');
  const full = await r.escalations.get(escalation?.id ?? 0);
  expect(full).toMatchObject({ conferenceId: conference.id, childId, natures: ['conference-decision'] });
});

test('"Escalated by" starts as the escalating agency’s representative at the conference, on the new escalation and when escalating further', async ({
  app,
  page,
}) => {
  const r = app.register;
  const { csc, school, police, conference, childId } = await seedConference(app, 'Alpha');
  for (const [a, name, role] of [
    [csc, 'Synthetic Social Worker', 'Social worker'],
    [school, 'Synthetic DSL', 'Designated Safeguarding Lead'],
    [police, null, null],
  ] as const) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: a.id,
      representativeName: name,
      representativeRole: role,
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
  const by = page.getByRole('group', { name: 'Escalated by', exact: true });
  await expect(by.getByLabel('Name', { exact: true })).toHaveValue('Synthetic DSL');
  await expect(by.getByLabel('Job title')).toHaveValue('Designated Safeguarding Lead');
  await expect(by.getByLabel('Agency')).toHaveValue('Primary School');
  await page.getByLabel('Outcome sought').fill('Reconsider the decision');
  await page.getByRole('button', { name: 'Start the escalation' }).click();
  await expect(page).toHaveURL(/#\/escalations\/\d+$/);
  const [listed] = await r.escalations.list({ overdueOnly: false });
  expect((await r.escalations.get(listed?.id ?? 0)).stages[0]?.escalatedBy).toMatchObject({
    name: 'Synthetic DSL',
    title: 'Designated Safeguarding Lead',
    agency: 'Primary School',
  });

  await page.getByRole('button', { name: /^Escalate to stage/ }).click();
  const escalateBy = page
    .getByRole('form', { name: /^Escalate to stage/ })
    .getByRole('group', { name: 'Escalated by', exact: true });
  await expect(escalateBy.getByLabel('Name', { exact: true })).toHaveValue('Synthetic DSL');
  await expect(escalateBy.getByLabel('Agency')).toHaveValue('Primary School');
});
