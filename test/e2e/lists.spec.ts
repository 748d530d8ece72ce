import { expectNoSeriousAxeViolations } from './axe';
import { expect, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';

/**
 * Lists that scale (issue 12, part 3): the conference list sorts by its column headers, pages
 * with the GOV.UK pagination, and its search ignores case and accents ("zoe" finds Zoë).
 */

/** 30 conferences a day apart from 1 June 2026, families "Family 00" to "Family 29"; Zoë is in the last. */
async function thirtyConferences(app: AppUnderTest): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    const date = new Date(Date.UTC(2026, 5, 1 + i)).toISOString().slice(0, 10);
    const family = `Family ${String(i).padStart(2, '0')}`;
    await app.register.conferences.create(
      conferenceInputSchema.parse({
        type: 'initial',
        date,
        time: '10:00',
        venue: 'Civic Centre',
        chairName: 'Sam Okafor',
        family: { name: family },
        newChildren: [{ givenName: i === 29 ? 'Zoë' : 'Sam', familyName: family, dateOfBirth: '2019-04-02' }],
      }),
    );
  }
}

test('the conference list sorts by a column, pages, and finds Zoë typed as "zoe"', async ({ app, page }) => {
  await thirtyConferences(app);
  await page.goto(`${app.url}#/conferences`);
  const table = page.getByTestId('conferences-table');
  const status = page.getByTestId('conferences-status');
  await expect(status).toHaveText('Showing 1 to 25 of 30 conferences, newest first.');
  await expect(table.locator('tbody tr')).toHaveCount(25);
  await expect(table.locator('tbody tr').first()).toContainText('Family 29');
  const dateHeader = table.getByRole('columnheader', { name: /Date and time/ });
  await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
  await expectNoSeriousAxeViolations(page, 'the conference list');

  // Sort by family: the header's button, by keyboard.
  const familyHeader = table.getByRole('columnheader', { name: /Family/ });
  await expect(familyHeader).toHaveAttribute('aria-sort', 'none');
  await familyHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(familyHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(dateHeader).toHaveAttribute('aria-sort', 'none');
  await expect(table.locator('tbody tr').first()).toContainText('Family 00');
  await expect(status).toHaveText('Showing 1 to 25 of 30 conferences.');

  // The next page: the last five, and the pagination says which page this is.
  const pages = page.getByRole('navigation', { name: 'Conference list pages' });
  await pages.getByRole('button', { name: 'Next page' }).click();
  await expect(status).toHaveText('Showing 26 to 30 of 30 conferences.');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tbody tr').first()).toContainText('Family 25');
  await expect(pages.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(pages.getByRole('button', { name: 'Next page' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, 'the second page of the conference list');

  // The same column again reverses the order, from the first page.
  await familyHeader.getByRole('button').click();
  await expect(familyHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(status).toHaveText('Showing 1 to 25 of 30 conferences.');
  await expect(table.locator('tbody tr').first()).toContainText('Family 29');
  await pages.getByRole('button', { name: 'Page 2' }).click();
  await expect(table.locator('tbody tr').first()).toContainText('Family 04');
  await pages.getByRole('button', { name: 'Previous page' }).click();
  await expect(table.locator('tbody tr').first()).toContainText('Family 29');

  // A search without the accent finds Zoë, and starts again at the first page.
  await pages.getByRole('button', { name: 'Page 2' }).click();
  await page.getByLabel('Search conferences').fill('zoe');
  await expect(status).toHaveText('Showing 1 to 1 of 1 conference matching “zoe”.');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.getByRole('row', { name: /Family 29/ })).toContainText('Zoë Family 29');
  await expect(pages).toHaveCount(0);
  await page.getByLabel('Search conferences').fill('ZOË FAMILY');
  await expect(status).toHaveText('Showing 1 to 1 of 1 conference matching “ZOË FAMILY”.');
  await expectNoSeriousAxeViolations(page, 'the conference list searched');
});
