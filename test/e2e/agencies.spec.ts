import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openAgencies(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Agencies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
}

test('an agency added through the form survives a reload and a restart, and can be edited and deactivated', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await openAgencies(page);
  await expect(page.getByText('There are no agencies yet.')).toBeVisible();

  await page.getByRole('link', { name: 'Add an agency' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an agency' })).toBeFocused();
  await page.getByLabel('Agency name').fill('Humber Police');
  await page.getByLabel('Type of agency').selectOption({ label: 'Police' });
  await page.getByLabel('Email address').fill('safeguarding@humber-police.example');
  await page.getByRole('button', { name: 'Add agency' }).click();

  await expect(page.getByRole('alert')).toContainText('Agency added');
  await expect(page.getByRole('alert')).toBeFocused();
  const row = page.getByRole('row', { name: /Humber Police/ });
  await expect(row).toContainText('Police');
  await expect(row).toContainText('safeguarding@humber-police.example');
  await expect(row).toContainText('Active');

  await page.reload();
  await expect(row).toContainText('safeguarding@humber-police.example');

  await app.restart();
  await page.goto(app.url);
  await openAgencies(page);
  await expect(row).toContainText('safeguarding@humber-police.example');

  await row.getByRole('link', { name: 'Humber Police' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Edit agency/ })).toBeVisible();
  await expect(page.getByLabel('Agency name')).toHaveValue('Humber Police');
  await page.getByLabel('Full name').fill('Dana Reeve');
  await page.getByLabel('Job title').fill('Detective Inspector, Public Protection');
  await page.getByLabel('Quoracy group (optional)').fill('police');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Agency updated');
  await expect(row).toContainText('Dana Reeve');

  await row.getByRole('link', { name: 'Humber Police' }).click();
  await expect(page.getByText(/past conferences and records that name it keep it/)).toBeVisible();
  await page.getByRole('button', { name: 'Deactivate agency' }).click();
  await expect(page.getByRole('alert')).toContainText('Agency deactivated');
  await expect(row).toContainText('Inactive');
  expect((await app.register.agencies.list('', true)).map((a) => [a.name, a.active])).toEqual([
    ['Humber Police', false],
  ]);

  await page.getByLabel('Hide inactive agencies').check();
  await expect(row).toHaveCount(0);
  await page.getByLabel('Hide inactive agencies').uncheck();

  await row.getByRole('link', { name: 'Humber Police' }).click();
  await page.getByRole('button', { name: 'Reactivate agency' }).click();
  await expect(page.getByRole('alert')).toContainText('Agency reactivated');
  await expect(row).toContainText('Active');
});

test('a badly written email shows the error summary, its link focuses the field, and nothing is saved', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/agencies/new`);
  await page.getByLabel('Agency name').fill('Northfield Academy');
  await page.getByLabel('Type of agency').selectOption({ label: 'Education' });
  await page.getByLabel('Email address').fill('head.northfield.example');
  await page.getByRole('button', { name: 'Add agency' }).click();

  const message = 'Enter an email address in the correct format, like name@example.com';
  const link = page.getByRole('link', { name: message });
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.locator(':focus')).toContainText('There is a problem');
  await expect(link).toBeVisible();
  await expect(page.getByText(`Error: ${message}`)).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Add an agency/);

  await link.click();
  await expect(page.getByLabel('Email address')).toBeFocused();
  await expect(page).toHaveURL(/#\/agencies\/new$/);

  expect(await app.register.agencies.list('', true)).toEqual([]);
  await openAgencies(page);
  await expect(page.getByText('There are no agencies yet.')).toBeVisible();
});

test('a name already in the directory is refused by the register and shown against the name', async ({ app, page }) => {
  await app.register.agencies.create({
    name: 'Northfield Academy',
    type: 'education',
    quoracyGroup: null,
    leadName: null,
    leadJobTitle: null,
    leadEmail: null,
    leadPhone: null,
  });
  await page.goto(`${app.url}#/agencies/new`);
  await page.getByLabel('Agency name').fill('Northfield Academy');
  await page.getByLabel('Type of agency').selectOption({ label: 'Education' });
  await page.getByRole('button', { name: 'Add agency' }).click();

  const link = page.getByRole('link', { name: 'An agency called “Northfield Academy” already exists' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByLabel('Agency name')).toBeFocused();
  expect(await app.register.agencies.list('', true)).toHaveLength(1);
});

test('the search filters as you type and on Search', async ({ app, page }) => {
  for (const [name, type] of [
    ['Humber Police', 'police'],
    ['Northfield Academy', 'education'],
    ['Scunthorpe General Hospital', 'health'],
  ] as const) {
    await app.register.agencies.create({
      name,
      type,
      quoracyGroup: type === 'health' ? 'health' : null,
      leadName: null,
      leadJobTitle: null,
      leadEmail: null,
      leadPhone: null,
    });
  }
  await page.goto(`${app.url}#/agencies`);
  await expect(page.getByRole('row')).toHaveCount(4);

  await page.getByLabel('Search agencies').pressSequentially('academy');
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row', { name: /Northfield Academy/ })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('1 agency matching “academy”');

  await page.getByLabel('Search agencies').fill('hospital');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('row', { name: /Scunthorpe General Hospital/ })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);

  await page.getByLabel('Search agencies').fill('nothing like this');
  await page.getByLabel('Search agencies').press('Enter');
  await expect(page.getByRole('status')).toHaveText('No agencies match “nothing like this”.');
});
