import type { Locator, Page } from '@playwright/test';
import { expect, fromToday, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { conferenceListInputSchema } from '../../shared/schemas/conference';

async function fillDate(group: Locator, day: string, month: string, year: string): Promise<void> {
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

async function fillWhenAndWhere(page: Page, date: [string, string, string], time: string): Promise<void> {
  await fillDate(page.getByRole('group', { name: 'Date of the conference' }), ...date);
  await page.getByLabel('Start time').fill(time);
  await page.getByLabel('Venue').fill('Civic Centre, room 2');
}

test('a conference for a new family, with two children added on the form, is listed and kept', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/conferences`);
  await expect(page.getByText('There are no conferences yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Create a conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a conference' })).toBeFocused();

  // Reconvened conferences come from an adjournment, so they are not offered here.
  await expect(page.getByRole('radio')).toHaveCount(3);
  await expect(page.getByRole('group', { name: 'Type of conference' })).toContainText(
    'A reconvened conference is scheduled from the adjourned conference’s page',
  );
  await expect(page.getByLabel('Reconvened')).toHaveCount(0);
  await page.getByLabel('Initial', { exact: true }).check();
  await fillWhenAndWhere(page, ['5', '3', '2026'], '10:00');
  // The chair defaults to the register's user.
  await expect(page.getByLabel('Chair', { exact: true })).toHaveValue('Test Chair');

  await page.getByLabel('New family').check();
  await page.getByLabel('Family name').fill('Smith');
  await page.getByLabel('Family case reference (optional)').fill('F-1001');

  await page.getByRole('button', { name: 'Add a child' }).click();
  const first = page.getByRole('group', { name: 'New child 1' });
  await expect(first.getByLabel('First name')).toBeFocused();
  await first.getByLabel('First name').fill('Amy');
  await expect(first.getByLabel('Last name')).toHaveValue('Smith');
  await fillDate(first.getByRole('group', { name: 'Date of birth' }), '2', '4', '2019');

  await page.getByRole('button', { name: 'Add a child' }).click();
  const second = page.getByRole('group', { name: 'New child 2' });
  await second.getByLabel('First name').fill('Baby');
  await second.getByLabel('Not born yet').check();
  // An expected date must be near today (the register's clock): two months ahead.
  const expected = fromToday(60);
  const [ey = '', em = '', ed = ''] = expected.split('-');
  await fillDate(
    second.getByRole('group', { name: 'Expected date of birth' }),
    String(Number(ed)),
    String(Number(em)),
    ey,
  );

  // A third child added by mistake and removed again.
  await page.getByRole('button', { name: 'Add a child' }).click();
  await page.getByRole('button', { name: 'Remove new child 3' }).click();
  await expect(page.getByRole('group', { name: 'New child 3' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a child' })).toBeFocused();

  await page.getByRole('button', { name: 'Create conference' }).click();

  await expect(page.getByRole('alert')).toContainText('Conference created');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Initial conference');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Smith family');
  await expect(page.getByText('Thursday 5 March 2026')).toBeVisible();
  const children = page.getByRole('list', { name: 'Children considered' }).getByRole('listitem');
  await expect(children).toHaveCount(2);
  await expect(children.filter({ hasText: 'Amy Smith' })).toHaveCount(1);
  await expect(children.filter({ hasText: 'Baby Smith' })).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Conferences' }).click();
  const row = page.getByRole('row', { name: /Smith/ });
  await expect(row).toContainText('Thursday 5 March 2026');
  await expect(row).toContainText('10:00');
  await expect(row).toContainText('Initial');
  await expect(row).toContainText('Amy Smith');
  await expect(row).toContainText('Baby Smith');
  await expect(row).toContainText('Test Chair');
  await expect(row).toContainText('Civic Centre, room 2');
  await expect(page.getByRole('status')).toContainText('Showing 1 to 1 of 1 conference');

  await page.reload();
  await expect(row).toContainText('Amy Smith');
  await expect(row).toContainText('Baby Smith');

  await page.getByLabel('Search conferences').fill('F-1001');
  await expect(page.getByRole('status')).toContainText('Showing 1 to 1 of 1 conference matching “F-1001”');
  await page.getByLabel('Search conferences').fill('Jones');
  await expect(page.getByRole('status')).toHaveText('No conferences match “Jones”.');
});

test('a review conference for a family already in the register picks one of its children', async ({ app, page }) => {
  await app.register.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2025-11-03',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Jones', caseReference: 'F-2002' },
      childIds: [],
      newChildren: [
        { givenName: 'Cara', familyName: 'Jones', dateOfBirth: '2018-06-01', expectedDate: null, caseReference: null },
        { givenName: 'Dylan', familyName: 'Jones', dateOfBirth: '2021-01-15', expectedDate: null, caseReference: null },
      ],
    }),
  );

  await page.goto(`${app.url}#/conferences/new`);
  await page.getByLabel('Review', { exact: true }).check();
  await fillWhenAndWhere(page, ['3', '2', '2026'], '14:30');

  await page.getByLabel('Find a family').fill('Dylan');
  await page.getByLabel('Find a family').press('Enter');
  await expect(page.getByText('1 family found.')).toBeVisible();
  const family = page.getByRole('radio', { name: 'Jones' });
  await expect(page.getByText('Case reference F-2002')).toBeVisible();
  await family.check();

  // Nothing ticked yet: the register asks for a child, and the link goes to the first checkbox.
  await page.getByRole('button', { name: 'Create conference' }).click();
  const link = page.getByRole('link', { name: 'Select or add at least one child' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByLabel('Cara Jones, born 1 June 2018')).toBeFocused();

  await page.getByLabel('Dylan Jones, born 15 January 2021').check();
  await page.getByRole('button', { name: 'Create conference' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Review conference');
  await expect(page.getByRole('list', { name: 'Children considered' }).getByRole('listitem')).toHaveText([
    'Dylan Jones',
  ]);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Conferences' }).click();
  await expect(page.getByRole('status')).toContainText('Showing 1 to 2 of 2 conferences');
  // Newest first.
  await expect(page.getByRole('row').nth(1)).toContainText('Tuesday 3 February 2026');
  await expect(page.getByRole('row').nth(1)).toContainText('Review');
  await expect(page.getByRole('row').nth(2)).toContainText('Monday 3 November 2025');
  expect(await app.register.conferences.searchFamilies('Jones')).toHaveLength(1);
});

test('a conference with no children, and other gaps, is refused with each problem in the summary', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/conferences/new`);
  await page.getByLabel('Initial', { exact: true }).check();
  await fillWhenAndWhere(page, ['31', '2', '2026'], '9.30');
  await page.getByLabel('New family').check();
  await page.getByLabel('Family name').fill('Patel');
  await page.getByRole('button', { name: 'Create conference' }).click();

  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Select or add at least one child' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'The date of the conference must be a real date' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter the start time as hh:mm, like 09:30 or 14:00' })).toBeVisible();

  await page.getByRole('link', { name: 'Select or add at least one child' }).click();
  await expect(page.getByRole('button', { name: 'Add a child' })).toBeFocused();
  await page.getByRole('link', { name: 'The date of the conference must be a real date' }).click();
  await expect(page.getByRole('group', { name: 'Date of the conference' }).getByLabel('Day')).toBeFocused();

  expect(
    (await app.register.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 10 }))).total,
  ).toBe(0);
});

/** The Jones family already in the register, with Cara (born 1 June 2018) and Dylan. */
async function seedJones(app: AppUnderTest) {
  return app.register.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2025-11-03',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Jones', caseReference: 'F-2002' },
      newChildren: [
        { givenName: 'Cara', familyName: 'Jones', dateOfBirth: '2018-06-01' },
        { givenName: 'Dylan', familyName: 'Jones', dateOfBirth: '2021-01-15' },
      ],
    }),
  );
}

async function newFamilyWithCara(app: AppUnderTest, page: Page): Promise<Locator> {
  await page.goto(`${app.url}#/conferences/new`);
  await page.getByLabel('Review', { exact: true }).check();
  await fillWhenAndWhere(page, ['3', '2', '2026'], '14:30');
  await page.getByLabel('New family').check();
  await page.getByLabel('Family name').fill('Jones');
  await page.getByRole('button', { name: 'Add a child' }).click();
  const child = page.getByRole('group', { name: 'New child 1' });
  await child.getByLabel('First name').fill('Cara');
  await fillDate(child.getByRole('group', { name: 'Date of birth' }), '1', '6', '2018');
  return child;
}

test('a new child already in the register is offered as they are entered, and the existing record is used', async ({
  app,
  page,
}) => {
  const existing = await seedJones(app);
  const cara = existing.children.find((c) => c.givenName === 'Cara');
  const child = await newFamilyWithCara(app, page);

  // Moving on from the child's fields asks the register whether it knows the child.
  await child.getByRole('group', { name: 'Date of birth' }).getByLabel('Year').press('Tab');
  const offer = page.getByRole('group', { name: 'This child may already be in the register' });
  await expect(offer).toContainText(
    'Cara Jones, born 1 June 2018 is already in the register (the Jones family, F-2002)',
  );
  await expect(offer.getByRole('button', { name: 'This is a different child' })).toBeVisible();
  await offer.getByRole('button', { name: 'Use Cara Jones, born 1 June 2018, Jones family (F-2002)' }).click();

  // The existing family is chosen, with Cara selected in place of the new child.
  await expect(page.getByRole('radio', { name: 'Jones' })).toBeChecked();
  const tick = page.getByLabel('Cara Jones, born 1 June 2018');
  await expect(tick).toBeChecked();
  await expect(tick).toBeFocused();
  await expect(page.getByLabel('Dylan Jones, born 15 January 2021')).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'New child 1' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Create conference' }).click();

  await expect(page.getByRole('alert')).toContainText('Conference created');
  await expect(page.getByRole('list', { name: 'Children considered' }).getByRole('listitem')).toHaveText([
    'Cara Jones',
  ]);
  expect(await app.register.conferences.searchFamilies('Jones')).toHaveLength(1);
  const created = (
    await app.register.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 10 }))
  ).items.find((c) => c.id !== existing.id);
  expect(created?.children.map((c) => c.id)).toEqual([cara?.id]);
});

test('a new child matching one in the register is refused until the user says it is a different child', async ({
  app,
  page,
}) => {
  await seedJones(app);
  await newFamilyWithCara(app, page);

  // Straight to "Create": the match is named in the summary, and its link goes to the offer.
  await page.getByRole('button', { name: 'Create conference' }).click();
  const link = page.getByRole('link', {
    name: 'Cara Jones, born 1 June 2018 is already in the register (the Jones family, F-2002): choose the existing record, or confirm this is someone else',
  });
  await expect(link).toBeVisible();
  expect(
    (await app.register.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 10 }))).total,
  ).toBe(1);
  await link.click();
  const use = page.getByRole('button', { name: 'Use Cara Jones, born 1 June 2018, Jones family (F-2002)' });
  await expect(use).toBeFocused();

  await page.getByRole('button', { name: 'This is a different child' }).click();
  await expect(
    page.getByText('Noted: not the same as Cara Jones, born 1 June 2018, Jones family (F-2002).'),
  ).toBeFocused();
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('alert')).toContainText('Conference created');
  // Two Jones families now, each with its own Cara.
  expect(await app.register.conferences.searchFamilies('Jones')).toHaveLength(2);
});

