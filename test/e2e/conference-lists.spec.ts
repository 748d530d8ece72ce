import { addDays, formatLongDate, localIsoDate } from '../../shared/dates';
import { expect, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { dueListInputSchema } from '../../shared/schemas/live-conference';

/**
 * The views across all conferences: adjournments, what falls due and reports outstanding, and
 * the conference settings that shape them.
 */

async function agencies(app: AppUnderTest) {
  const r = app.register;
  return [
    await r.agencies.create(agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' })),
    await r.agencies.create(
      agencyInputSchema.parse({ name: 'Health Visiting', type: 'health', quoracyGroup: 'Health' }),
    ),
    await r.agencies.create(agencyInputSchema.parse({ name: 'Humberside Police', type: 'police' })),
    await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' })),
  ];
}

/** A conference on 19 December 2025 whose one child's views were equally divided: adjourned. */
async function adjourned(app: AppUnderTest, family = 'Alpha', given?: Awaited<ReturnType<typeof agencies>>) {
  const list = given ?? (await agencies(app));
  const r = app.register;
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2025-12-19',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: family },
      newChildren: [{ givenName: 'Łukasz', familyName: family, dateOfBirth: '2020-06-01' }],
    }),
  );
  const child = conference.children[0];
  if (!child) throw new Error('no child');
  for (const [i, a] of list.entries()) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: a.id,
      representativeName: null,
      representativeRole: null,
    });
    await r.live.setAttendance(conference.id, a.id, 'attended');
    await r.live.setView({
      conferenceId: conference.id,
      childId: child.id,
      agencyId: a.id,
      view: i < 2 ? 'plan' : 'no-plan',
      reasons: 'Reasons',
    });
  }
  await r.live.recordDecision({ conferenceId: conference.id, childId: child.id, category: null });
  return { conference, child, agencies: list };
}

