import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { agencyInputSchema } from '../../shared/schemas/agency';

test('Settings, Backups: a backup made now is listed with its size, checks out, and the page passes axe', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/settings`);
  const section = page.locator('section#backups');
  await expect(section.getByRole('heading', { name: 'Backups' })).toBeVisible();
  // Count only once the folder has been read (the opening backup may be listed).
  await expect(section.getByTestId('backups-table').or(section.getByTestId('no-backups'))).toBeVisible();
  const before = await section.getByTestId('backups-table').locator('tbody tr').count();

  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup made and checked', { exact: true })).toBeVisible();
  const rows = section.getByTestId('backups-table').locator('tbody tr');
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.first()).toContainText(/\d+ KB/);
  const files = readdirSync(join(dirname(app.dbPath), 'Backups')).filter((f) => f.endsWith('.cpreg-backup'));
  expect(files).toHaveLength(before + 1);

  await rows
    .first()
    .getByRole('button', { name: /^Check/ })
    .click();
  await expect(page.getByText('The backup passed its check', { exact: true })).toBeVisible();

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // Restore asks first, saying what happens; without a desktop opener it says to use the command line.
  await rows
    .first()
    .getByRole('button', { name: /^Restore/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Restore this backup?' })).toBeVisible();
  await expect(page.getByText('kept beside it')).toBeVisible();
  const confirm = await new AxeBuilder({ page }).analyze();
  expect(confirm.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(section.getByRole('heading', { name: 'Backups' })).toBeVisible();
});

test('an administrator restores a backup from Settings: what was recorded since is gone, the replaced register is kept', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/settings`);
  const section = page.locator('section#backups');
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup made and checked', { exact: true })).toBeVisible();
  // Recorded after the backup: the restore takes it away.
  await app.register.agencies.create(agencyInputSchema.parse({ name: 'Recorded After The Backup', type: 'police' }));

  await section
    .getByTestId('backups-table')
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^Restore/ })
    .click();
  await page.getByRole('button', { name: 'Restore the backup' }).click();
  await expect(page.getByText('Backup restored', { exact: true })).toBeVisible();
  await expect(page.getByText(/is kept as .*before-restore-/)).toBeVisible();
  expect(readdirSync(dirname(app.dbPath)).some((f) => f.startsWith('register.sqlite.before-restore-'))).toBe(true);

  // Still signed in, on the restored register.
  await page.goto(`${app.url}#/agencies`);
  await expect(page.getByRole('heading', { name: 'Agencies' })).toBeVisible();
  await expect(page.getByText('Recorded After The Backup')).toHaveCount(0);
  expect((await app.register.agencies.list('', true)).map((a) => a.name)).not.toContain('Recorded After The Backup');
});
