import { expect, test } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

test('the add-agency form can be reached, filled and submitted with the keyboard alone', async ({ app, page }) => {
  await page.goto(`${app.url}#/agencies/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Add an agency' })).toBeVisible();

  // The first Tab from the top of the page lands on the skip link, which jumps past the navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/agencies\/new$/);

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Agency name')).toBeFocused();
  await page.keyboard.type('Scunthorpe General Hospital');

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Type of agency')).toBeFocused();
  await page.keyboard.type('Health');
  await expect(page.getByLabel('Type of agency')).toHaveValue('health');

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Quoracy group (optional)')).toBeFocused();
  await page.keyboard.type('health');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Full name')).toBeFocused();
  await page.keyboard.type('Chris Ellis');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Job title')).toBeFocused();
  await page.keyboard.type('Named nurse for safeguarding');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email address')).toBeFocused();
  await page.keyboard.type('chris.ellis@nhs.example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Phone number')).toBeFocused();
  await page.keyboard.type('01632 960 123');

  await page.keyboard.press('Tab');
  const submit = page.getByRole('button', { name: 'Add agency' });
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alert')).toContainText('Agency added');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('row', { name: /Scunthorpe General Hospital/ })).toContainText('Chris Ellis');
  expect((await app.register.agencies.list('', true)).map((a) => [a.name, a.type, a.leadPhone])).toEqual([
    ['Scunthorpe General Hospital', 'health', '01632 960 123'],
  ]);
});

test('an error summary link is followed with the keyboard', async ({ app, page }) => {
  await page.goto(`${app.url}#/agencies/new`);
  await page.getByLabel('Agency name').focus();
  await page.keyboard.press('Enter');
  // The summary takes focus; Tab reaches its first link, Enter moves to the field.
  await expect(page.locator(':focus')).toContainText('There is a problem');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Enter the agency name' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Agency name')).toBeFocused();
});

test('navigation links move focus to the new page’s heading', async ({ app, page }) => {
  await page.goto(app.url);
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await menu.getByRole('link', { name: 'Conferences' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Create a conference' })).toBeFocused();
});

test('a chair gives each agency’s view for a child and records the decision with the keyboard alone', async ({
  app,
  page,
}) => {
  const r = app.register;
  const agencies = [
    await r.agencies.create(agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' })),
    await r.agencies.create(
      agencyInputSchema.parse({ name: 'Health Visiting', type: 'health', quoracyGroup: 'Health' }),
    ),
    await r.agencies.create(agencyInputSchema.parse({ name: 'Humberside Police', type: 'police' })),
    await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' })),
  ];
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-09',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Gamma' },
      newChildren: [{ givenName: 'Maya', familyName: 'Gamma', dateOfBirth: '2017-09-12' }],
    }),
  );
  for (const a of agencies) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: a.id,
      representativeName: null,
      representativeRole: null,
    });
    await r.live.setAttendance(conference.id, a.id, 'attended');
  }
  // The screen lists the agencies in the register's order.
  const order = (await r.live.get(conference.id)).invitations.map((i) => i.agencyName);
  const against = 'Primary School';

  await page.goto(`${app.url}#/conferences/${conference.id}`);
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  const section = page.getByRole('region', { name: /Maya Gamma/ });

  // The child's link in the header takes focus to the child's section.
  await page.getByRole('list', { name: 'Children considered' }).getByRole('link', { name: 'Maya Gamma' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('heading', { level: 2 })).toBeFocused();

  // The shortcuts come first (one view from every agency); the chair here gives each view in turn.
  await page.keyboard.press('Tab');
  await expect(section.getByRole('button', { name: 'All agencies: needs a plan for Maya' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(section.getByRole('button', { name: 'All agencies: does not need a plan for Maya' })).toBeFocused();

  for (const name of order) {
    const group = section.getByRole('group', { name: new RegExp(`^${name}.*view for Maya`) });
    await page.keyboard.press('Tab');
    await expect(group.getByLabel('Needs a plan')).toBeFocused();
    if (name === against) {
      // An arrow key moves to, and chooses, the next option.
      await page.keyboard.press('ArrowDown');
      await expect(group.getByLabel('Does not need a plan')).toBeChecked();
    } else {
      await page.keyboard.press('Space');
      await expect(group.getByLabel('Needs a plan')).toBeChecked();
    }
    // The reading order: the answer, its reasons, then Withdraw under them.
    await page.keyboard.press('Tab');
    const reasons = section.getByRole('textbox', { name: `Reasons given by ${name} for Maya` });
    await expect(reasons).toBeFocused();
    if (name === against) await page.keyboard.type('Maya is settled and attending school every day');
    await page.keyboard.press('Tab');
    await expect(section.getByRole('button', { name: `Withdraw view of ${name} for Maya` })).toBeFocused();
  }
  await expect(page.getByTestId('status-panel')).toContainText('Majority: plan (3–1)');

  await page.keyboard.press('Tab');
  await expect(section.getByRole('radio', { name: 'Neglect' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(section.getByRole('radio', { name: 'Physical abuse' })).toBeChecked();
  await page.keyboard.press('Tab');
  const record = section.getByRole('button', { name: 'Record decision for Maya' });
  await expect(record).toBeFocused();
  // GOV.UK's focus state: the yellow focus colour, so the focus is plain to see.
  await expect(record).toHaveCSS('background-color', 'rgb(255, 221, 0)');
  await page.keyboard.press('Enter');

  await expect(section.getByRole('heading', { name: 'Decision recorded for Maya' })).toBeFocused();
  await expect(section.getByTestId(/^decision-/)).toContainText('Physical abuse');
  expect((await r.live.get(conference.id)).children[0]?.recorded).toMatchObject({
    result: 'majority',
    decision: 'plan',
    category: 'PHY',
  });
  expect((await r.live.get(conference.id)).children[0]?.views.find((v) => v.view === 'no-plan')?.reasons).toBe(
    'Maya is settled and attending school every day',
  );
});
