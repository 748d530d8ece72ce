import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Settings is one page of separate forms, each saved on its own. Changes not yet saved in one
 * section are never dropped without the user choosing to: saving another section says which
 * sections still have unsaved changes, and leaving the page asks first.
 */

const warningOf = (page: Page) =>
  page.getByRole('region', { name: 'Important' }).filter({ hasText: 'You have unsaved changes' });

test('saving one section says another still has unsaved changes, keeps them, and discards them only when asked', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/settings`);
  const partnership = page.getByLabel('Partnership name');
  const saved = (await app.register.settings.get()).partnershipName;
  await expect(partnership).toHaveValue(saved);
  await partnership.fill('Northtown Safeguarding Children Partnership');

  await page.getByLabel('Minutes due after the conference, in working days').fill('18');
  await page.getByRole('button', { name: 'Save conference settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Conference settings saved');
  expect((await app.register.settings.get()).minutesWorkingDays).toBe(18);

  // The register section's change is still in its box, not saved, and the page says so.
  const warning = warningOf(page);
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('listitem')).toHaveText(['Register']);
  await expect(partnership).toHaveValue('Northtown Safeguarding Children Partnership');
  expect((await app.register.settings.get()).partnershipName).toBe(saved);

  // The section's link takes the user to its first field.
  await warning.getByRole('link', { name: 'Register' }).click();
  await expect(partnership).toBeFocused();

  // Discarding is a choice, and puts back what is saved.
  await warning.getByRole('button', { name: 'Discard changes' }).click();
  await expect(partnership).toHaveValue(saved);
  await expect(warning).toHaveCount(0);
  expect((await app.register.settings.get()).partnershipName).toBe(saved);

  // Typing in a section afterwards is work in progress, not a warning.
  await page.getByLabel('Review unit name').fill('Northtown Review Unit');
  await expect(page.getByText('You have unsaved changes')).toHaveCount(0);
});

test('leaving Settings with unsaved changes asks first: stay keeps them, save keeps them for good', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const unitName = page.getByLabel('Review unit name');
  await unitName.fill('Northtown Review Unit');

  const menu = page.getByRole('navigation', { name: 'Menu' });
  await menu.getByRole('link', { name: 'Agencies' }).click();
  const warning = warningOf(page);
  await expect(warning).toBeVisible();
  await expect(warning).toBeFocused();
  await expect(warning.getByRole('listitem')).toHaveText(['Forms and letters']);
  await expect(warning).toContainText('Agencies');
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await warning.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(warning).toHaveCount(0);
  await expect(unitName).toHaveValue('Northtown Review Unit');
  await expect(unitName).toBeFocused();

  // A change of address (the back button, a typed address) asks too.
  await page.evaluate("window.location.hash = '#/conferences'");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Conferences');
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(unitName).toHaveValue('Northtown Review Unit');

  // Save and go on.
  await warning.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
  expect((await app.register.settings.get()).unitName).toBe('Northtown Review Unit');
});

test('leaving Settings and discarding the changes goes on without saving them', async ({ app, page }) => {
  await page.goto(`${app.url}#/settings`);
  await page.getByLabel('Default chair’s name').fill('Someone Else');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Home' }).click();
  const warning = warningOf(page);
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page).toHaveURL(/#\/$/);
  expect((await app.register.settings.get()).userName).toBe('Test Chair');

  // Nothing unsaved: Settings can be left without a question.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Default chair’s name')).toHaveValue('Test Chair');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Agencies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
});
