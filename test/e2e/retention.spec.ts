import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { openRegister } from '../../electron/main/register/register';
import { expect, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';

/**
 * Two families whose conferences were in 2003, entered through the services with the register's
 * clock set then (a second connection to the test's register file), and a rule of 5 years.
 */
async function seed(app: AppUnderTest) {
  const old = await openRegister(app.dbPath, {
    key: app.dataKey,
    automaticBackups: false,
    defaultUserName: 'Test Chair',
    now: () => new Date('2003-01-06T09:00:00Z'),
  });
  for (const [family, child] of [
    ['Wolstenholme', 'Xanthe'],
    ['Yelverton', 'Zebedee'],
  ] as const) {
    await old.conferences.create(
      conferenceInputSchema.parse({
        type: 'initial',
        date: '2003-01-13',
        time: '10:00',
        venue: 'Room 1',
        chairName: 'Test Chair',
        family: { name: family },
        newChildren: [{ givenName: child, familyName: family, dateOfBirth: '2001-02-03' }],
      }),
    );
  }
  await old.close();
  await app.register.settings.update({ retentionRule: { basis: 'last-record', years: 5 } });
}

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an administrator places a legal hold, lifts it, and erases a family past retention', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Retention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('2 families are past retention.');
  const row = page.getByTestId('retention-1');
  await expect(row).toContainText('Wolstenholme');
  await expect(row).toContainText('13 January 2008');
  await noSeriousViolations(page);

  // A hold, with its reason; the erase is not offered while it stands.
  await row.getByRole('link', { name: 'Place hold on Wolstenholme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Place a legal hold' })).toBeVisible();
  await page.getByRole('button', { name: 'Place the hold' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter why the records are held');
  await page.getByLabel('Why are the records held?').fill('Subject access request open');
  await page.getByRole('button', { name: 'Place the hold' }).click();
  await expect(page.getByText('Legal hold placed')).toBeVisible();
  await expect(row).toContainText('On legal hold');
  await expect(row).toContainText('Subject access request open');
  await expect(row.getByRole('link', { name: /^Erase/ })).toHaveCount(0);

  await row.getByRole('link', { name: 'Lift hold on Wolstenholme' }).click();
  await page.getByLabel('Why is the hold lifted?').fill('Request answered');
  await page.getByRole('button', { name: 'Lift the hold' }).click();
  await expect(page.getByText('Legal hold lifted')).toBeVisible();
  await expect(row).not.toContainText('On legal hold');

  // The erase: a warning, and the family name typed again.
  await row.getByRole('link', { name: 'Erase Wolstenholme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erase this family’s records' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('It cannot be undone');
  await noSeriousViolations(page);
  await page.getByLabel('Type the family name to confirm').fill('Yelverton');
  await page.getByRole('button', { name: 'Erase for good' }).click();
  await expect(page.getByRole('alert')).toContainText('Type the family name exactly as shown');
  await page.getByLabel('Type the family name to confirm').fill('Wolstenholme');
  await page.getByRole('button', { name: 'Erase for good' }).click();
  await expect(page.getByText('Records erased')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('1 family is past retention.');
  await expect(page.getByTestId('retention-1')).toHaveCount(0);
  await expect(page.getByTestId('retention-2')).toContainText('Yelverton');
});
