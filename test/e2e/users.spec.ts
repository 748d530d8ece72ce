import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const password = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });

async function signIn(page: Page, name: string, secret: string): Promise<void> {
  await expect(h1(page, 'Sign in')).toBeVisible();
  await page.getByLabel('User name').fill(name);
  await password(page, 'Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an administrator adds a chair, who can sign in, then disables them', async ({ app, page }) => {
  await page.goto(app.url);
  await menu(page).getByRole('link', { name: 'Users' }).click();
  await expect(h1(page, 'Users')).toBeVisible();
  await expect(page.getByRole('row', { name: /Test Chair/ })).toContainText('Active');
  await expectNoSeriousAxeViolations(page, 'users');

  await page.getByRole('link', { name: 'Add a user' }).click();
  await expect(h1(page, 'Add a user')).toBeVisible();
  await expect(page.getByText('Conferences, their views and decisions, and escalations')).toBeVisible();
  await page.getByRole('button', { name: 'Add user' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter a user name');
  await expect(summary).toContainText('Choose at least one role');
  await expectNoSeriousAxeViolations(page, 'add a user with errors');

  await page.getByLabel('User name').fill('Sam Okafor');
  await page.getByLabel('Chair', { exact: true }).check();
  await password(page, 'First password').fill('sam okafor first password');
  await password(page, 'Confirm first password').fill('sam okafor first password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('User added')).toBeVisible();
  const row = page.getByRole('row', { name: /Sam Okafor/ });
  await expect(row).toContainText('chair');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');

  await row.getByRole('link', { name: 'Sam Okafor' }).click();
  await expect(h1(page, 'Sam Okafor')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'a user');
  await page.getByRole('button', { name: 'Disable user' }).click();
  await expect(page.getByText('Sam Okafor will not be able to sign in.')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, disable Sam Okafor' }).click();
  await expect(page.getByText('User disabled')).toBeVisible();
  await expect(page.getByRole('row', { name: /Sam Okafor/ })).toContainText('Disabled');

  // A disabled user's password no longer signs in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Sam Okafor', 'sam okafor first password');
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
});

test('an administrator changes a user’s roles and enables a disabled user with a new password', async ({
  app,
  page,
}) => {
  await app.addUser('Robin Officer', ['officer'], 'robin officer password');
  await page.goto(`${app.url}#/users/Robin%20Officer`);
  await expect(h1(page, 'Robin Officer')).toBeVisible();
  await page.getByLabel('Chair', { exact: true }).check();
  await page.getByRole('button', { name: 'Save roles' }).click();
  await expect(page.getByText('Roles changed')).toBeVisible();
  await expect(page.getByLabel('Chair', { exact: true })).toBeChecked();

  await page.getByRole('button', { name: 'Disable user' }).click();
  await page.getByRole('button', { name: 'Yes, disable Robin Officer' }).click();
  await expect(page.getByText('User disabled')).toBeVisible();
  await page.getByRole('link', { name: 'Robin Officer' }).click();
  await password(page, 'New password').fill('robin officer new password');
  await password(page, 'Confirm new password').fill('robin officer new password');
  await page.getByRole('button', { name: 'Enable user' }).click();
  await expect(page.getByText('User enabled')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Robin Officer', 'robin officer new password');
  await expect(page.getByTestId('signed-in-user')).toContainText('Robin Officer');
  await expect(page.getByTestId('signed-in-user')).toContainText('chair, unit officer');
});

test('a manager sees no write controls, and a forbidden message when reaching one', async ({ app, page }) => {
  await app.addUser('Morgan Manager', ['manager'], 'morgan manager password');
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Morgan Manager', 'morgan manager password');
  await expect(page.getByTestId('signed-in-user')).toContainText('manager');

  await expect(menu(page).getByRole('link', { name: 'Conferences' })).toBeVisible();
  await expect(menu(page).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByTestId('conference-count')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create a conference' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Add an agency' })).toHaveCount(0);

  await menu(page).getByRole('link', { name: 'Conferences' }).click();
  await expect(h1(page, 'Conferences')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create a conference' })).toHaveCount(0);
  await menu(page).getByRole('link', { name: 'Agencies' }).click();
  await expect(h1(page, 'Agencies')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add an agency' })).toHaveCount(0);
  await menu(page).getByRole('link', { name: 'Escalations' }).click();
  await expect(h1(page, 'Escalations')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start an escalation' })).toHaveCount(0);
  await menu(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('Only an administrator can change settings')).toBeVisible();

  // Reached by its address anyway, the register refuses the write and says which role it needs.
  await page.goto(`${app.url}#/agencies/new`);
  await page.getByLabel('Agency name').fill('Humber Police');
  await page.getByLabel('Type of agency').selectOption({ label: 'Police' });
  await page.getByRole('button', { name: 'Add agency' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('unit officer');

  await page.goto(`${app.url}#/users`);
  await expect(page.getByText('The users could not be shown')).toContainText('administrator');
  await expectNoSeriousAxeViolations(page, 'users, refused');
});