test('the adjournments screen lists an adjourned conference and leads to scheduling its reconvened conference', async ({
  app,
  page,
}) => {
  const { conference } = await adjourned(app);
  const [row] = await app.register.live.adjournments();
  if (!row) throw new Error('no adjournment');

  await page.goto(`${app.url}#/conferences`);
  await page.getByRole('link', { name: 'Adjournments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adjournments' })).toBeFocused();
  const line = page.getByRole('row', { name: /Alpha/ });
  await expect(line).toContainText('Friday 19 December 2025');
  await expect(line).toContainText('Łukasz Alpha');
  await expect(line).toContainText('On a plan meanwhile');
  await expect(line).toContainText('Wednesday 14 January 2026');
  await expect(line.getByTestId('adjournment-state')).toHaveText('To be scheduled (by Wednesday 14 January 2026)');
  // The reconvene-by date has passed (the register's today is the real one).
  const left = row.workingDaysLeft;
  await expect(line).toContainText(
    left < 0 ? `Overdue by ${-left} working day${left === -1 ? '' : 's'}` : `${left} working day`,
  );
  if (left < 0) await expect(line.locator('.govuk-tag--red')).toBeVisible();

  await line.getByRole('link', { name: 'Schedule reconvened conference for the Alpha family' }).click();
  await expect(page).toHaveURL(new RegExp(`#/conferences/${conference.id}/reconvene$`));
  await expect(page.getByRole('heading', { name: 'Adjourned: reconvene by Wednesday 14 January 2026' })).toBeFocused();
  const when = page.getByRole('group', { name: 'Date of the reconvened conference' });
  await when.getByLabel('Day').fill('15');
  await when.getByLabel('Month').fill('1');
  await when.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Schedule reconvened conference' }).click();
  // Later than the reconvene-by date: refused, with the register's reason.
  const link = page.getByRole('link', { name: /must be held by 2026-01-14/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(when.getByLabel('Day')).toBeFocused();
  await when.getByLabel('Day').fill('13');
  await page.getByRole('button', { name: 'Schedule reconvened conference' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Reconvened conference');

  // Scheduled, not yet decided: reconvening, not reconvened.
  await page.goto(`${app.url}#/adjournments`);
  await expect(page.getByRole('row', { name: /Alpha/ }).getByTestId('adjournment-state')).toHaveText(
    'Reconvening on Tuesday 13 January 2026 (reconvened conference for the Alpha family)',
  );
  await expect(page.getByRole('row', { name: /Alpha/ })).not.toContainText('Reconvened on');
  await page.goto(`${app.url}#/conferences/${conference.id}`);
  await expect(page.getByTestId('reconvened-status')).toContainText('Reconvening on Tuesday 13 January 2026.');

  // Once the reconvened conference has decided, it is reconvened.
  const r = app.register;
  const reconvenedId = (await r.live.get(conference.id)).conference.reconvenedById ?? 0;
  const again = await r.live.get(reconvenedId);
  const lukasz = again.children[0];
  if (!lukasz) throw new Error('no child');
  for (const [i, inv] of again.invitations.entries()) {
    await r.live.setAttendance(reconvenedId, inv.agencyId, 'attended');
    await r.live.setView({
      conferenceId: reconvenedId,
      childId: lukasz.id,
      agencyId: inv.agencyId,
      view: i < 3 ? 'plan' : 'no-plan',
      reasons: 'Reasons',
    });
  }
  await r.live.recordDecision({ conferenceId: reconvenedId, childId: lukasz.id, category: 'NEG' });
  await page.reload();
  await expect(page.getByTestId('reconvened-status')).toContainText('Reconvened on Tuesday 13 January 2026.');
  await page.goto(`${app.url}#/adjournments`);
  await page
    .getByRole('link', { name: 'Reconvened on Tuesday 13 January 2026 (reconvened conference for the Alpha family)' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Reconvened conference');
});

test('what falls due is listed soonest first, overdue marked, and can be marked done', async ({ app, page }) => {
  const first = await adjourned(app);
  // A second family whose reconvened conference is still divided: a Principal Officer review.
  const r = app.register;
  const second = await adjourned(app, 'Delta', first.agencies);
  const reconvened = await r.live.scheduleReconvened({
    conferenceId: second.conference.id,
    date: '2026-01-09',
    time: '10:00',
    venue: 'Civic Centre',
  });
  for (const [i, a] of second.agencies.entries()) {
    await r.live.setAttendance(reconvened.id, a.id, 'attended');
    await r.live.setView({
      conferenceId: reconvened.id,
      childId: second.child.id,
      agencyId: a.id,
      view: i < 2 ? 'plan' : 'no-plan',
      reasons: 'Reasons',
    });
  }
  await r.live.recordDecision({ conferenceId: reconvened.id, childId: second.child.id, category: 'NEG' });

  await page.goto(app.url);
  await expect(page.getByTestId('due-count')).toContainText('overdue');
  await page.getByRole('link', { name: 'What falls due' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What falls due' })).toBeFocused();

  const rows = page.getByRole('row');
  // Soonest first: the decision letters (one working day after 19 December 2025) lead.
  await expect(rows.nth(1)).toContainText('Monday 22 December 2025');
  await expect(rows.nth(1)).toContainText('Decision letter');
  await expect(rows.nth(1).locator('.govuk-tag--red')).toContainText('Overdue');
  const review = page.getByRole('row', { name: /Principal Officer review/ });
  await expect(review).toContainText('Delta family');
  await expect(review.getByRole('button')).toHaveCount(0);

  const alphaLetter = page.getByRole('row', { name: /Decision letter.*Alpha family/ });
  await expect(alphaLetter).toHaveCount(1);
  await alphaLetter.getByRole('button', { name: 'Mark done (Decision letter, Alpha family)' }).click();
  await expect(page.getByRole('alert')).toContainText('Decision letter for the Alpha family');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(alphaLetter).toHaveCount(0);
  expect(
    (await r.live.due(dueListInputSchema.parse({ pageSize: 50 }))).items.some(
      (d) => d.kind === 'decision-letter' && d.familyName === 'Alpha',
    ),
  ).toBe(false);

  // A child's item names the child, and is marked done for that child.
  const coreGroup = page.getByRole('row', { name: /First core group.*Łukasz Alpha/ });
  await expect(coreGroup).toHaveCount(1);
  await expect(coreGroup.getByRole('cell').nth(2)).toHaveText('Łukasz Alpha');
  await coreGroup.getByRole('button', { name: 'Mark done (First core group, Łukasz Alpha, Alpha family)' }).click();
  await expect(page.getByRole('alert')).toContainText('First core group for Łukasz Alpha');
  await expect(coreGroup).toHaveCount(0);
  expect(
    (await r.live.due(dueListInputSchema.parse({ pageSize: 50 }))).items.some(
      (d) => d.kind === 'first-core-group' && d.childId === first.child.id,
    ),
  ).toBe(false);
  expect(
    (await r.live.due(dueListInputSchema.parse({ pageSize: 50 }))).items.some(
      (d) => d.kind === 'first-core-group' && d.childId === second.child.id,
    ),
  ).toBe(true);

  await page.getByRole('link', { name: 'Alpha family' }).first().click();
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Alpha family');
});

test('reports outstanding lists conferences in the coming weeks still waiting for reports', async ({ app, page }) => {
  const r = app.register;
  const [csc, health, police] = await agencies(app);
  if (!csc || !health || !police) throw new Error('agencies missing');
  const today = localIsoDate(new Date());
  const soon = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'review',
      date: addDays(today, 7),
      time: '09:30',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Epsilon' },
      newChildren: [{ givenName: 'Ada', familyName: 'Epsilon', dateOfBirth: '2016-01-20' }],
    }),
  );
  const later = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: addDays(today, 24),
      time: '14:00',
      venue: 'Online',
      chairName: 'Sam Okafor',
      family: { name: 'Zeta' },
      newChildren: [{ givenName: 'Ben', familyName: 'Zeta', dateOfBirth: '2021-05-05' }],
    }),
  );
  for (const c of [soon, later]) {
    for (const a of [csc, health, police]) {
      await r.live.invite({ conferenceId: c.id, agencyId: a.id, representativeName: null, representativeRole: null });
    }
  }
  await r.live.setReport(soon.id, health.id, 'received', today);

  await page.goto(`${app.url}#/conferences`);
  await page.getByRole('link', { name: 'Reports outstanding' }).click();
  const first = page.getByRole('row', { name: /Epsilon/ });
  await expect(first).toContainText(formatLongDate(addDays(today, 7)));
  await expect(first).toContainText(formatLongDate((await r.live.get(soon.id)).reportDue));
  await expect(first).toContainText('Children’s Social Care');
  await expect(first).toContainText('Humberside Police');
  await expect(first).not.toContainText('Health Visiting');
  await expect(page.getByRole('row', { name: /Zeta/ })).toBeVisible();

  await page.getByLabel('Conferences in the next').selectOption('2 weeks');
  await expect(page.getByRole('status')).toHaveText('1 conference in the next 2 weeks waiting for reports.');
  await expect(page.getByRole('row', { name: /Zeta/ })).toHaveCount(0);
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Review conference');
});

test('the conference settings are saved, and a number that is not one is refused', async ({ app, page }) => {
  await page.goto(`${app.url}#/settings`);
  await expect(page.getByLabel('Majority view (North Lincolnshire SAfE procedure)')).toBeChecked();
  await expect(page.getByLabel('Children’s social care must attend')).toBeChecked();
  await expect(page.getByLabel('Reports due before an initial conference, in working days')).toHaveValue('2');

  const minutes = page.getByLabel('Minutes due after the conference, in working days');
  await minutes.fill('twenty');
  await page.getByRole('button', { name: 'Save conference settings' }).click();
  const link = page.getByRole('link', { name: 'Minutes deadline must be a number' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(minutes).toBeFocused();

  await minutes.fill('20');
  await page.getByLabel('The chair decides after hearing all views').check();
  await page.getByLabel('Allow “Multiple” (MUL) as a category').check();
  await page.getByLabel('Reports due before a review conference, in working days').fill('3');
  await page.getByLabel('Other agencies that must attend besides children’s social care').fill('3');
  await page.getByRole('button', { name: 'Save conference settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Conference settings saved');
  expect(await app.register.settings.get()).toMatchObject({
    outcomeRule: 'chair',
    allowMultipleCategory: true,
    reportDueReview: 3,
    minutesWorkingDays: 20,
    quoracyMinOtherAgencies: 3,
    quoracyRequireChildrensSocialCare: true,
  });
  await page.reload();
  await expect(page.getByLabel('The chair decides after hearing all views')).toBeChecked();
  await expect(minutes).toHaveValue('20');
});
