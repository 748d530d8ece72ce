import { MAX_INQUORATE_REASON, MAX_LONG_TEXT, MAX_REASONS } from '../../shared/schemas/limits';
import { expect, openChairScreen, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

/**
 * Text boxes with a limit count their characters (GOV.UK character count) and never cut what
 * is typed. When the register refuses a text, it stays in its box with the reason beside it:
 * on the chair's screen, where each entry saves as it is typed, and on a form that is submitted.
 */

/** `length` characters of plausible text. */
function textOf(length: number): string {
  return 'Concerns about the home conditions were raised again. '.repeat(Math.ceil(length / 50)).slice(0, length);
}

/** A conference already held, with its agencies invited; those in `attending` marked as attended. */
async function seed(app: AppUnderTest, attending: 'all' | 'csc only') {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const health = await r.agencies.create(agencyInputSchema.parse({ name: 'Health Visiting', type: 'health' }));
  const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Humberside Police', type: 'police' }));
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
  for (const agency of [csc, health, police]) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: agency.id,
      representativeName: null,
      representativeRole: null,
    });
    if (attending === 'all' || agency === csc) await r.live.setAttendance(conference.id, agency.id, 'attended');
  }
  const child = conference.children[0];
  if (!child) throw new Error('a child expected');
  return { conferenceId: conference.id, childId: child.id, police: police.id };
}

test('reasons longer than the limit are counted, refused, and stay in their box until put right', async ({
  app,
  page,
}) => {
  const { conferenceId, childId, police } = await seed(app, 'all');
  await app.register.live.setView({
    conferenceId,
    childId,
    agencyId: police,
    view: 'plan',
    reasons: 'Earlier reasons',
  });
  await openChairScreen(page, app, conferenceId, childId);
  const reasons = page.getByRole('textbox', { name: 'Reasons given by Humberside Police for Zoë' });
  const count = page.getByTestId(`reasons-${childId}-${police}-count`);
  await expect(reasons).toHaveValue('Earlier reasons');
  await expect(reasons).toHaveAccessibleDescription(/You can enter up to 20,000 characters/);
  // Far from the limit the count is not shown (GOV.UK's threshold: from 75% of the limit).
  await expect(count).toBeHidden();

  const tooLong = textOf(MAX_REASONS + 15);
  await reasons.fill(tooLong);
  await expect(count).toBeVisible();
  await expect(count).toHaveText('You have 15 characters too many');
  const refusal = page.getByRole('link', { name: 'Reasons must be 20,000 characters or fewer' });
  await expect(refusal).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: see the problem at the top of the page');
  // The typed text is kept, and the box says it is not saved; the register keeps what it had.
  await expect(reasons).toHaveValue(tooLong);
  await expect(reasons).toHaveAccessibleDescription(/Reasons must be 20,000 characters or fewer.*not saved/i);
  expect((await app.register.live.get(conferenceId)).children[0]?.views[0]?.reasons).toBe('Earlier reasons');

  // Leaving the box keeps it too.
  await reasons.blur();
  await expect(reasons).toHaveValue(tooLong);
  await expect(reasons).toHaveAccessibleDescription(/not saved/i);

  // Put right: exactly at the limit is saved.
  const atLimit = tooLong.slice(0, MAX_REASONS);
  await reasons.fill(atLimit);
  await expect(count).toHaveText('You have 0 characters remaining');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(refusal).toHaveCount(0);
  await expect(reasons).toHaveValue(atLimit);
  await expect(reasons).not.toHaveAccessibleDescription(/not saved/i);
  await expect
    .poll(async () => (await app.register.live.get(conferenceId)).children[0]?.views[0]?.reasons.length)
    .toBe(MAX_REASONS);
});

test('a reason for going ahead without a quorum that is too long is refused and kept in its box', async ({
  app,
  page,
}) => {
  const { conferenceId } = await seed(app, 'csc only');
  await openChairScreen(page, app, conferenceId, 'attendance');
  const reason = page.getByRole('textbox', { name: 'Why the conference goes ahead without a quorum' });

  const tooLong = textOf(MAX_INQUORATE_REASON + 1);
  await reason.fill(tooLong);
  await expect(page.getByTestId('inquorate-reason-count')).toHaveText('You have 1 character too many');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: see the problem at the top of the page');
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(reason).toHaveValue(tooLong);
  await expect(reason).toHaveAccessibleDescription(/not saved/i);
  expect((await app.register.live.get(conferenceId)).conference.inquorateReason).toBeNull();

  await reason.fill('Delay would harm the child');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(reason).toHaveValue('Delay would harm the child');
  await expect
    .poll(async () => (await app.register.live.get(conferenceId)).conference.inquorateReason)
    .toBe('Delay would harm the child');
});

test('an escalation’s details longer than the limit are counted, refused and kept', async ({ app, page }) => {
  await app.register.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' }));
  await app.register.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  await page.goto(`${app.url}#/escalations/new`);
  await page.getByLabel('Child’s or family’s name').fill('Alpha family');
  await page.getByLabel('Agency escalating').selectOption({ label: 'Primary School' });
  await page.getByLabel('Agency challenged').selectOption({ label: 'Children’s Social Care' });
  await page.getByLabel('Referral decision').check();
  await page.getByLabel('Outcome sought').fill('A strategy discussion');
  await page.getByRole('group', { name: 'Escalated by', exact: true }).getByLabel('Name').fill('Synthetic DSL');

  const details = page.getByLabel('Details of the difference');
  const tooLong = textOf(MAX_LONG_TEXT + 1);
  await details.fill(tooLong);
  await expect(page.getByTestId('details-count')).toHaveText('You have 1 character too many');
  // Nothing cuts the text short: no maxlength, and the whole text is in the box.
  await expect(details).not.toHaveAttribute('maxlength');
  await expect(details).toHaveValue(tooLong);

  await page.getByRole('button', { name: 'Start the escalation' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(summary.getByRole('link')).toHaveText(/20,?000 characters or fewer/);
  await expect(details).toHaveValue(tooLong);
  await expect(details).toHaveAccessibleDescription(/20,?000 characters or fewer/);

  await details.fill(tooLong.slice(0, MAX_LONG_TEXT - 100));
  await expect(page.getByTestId('details-count')).toHaveText('You have 100 characters remaining');
  await page.getByRole('button', { name: 'Start the escalation' }).click();
  await expect(page.getByRole('alert')).toContainText('Escalation started');
  expect(await app.register.escalations.list({ overdueOnly: false })).toHaveLength(1);
});
