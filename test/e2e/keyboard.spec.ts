import { expect, test } from './fixtures';

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
  expect(app.register.agencies.list('', true).map((a) => [a.name, a.type, a.leadPhone])).toEqual([
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
