import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { sharingLogInputSchema } from '../../shared/schemas/documents';

// Synthetic: a password for the test only.
const PASSWORD = 'correct horse battery staple';

/** Humber Police (a lead with an email address) and Northfield Academy (no lead email), each with October 2025 rows. */
async function seed(app: AppUnderTest): Promise<void> {
  const r = app.register;
  await r.settings.update({ unitEmail: 'cpru@demo.example.org' });
  const police = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'Humber Police',
      type: 'police',
      leadName: 'Dana Reeve',
      leadEmail: 'dana.reeve@humber-police.example',
    }),
  );
  const school = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education', leadName: 'Jo Lee' }),
  );
  for (const [agencyId, meetingDate] of [
    [police.id, '2025-10-07'],
    [police.id, '2025-10-21'],
    [school.id, '2025-10-14'],
  ] as const) {
    await r.agencyEscalations.raiseByHand({
      agencyId,
      meetingDate,
      familyIdentifier: 'Family A',
      chairName: 'Sam Okafor',
      representativeName: null,
      reason: 'no-report',
      reasonDetail: null,
    });
  }
}

async function fillDate(group: Locator, day: string, month: string, year: string): Promise<void> {
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

async function previewOctober(page: Page, agency: string): Promise<void> {
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: agency });
  await fillDate(page.getByRole('group', { name: 'From' }), '1', '10', '2025');
  await fillDate(page.getByRole('group', { name: 'To' }), '31', '10', '2025');
  await page.getByRole('button', { name: 'Preview the export' }).click();
}

function filesIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder) : [];
}

