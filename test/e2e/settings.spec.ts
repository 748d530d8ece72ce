import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function fillDate(group: Locator, day: string, month: string, year: string): Promise<void> {
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

function jsonFile(content: unknown): { name: string; mimeType: string; buffer: Buffer } {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return { name: 'bank-holidays.json', mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function calculate(page: Page, date: [string, string, string], days: string): Promise<void> {
  await fillDate(page.getByRole('group', { name: 'Start date' }), ...date);
  await page.getByLabel('Number of working days').fill(days);
  await page.getByRole('button', { name: 'Calculate' }).click();
}

test('a bank-holidays file that is not JSON, or has a bad date, is refused with the place of the problem', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/settings`);
  const file = page.getByLabel('Bank-holidays file');
  const importButton = page.getByRole('button', { name: 'Import bank holidays' });

  await importButton.click();
  await expect(page.getByRole('link', { name: 'Choose a bank-holidays file' })).toBeVisible();

  await file.setInputFiles(jsonFile('{"england-and-wales": {'));
  await importButton.click();
  const notJson = page.getByRole('link', { name: 'The file is not valid JSON' });
  await expect(notJson).toBeVisible();
  await notJson.click();
  await expect(file).toBeFocused();

  const events = [
    { title: 'New Year’s Day', date: '2026-01-01', notes: '', bunting: true },
    { title: 'Good Friday', date: '2026-04-03', notes: '', bunting: false },
    { title: 'Easter Monday', date: '2026-04-06', notes: '', bunting: true },
    { title: 'Early May bank holiday', date: '2026-05-32', notes: '', bunting: true },
  ];
  await file.setInputFiles(jsonFile({ 'england-and-wales': { division: 'england-and-wales', events } }));
  await importButton.click();
  await expect(
    page.getByRole('link', {
      name: 'England and Wales, event 4, date (england-and-wales.events.3.date): Date must be a real date in the form YYYY-MM-DD',
    }),
  ).toBeVisible();
  await expect(page.getByText('The calendar uses the GOV.UK bank holidays shipped with the app.')).toBeVisible();
  expect((await app.register.calendar.status()).source).toBe('snapshot');
});

test('a valid bank-holidays file is imported and the status shows it', async ({ app, page }) => {
  await page.goto(`${app.url}#/settings`);
  const scotland = page.getByRole('row', { name: /Scotland/ });
  await expect(scotland).toContainText('2018 to 2027');

  const feed = {
    scotland: {
      division: 'scotland',
      events: [
        { title: '2nd January', date: '2028-01-03', notes: 'Substitute day', bunting: true },
        { title: 'St Andrew’s Day', date: '2028-11-30', notes: '', bunting: true },
      ],
    },
  };
  await page.getByLabel('Bank-holidays file').setInputFiles(jsonFile(feed));
  await page.getByRole('button', { name: 'Import bank holidays' }).click();

  await expect(page.getByRole('alert')).toContainText('Bank holidays imported');
  await expect(page.getByRole('alert')).toContainText('2 bank holidays imported for Scotland.');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(scotland).toContainText('2018 to 2028');
  await expect(page.getByRole('row', { name: /England and Wales/ })).toContainText('2018 to 2027');
  await expect(page.getByText(/updated from a file imported on/)).toBeVisible();
  expect((await app.register.calendar.status()).source).toBe('imported');
});

test('the working days calculator counts bank holidays and warns past the calendar', async ({ page, app }) => {
  await page.goto(`${app.url}#/settings`);
  const result = page.getByTestId('working-days-result');

  // Nothing entered: the register's own messages.
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(page.getByRole('link', { name: 'Enter a real date' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter a number of working days' })).toBeVisible();
  await page.getByRole('link', { name: 'Enter a number of working days' }).click();
  await expect(page.getByLabel('Number of working days')).toBeFocused();

  // Christmas Day, Boxing Day and New Year's Day 2026 are skipped.
  await calculate(page, ['19', '12', '2025'], '15');
  await expect(result).toContainText('15 working days after Friday 19 December 2025 is');
  await expect(result).toContainText('Wednesday 14 January 2026');
  await expect(result.getByText('Warning')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toHaveCount(0);

  await page.getByLabel('Subtract (working days before)').check();
  await calculate(page, ['14', '1', '2026'], '15');
  await expect(result).toContainText('Friday 19 December 2025');

  await page.getByLabel('Add (working days after)').check();
  await calculate(page, ['5', '1', '2029'], '10');
  await expect(result).toContainText('Friday 19 January 2029');
  await expect(result).toContainText('Warning');
  await expect(result).toContainText('Bank holidays are known for 2018 to 2027 only');
});

test('settings are saved: the partnership name heads every page and closure days count in the calculator', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/settings`);
  await page.getByLabel('Partnership name').fill('North Lincolnshire Safeguarding Children Partnership');
  await page.getByLabel('Default chair’s name').fill('Priya Shah');
  await page.getByLabel('Lock the screen after this many minutes without use').fill('121');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('link', { name: 'Minutes before the screen locks must be 120 or fewer' })).toBeVisible();
  await page.getByLabel('Lock the screen after this many minutes without use').fill('20');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Settings saved');
  await expect(page.getByRole('banner')).toContainText('North Lincolnshire Safeguarding Children Partnership');
  expect((await app.register.settings.get()).userName).toBe('Priya Shah');
  expect((await app.register.settings.get()).idleLockMinutes).toBe(20);

  await page.getByRole('button', { name: 'Add closure day' }).click();
  await expect(page.getByRole('link', { name: 'Enter the date the unit is closed' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter why the unit is closed' })).toBeVisible();

  await fillDate(page.getByRole('group', { name: 'Date the unit is closed' }), '5', '1', '2026');
  await page.getByLabel('Reason', { exact: true }).fill('Office move');
  await page.getByRole('button', { name: 'Add closure day' }).click();
  await expect(page.getByRole('alert')).toContainText('Closure day added');
  await expect(page.getByRole('row', { name: /5 January 2026/ })).toContainText('Office move');

  // Monday 5 January 2026 is now closed, so the answer moves a day later.
  await calculate(page, ['19', '12', '2025'], '15');
  await expect(page.getByTestId('working-days-result')).toContainText('Thursday 15 January 2026');

  await page.reload();
  await expect(page.getByLabel('Default chair’s name')).toHaveValue('Priya Shah');
  await page.getByRole('button', { name: 'Remove closure day 5 January 2026' }).click();
  await expect(page.getByRole('alert')).toContainText('Closure day removed');
  await expect(page.getByText('No closure days are set.')).toBeVisible();
});

test('the forms and letters settings are checked, saved, and kept when the app restarts', async ({ app, page }) => {
  await page.goto(`${app.url}#/settings`);
  const section = page.getByRole('form', { name: 'Forms and letters' });
  await expect(section.getByLabel('Protective marking')).toHaveValue('OFFICIAL-SENSITIVE');
  await expect(section.getByLabel('Review unit name')).toHaveValue('Child Protection Review Unit');

  await section.getByLabel('Protective marking').fill('');
  await section.getByLabel('Review unit email').fill('not an email');
  await section.getByLabel('Training link').fill('intranet/training');
  await section.getByRole('button', { name: 'Save forms and letters settings' }).click();
  await expect(page.getByRole('link', { name: 'Enter the protective marking for forms and letters' })).toBeVisible();
  await page.getByRole('link', { name: 'Enter the unit’s email address in the form name@example.org' }).click();
  await expect(section.getByLabel('Review unit email')).toBeFocused();
  await expect(
    page.getByRole('link', { name: 'Enter the training link as a web address starting https://' }),
  ).toBeVisible();
  expect((await app.register.settings.get()).protectiveMarking).toBe('OFFICIAL-SENSITIVE');

  await section.getByLabel('Protective marking').fill('OFFICIAL');
  await section.getByLabel('Review unit name').fill('Child Protection Review Unit, North Lincolnshire');
  await section.getByLabel('Review unit email').fill('cpru@demo.example.org');
  await section.getByLabel('Review unit phone').fill('01632 960 200');
  await section.getByLabel('Training link').fill('https://training.example.org/cp-conferences');
  await section.getByRole('button', { name: 'Save forms and letters settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Forms and letters settings saved');

  await app.restart();
  await page.goto(`${app.url}#/settings`);
  await expect(section.getByLabel('Protective marking')).toHaveValue('OFFICIAL');
  await expect(section.getByLabel('Review unit name')).toHaveValue('Child Protection Review Unit, North Lincolnshire');
  await expect(section.getByLabel('Review unit email')).toHaveValue('cpru@demo.example.org');
  await expect(section.getByLabel('Review unit phone')).toHaveValue('01632 960 200');
  await expect(section.getByLabel('Training link')).toHaveValue('https://training.example.org/cp-conferences');

  // A blank optional field is cleared, not kept.
  await section.getByLabel('Review unit phone').fill('');
  await section.getByRole('button', { name: 'Save forms and letters settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Forms and letters settings saved');
  expect((await app.register.settings.get()).unitPhone).toBeNull();
});
