import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/**
 * A screen that fails while rendering shows an error page inside the app shell instead of a
 * blank window. The failure is real: before the app loads, `Date.prototype.getFullYear` (which
 * the "Start an escalation" screen calls while rendering, for today's date) is made to throw
 * while a flag on the page's global object is set (`Reflect`, as this program has no DOM types).
 */

test('a screen that fails to render shows an error page in the app shell, and "Try again" shows it once it can', async ({
  app,
  page,
}) => {
  await page.addInitScript(() => {
    const getFullYear = Date.prototype.getFullYear;
    Date.prototype.getFullYear = function (this: Date) {
      if (Reflect.get(globalThis, 'cpregTestBreakDates') === true) throw new Error('The date could not be read');
      return getFullYear.call(this);
    };
    Reflect.set(globalThis, 'cpregTestBreakDates', true);
  });
  await page.goto(`${app.url}#/escalations/new`);

  const heading = page.getByRole('heading', { level: 1, name: 'Sorry, this page could not be shown' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/^Sorry, this page could not be shown/);
  await expect(page.getByRole('main')).toContainText('The date could not be read');
  await expect(page.getByRole('main')).toContainText('Nothing you had already saved has been lost');
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // The shell stays: the skip link, the header and the navigation still work.
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await menu.getByRole('link', { name: 'Agencies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();

  // Back to the failing screen: the error page again, until the date can be read.
  await page.goBack();
  await expect(heading).toBeVisible();
  await page.evaluate(() => Reflect.set(globalThis, 'cpregTestBreakDates', false));
  const tryAgain = page.getByRole('button', { name: 'Try again' });
  await tryAgain.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Start an escalation' })).toBeVisible();
  await expect(heading).toHaveCount(0);
});

test('an error outside rendering leaves the screen in place and says so', async ({ app, page }) => {
  await page.goto(`${app.url}#/agencies`);
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();

  // A failure in a timer or a promise nobody waits for, as a bug in an event handler would be.
  await page.evaluate(() => {
    globalThis.setTimeout(() => {
      throw new Error('A timer failed');
    });
    void Promise.reject(new Error('A promise failed'));
  });
  const problem = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('Anything already saved is kept');
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();

  await problem.getByRole('button', { name: 'Dismiss' }).click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
});