test('an export for a safeguarding lead, as a protected zip with initials and an email draft, is written and logged', async ({
  app,
  page,
}) => {
  await seed(app);
  const folder = join(app.documentsDir, 'Exports');
  await page.goto(`${app.url}#/letters`);
  await page.getByRole('link', { name: 'Export records for an agency’s safeguarding lead' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export for a safeguarding lead' })).toBeFocused();

  await previewOctober(page, 'Humber Police');
  const plan = page.getByTestId('export-plan');
  await expect(plan).toContainText('Dana Reeve');
  await expect(plan).toContainText('dana.reeve@humber-police.example');
  await expect(plan).toContainText('Appendix 3 rows2');
  await expect(plan).toContainText('Escalations0');
  await expect(plan).toContainText('appendix3-humber-police-2025-10-01-to-2025-10-31.pdf');
  await expect(page.getByLabel('Folder to write the export to')).toHaveValue(folder);

  await page.getByLabel('A zip file').check();
  await page.getByLabel('Use initials instead of children’s and families’ names').check();
  await page.getByLabel('Protect with a password (optional)').fill(PASSWORD);
  await page.getByLabel('Why are you sharing these records?').fill('Quarterly review of report submission');
  await page.getByLabel('Also make an email draft (.eml) to the safeguarding lead').check();
  await page.getByRole('button', { name: 'Make the export' }).click();

  const result = page.getByTestId('export-result');
  await expect(result).toContainText('Export made');
  await expect(result).toBeFocused();
  await expect(page.getByTestId('export-files')).toContainText('appendix3-humber-police-2025-10-01-to-2025-10-31.pdf');
  await expect(page.getByTestId('export-files')).toContainText('.csv');
  await expect(result).toContainText('Recorded in the sharing log');
  const location = (await page.getByTestId('export-location').textContent()) ?? '';
  const draft = (await page.getByTestId('export-email-draft').textContent()) ?? '';
  expect(location.endsWith('.zip')).toBe(true);
  expect(draft.endsWith('.eml')).toBe(true);
  expect(filesIn(folder).sort()).toEqual([basename(location), basename(draft)].sort());

  // Every entry of the zip is AES-encrypted (flag bit 0, method 99), so the password was used.
  const zip = readFileSync(location);
  expect(zip.readUInt32LE(0)).toBe(0x04034b50);
  expect(zip.readUInt16LE(6) & 1).toBe(1);
  expect(zip.readUInt16LE(8)).toBe(99);
  // The draft is addressed to the lead and does not carry the password.
  const eml = readFileSync(draft, 'utf8');
  expect(eml).toContain('dana.reeve@humber-police.example');
  expect(eml).not.toContain(PASSWORD);

  // The sharing log says what went to whom, why, and how it was protected.
  await result.getByRole('link', { name: 'sharing log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sharing log' })).toBeVisible();
  const row = page.getByTestId('sharing-log').getByRole('row', { name: /Humber Police/ });
  await expect(row).toContainText('Dana Reeve');
  await expect(row).toContainText('Quarterly review of report submission');
  await expect(row).toContainText('1 October 2025 to 31 October 2025');
  await expect(row).toContainText('Zip file');
  await expect(row).toContainText('Password protected: Yes');
  await expect(row).toContainText('Initials only: Yes');
  await expect(row).toContainText('2 records');
  await expect(row).toContainText('by Test Chair');

  // The filter by agency.
  await page.getByLabel('Agency').selectOption({ label: 'Northfield Academy' });
  await expect(page.getByText('Nothing has been shared.')).toBeVisible();
  await page.getByLabel('Agency').selectOption({ label: 'Any agency' });
  await expect(page.getByText('Showing 1 to 1 of 1 export.')).toBeVisible();
});

test('an email draft without the lead’s email address, or a password on a folder, is refused and nothing is written', async ({
  app,
  page,
}) => {
  await seed(app);
  const folder = join(app.documentsDir, 'Exports');
  await page.goto(`${app.url}#/letters/export`);
  await previewOctober(page, 'Northfield Academy');
  await expect(page.getByTestId('export-plan')).toContainText('Jo Lee');

  await page.getByLabel('Why are you sharing these records?').fill('Section 11 audit');
  await page.getByLabel('Also make an email draft (.eml) to the safeguarding lead').check();
  await page.getByLabel('Protect with a password (optional)').fill(PASSWORD);
  await page.getByRole('button', { name: 'Make the export' }).click();

  const message =
    'Add the safeguarding lead’s email address for Northfield Academy in the agency directory before making an email draft';
  await page.getByRole('link', { name: message }).click();
  await expect(page.getByLabel('Also make an email draft (.eml) to the safeguarding lead')).toBeFocused();
  // The password is not kept once the call has answered.
  await expect(page.getByLabel('Protect with a password (optional)')).toHaveValue('');
  expect(filesIn(folder)).toEqual([]);

  // A password needs the zip format.
  await page.getByLabel('Also make an email draft (.eml) to the safeguarding lead').uncheck();
  await page.getByLabel('A folder').check();
  await page.getByLabel('Protect with a password (optional)').fill(PASSWORD);
  await page.getByRole('button', { name: 'Make the export' }).click();
  await page
    .getByRole('link', { name: 'A password needs the zip format, so the CSV and JSON files are protected too' })
    .click();
  await expect(page.getByLabel('A zip file')).toBeFocused();
  await expect(page.getByLabel('Protect with a password (optional)')).toHaveValue('');
  expect(filesIn(folder)).toEqual([]);
  expect((await app.register.exports.sharingLog(sharingLogInputSchema.parse({ pageSize: 10 }))).items).toEqual([]);

  // A password that is too short is named too.
  await page.getByLabel('A zip file').check();
  await page.getByLabel('Protect with a password (optional)').fill('short');
  await page.getByRole('button', { name: 'Make the export' }).click();
  await expect(page.getByRole('link', { name: 'The password must be at least 12 characters' })).toBeVisible();
  expect(filesIn(folder)).toEqual([]);
});

test('Go to Settings from a problem with the export comes back to it with the agency and period kept', async ({
  app,
  page,
}) => {
  await seed(app);
  await app.register.settings.update({ unitEmail: null });
  const folder = join(app.documentsDir, 'Exports');
  await page.goto(`${app.url}#/letters/export`);
  await previewOctober(page, 'Humber Police');
  const problems = page.getByTestId('export-problems');
  await expect(problems).toContainText('Enter the review unit’s email address in Settings');
  await expect(page.getByRole('button', { name: 'Make the export' })).toHaveCount(0);
  await problems.getByRole('link', { name: 'Go to Settings (Review unit email)' }).click();

  const email = page.getByLabel('Review unit email');
  await expect(email).toBeFocused();
  await expect(page.locator('label[for="unitEmail"]')).toBeInViewport();
  await email.fill('cpru@demo.example.org');
  await page.getByRole('button', { name: 'Save forms and letters settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Forms and letters settings saved');
  // The link above the heading this time.
  await page.locator('.govuk-back-link').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Export for a safeguarding lead' })).toBeFocused();
  await expect(page.getByLabel('Agency', { exact: true }).locator('option:checked')).toHaveText('Humber Police');
  await expect(page.getByRole('group', { name: 'From' }).getByLabel('Day')).toHaveValue('1');
  await expect(page.getByRole('group', { name: 'To' }).getByLabel('Day')).toHaveValue('31');
  await expect(page.getByRole('group', { name: 'To' }).getByLabel('Month')).toHaveValue('10');
  await expect(page.getByTestId('export-plan')).toContainText('1 October 2025 to 31 October 2025');
  await expect(page.getByTestId('export-problems')).toHaveCount(0);

  await page.getByLabel('A folder').check();
  await page.getByLabel('Why are you sharing these records?').fill('Quarterly review of report submission');
  await page.getByRole('button', { name: 'Make the export' }).click();
  await expect(page.getByTestId('export-result')).toContainText('Export made');
  expect(filesIn(folder)).toHaveLength(1);
});
