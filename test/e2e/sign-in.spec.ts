import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';

const PASSWORD = 'correct horse battery staple';
const IDLE_KEY = 'cpreg.idleMsForTests';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const password = (page: Page, label = 'Password') => page.getByLabel(label, { exact: true });

test.describe('a new register', () => {
  test.use({ session: 'new' });

  test('creates the first administrator and shows the recovery key once', async ({ app, page }) => {
    await page.goto(app.url);
    await expect(h1(page, 'Create the register')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);
    await expectNoSeriousAxeViolations(page, 'create the register');

    await page.getByLabel('Administrator’s user name').fill('Alex Admin');
    await password(page).fill('a short one');
    await password(page, 'Confirm password').fill('a short one');
    await page.getByRole('button', { name: 'Create the register' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('at least 12 characters');

    await password(page).fill('alex admin long password');
    await password(page, 'Confirm password').fill('alex admin long passwort');
    await page.getByRole('button', { name: 'Create the register' }).click();
    await expect(summary).toContainText('The passwords do not match');

    await password(page, 'Confirm password').fill('alex admin long password');
    await page.getByRole('button', { name: 'Create the register' }).click();

    await expect(h1(page, 'Store the recovery key')).toBeVisible();
    const key = (await page.getByTestId('recovery-key').innerText()).trim();
    expect(key.split(/\s+/)).toHaveLength(16);
    expect(key.replace(/\s+/g, '')).toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByText('offline or in the council’s password vault')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the recovery key');

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toContainText('confirm you have stored it');
    await page.getByLabel('I have stored the recovery key').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByTestId('signed-in-user')).toContainText('Alex Admin');
    await expect(page.getByTestId('signed-in-user')).toContainText('administrator');
    await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Users' })).toBeVisible();
    await expect(page.getByTestId('recovery-key')).toHaveCount(0);

    // The key is not shown again: a reload signs in to the same register.
    await page.reload();
    await expect(page.getByTestId('recovery-key')).toHaveCount(0);
  });
});

test.describe('signed out', () => {
  test.use({ session: 'signed-out' });

  test('a wrong password is refused with a message, then the right one signs in', async ({ app, page }) => {
    await page.goto(app.url);
    await expect(h1(page, 'Sign in')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'sign in');

    await page.getByLabel('User name').fill('Test Chair');
    await password(page).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Sign in/);
    await expect(password(page)).toHaveValue('');
    await expectNoSeriousAxeViolations(page, 'sign in with an error');

    await password(page).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-user')).toContainText('Test Chair');
    await expect(h1(page, 'Conference register')).toBeVisible();
  });

  test('an empty form names both fields', async ({ app, page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter a user name');
    await expect(page.getByRole('alert')).toContainText('Enter your password');
  });
});

test('the screen locks when idle and unlocks with the password, keeping half-typed text', async ({ app, page }) => {
  await page.goto(`${app.url}#/agencies/new`);
  await expect(h1(page, 'Add an agency')).toBeVisible();
  await page.getByLabel('Agency name').fill('Half-typed Agency');

  // The e2e's own short idle time (the setting is in minutes): see use-idle-lock.ts.
  await page.evaluate(`localStorage.setItem('${IDLE_KEY}', '1000')`);
  const dialog = page.getByRole('dialog', { name: 'Locked' });
  await expect(dialog).toBeVisible();
  await page.evaluate(`localStorage.removeItem('${IDLE_KEY}')`);

  await expect(page).toHaveTitle(/^Locked/);
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
  // The form is still there behind the overlay, with its text, but cannot be reached.
  await expect(page.getByLabel('Agency name')).toHaveValue('Half-typed Agency');
  await expectNoSeriousAxeViolations(page, 'the locked overlay');

  // The register is locked too: a call from the page is refused until unlocked.
  const refused: unknown = await page.evaluate(`(async () => {
    const response = await fetch('./api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Cpreg-Token': sessionStorage.getItem('cpreg.token') ?? '' },
      body: JSON.stringify({ channel: 'agencies.list', input: { search: '', includeInactive: true } }),
    });
    return (await response.json()).error?.code;
  })()`);
  expect(refused).toBe('locked');

  await dialog.getByLabel('Password', { exact: true }).fill('not my password');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.locator('.govuk-error-summary')).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Agency name')).toHaveValue('Half-typed Agency');

  await page.getByLabel('Type of agency').selectOption({ label: 'Police' });
  await page.getByRole('button', { name: 'Add agency' }).click();
  await expect(page.getByText('Agency added')).toBeVisible();
});

test('Lock in the header locks at once; focus stays in the dialog', async ({ app, page }) => {
  await page.goto(`${app.url}#/conferences`);
  await expect(h1(page, 'Conferences')).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Locked' });
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(d.ownerDocument.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((d) => d.contains(d.ownerDocument.activeElement))).toBe(true);

  await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(h1(page, 'Conferences')).toBeVisible();
});

test('a reload while locked asks for the password before showing anything', async ({ app, page }) => {
  await page.goto(`${app.url}#/agencies`);
  await expect(h1(page, 'Agencies')).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('dialog', { name: 'Locked' })).toBeVisible();
  await page.reload();
  const dialog = page.getByRole('dialog', { name: 'Locked' });
  await expect(dialog).toBeVisible();
  await expect(h1(page, 'Agencies')).toHaveCount(0);
  await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(h1(page, 'Agencies')).toBeVisible();
});

test('signing out goes back to signing in, with the name filled in', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('signed-in-user')).toContainText('Test Chair');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(h1(page, 'Sign in')).toBeVisible();
  await expect(page.getByLabel('User name')).toHaveValue('Test Chair');
  await page.reload();
  await expect(h1(page, 'Sign in')).toBeVisible();
});

test('a user changes their own password', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Change password' }).click();
  await expect(h1(page, 'Change your password')).toBeVisible();

  await password(page, 'Current password').fill('not my password');
  await password(page, 'New password').fill('a brand new long password');
  await password(page, 'Confirm new password').fill('a brand new long password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeVisible();

  await password(page, 'Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('User name').fill('Test Chair');
  await password(page).fill('a brand new long password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText('Test Chair');
});
