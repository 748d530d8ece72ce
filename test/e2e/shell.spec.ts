import { expect, test } from './fixtures';
import { agencyInputSchema } from '../../shared/schemas/agency';

const SECTIONS = [
  ['Home', 'Conference register', 'Home'],
  ['Conferences', 'Conferences', 'Conferences'],
  ['Escalations', 'Escalations', 'Escalations'],
  ['Letters and forms', 'Letters and forms', 'Letters and forms'],
  ['Agencies', 'Agencies', 'Agencies'],
  ['Reports', 'Reports', 'Reports'],
  ['Settings', 'Settings', 'Settings'],
  ['Audit', 'Audit trail', 'Audit trail'],
] as const;

test('the header names the partnership and the product, and the navigation marks the current section', async ({
  app,
  page,
}) => {
  // A Content-Security-Policy refusal (an inline style, say) is reported as a console error.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(app.url);
  const banner = page.getByRole('banner');
  await expect(banner).toContainText('Safeguarding Children Partnership');
  await expect(banner).toContainText('CP Conference Register');
  // The session token is kept out of the address bar.
  await expect(page).not.toHaveURL(/token=/);

  const menu = page.getByRole('navigation', { name: 'Menu' });
  for (const [link, heading, title] of SECTIONS) {
    await menu.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
    await expect(page).toHaveTitle(`${title} – CP Conference Register`);
    await expect(menu.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('[aria-current]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  }

  await menu.getByRole('link', { name: 'Agencies' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Add an agency' }).click();
  await expect(menu.getByRole('link', { name: 'Agencies' })).toHaveAttribute('aria-current', 'true');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
  expect(problems).toEqual([]);
});

test.describe('narrower than 641 CSS pixels (a phone, or 200% zoom of a 1280-pixel window)', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });

  test('the navigation folds behind a Menu button, so the page starts on the first screen', async ({ app, page }) => {
    await page.goto(app.url);
    const menu = page.getByRole('navigation', { name: 'Menu' });
    const toggle = menu.getByRole('button', { name: 'Menu' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(menu.getByRole('link', { name: 'Agencies' })).toBeHidden();
    // The page's heading is on the first screen, under the header, not below eight links.
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(heading?.y).toBeLessThan(360);

    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await menu.getByRole('link', { name: 'Agencies' }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeFocused();
    // Choosing a section folds the menu again.
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(menu.getByRole('link', { name: 'Agencies' })).toBeHidden();
  });
});

test('the home page counts active agencies and conferences', async ({ app, page }) => {
  const agency = await app.register.agencies.create(
    agencyInputSchema.parse({
      name: 'Humber Police',
      type: 'police',
      quoracyGroup: null,
      leadName: null,
      leadJobTitle: null,
      leadEmail: null,
      leadPhone: null,
    }),
  );
  await app.register.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  await app.register.agencies.setActive(agency.id, false);
  await page.goto(app.url);
  await expect(page.getByTestId('agency-count')).toHaveText('1 active agency.');
  await expect(page.getByTestId('conference-count')).toHaveText('0 conferences in the register.');
});

test('an address that is not a page, or a record that does not exist, says so', async ({ app, page }) => {
  await page.goto(`${app.url}#/nowhere`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.goto(`${app.url}#/conferences/999`);
  await expect(page.getByRole('heading', { level: 1, name: 'Conference not found' })).toBeVisible();
  await page.goto(`${app.url}#/agencies/999/edit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Agency not found' })).toBeVisible();
});