test('impossible dates are shown next to their fields', async ({ app, page }) => {
  await page.goto(`${app.url}#/conferences/new`);
  await page.getByLabel('Initial', { exact: true }).check();
  const far = fromToday(800);
  const [y = '', m = '', d = ''] = far.split('-');
  await fillWhenAndWhere(page, [String(Number(d)), String(Number(m)), y], '10:00');
  await page.getByLabel('New family').check();
  await page.getByLabel('Family name').fill('Patel');
  await page.getByRole('button', { name: 'Add a child' }).click();
  const child = page.getByRole('group', { name: 'New child 1' });
  await child.getByLabel('First name').fill('Dev');
  const tomorrow = fromToday(1);
  const [ty = '', tm = '', td = ''] = tomorrow.split('-');
  await fillDate(child.getByRole('group', { name: 'Date of birth' }), String(Number(td)), String(Number(tm)), ty);
  await page.getByRole('button', { name: 'Create conference' }).click();

  const born = 'The date of birth cannot be in the future: for an unborn child enter the expected date';
  await expect(page.getByRole('link', { name: born })).toBeVisible();
  await expect(child.getByRole('group', { name: 'Date of birth' })).toHaveAccessibleDescription(new RegExp(born));
  const when = page.getByRole('group', { name: 'Date of the conference' });
  await expect(when).toHaveAccessibleDescription(/The date of the conference must be within 2 years of today/);
  await page.getByRole('link', { name: born }).click();
  await expect(child.getByRole('group', { name: 'Date of birth' }).getByLabel('Day')).toBeFocused();
  expect(
    (await app.register.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 10 }))).total,
  ).toBe(0);
});
