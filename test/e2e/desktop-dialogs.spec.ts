import AxeBuilder from '@axe-core/playwright';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { expect, test, type AppUnderTest } from './fixtures';

/**
 * The desktop app's "Choose…" and "Open folder" buttons. Browser mode has no `window.cpregDesktop`
 * and shows neither (the typed path is the way). The Electron runtime cannot run here, so the
 * desktop case installs a stand-in for the preload's `window.cpregDesktop` (Electron's side:
 * the native picker answers a folder, opening a folder is recorded) and checks what the app's
 * own screens do with it: the chosen folder fills the typed field, and is where the files go.
 */
async function seedOneReturn(app: AppUnderTest): Promise<void> {
  await app.register.settings.update({ unitEmail: 'cpru@demo.example.org' });
  const police = await app.register.agencies.create(
    agencyInputSchema.parse({
      name: 'Humber Police',
      type: 'police',
      leadName: 'Dana Reeve',
      leadEmail: 'dana.reeve@humber-police.example',
    }),
  );
  await app.register.agencyEscalations.raiseByHand({
    agencyId: police.id,
    meetingDate: '2025-10-07',
    familyIdentifier: 'Family A',
    chairName: 'Sam Okafor',
    representativeName: null,
    reason: 'did-not-attend',
    reasonDetail: null,
  });
}

/** The period From 1 to 31 October 2025, in the page's date inputs. */
async function fillOctober2025(page: Page): Promise<void> {
  for (const [name, day] of [
    ['From', '1'],
    ['To', '31'],
  ] as const) {
    const group = page.getByRole('group', { name });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill('10');
    await group.getByLabel('Year').fill('2025');
  }
}

async function previewOctober(page: Page): Promise<void> {
  await page.getByLabel('Appendix 3 returns to agency safeguarding leads').check();
  await fillOctober2025(page);
  await page.getByRole('button', { name: 'Preview' }).click();
}

/** Installs the stand-in before the app's scripts run; calls are kept in `window.desktopCalls`. */
async function withDesktop(page: Page, chosen: string): Promise<void> {
  await page.addInitScript((folder: string) => {
    const calls: unknown[] = [];
    Object.assign(globalThis, {
      desktopCalls: calls,
      cpregDesktop: {
        chooseFolder: async (input: unknown) => (
          calls.push(['chooseFolder', input]),
          { ok: true, value: { path: folder } }
        ),
        chooseFile: async (input: unknown) => (calls.push(['chooseFile', input]), { ok: true, value: { path: null } }),
        openFolder: async (path: string) => (calls.push(['openFolder', path]), { ok: true, value: { opened: true } }),
      },
    });
  }, chosen);
}

async function desktopCalls(page: Page): Promise<unknown[]> {
  return page.evaluate(() => Reflect.get(globalThis, 'desktopCalls') as unknown[]);
}

test('browser mode has no Choose… or Open folder: the folder is typed', async ({ app, page }) => {
  await seedOneReturn(app);
  await page.goto(`${app.url}#/letters`);
  await previewOctober(page);
  await expect(page.getByLabel('Folder to write the documents to')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Choose…/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Generate 1 document' }).click();
  await expect(page.getByTestId('batch-summary')).toContainText('Wrote 1 of 1 document');
  await expect(page.getByRole('button', { name: 'Open folder' })).toHaveCount(0);

  await page.goto(`${app.url}#/settings`);
  await expect(page.getByLabel('Backup folder (optional)')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Choose…/ })).toHaveCount(0);
});

test('in the desktop app, Choose… fills the folder, the documents go there, and Open folder opens it', async ({
  app,
  page,
}) => {
  await seedOneReturn(app);
  const chosen = join(app.documentsDir, 'Chosen in the picker');
  await withDesktop(page, chosen);
  await page.goto(`${app.url}#/letters`);
  await previewOctober(page);
  const field = page.getByLabel('Folder to write the documents to');
  const typed = await field.inputValue();
  await page.getByRole('button', { name: 'Choose… the folder to write the documents to' }).click();
  await expect(field).toHaveValue(chosen);
  // The picker starts where the typed path pointed, for the documents' purpose.
  expect(await desktopCalls(page)).toEqual([['chooseFolder', { purpose: 'documents', defaultPath: typed }]]);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.getByRole('button', { name: 'Generate 1 document' }).click();
  await expect(page.getByTestId('batch-summary')).toContainText(chosen);
  expect(existsSync(chosen) ? readdirSync(chosen).filter((f) => f.endsWith('.pdf')) : []).toHaveLength(1);
  await page.getByTestId('batch-summary').getByRole('button', { name: 'Open folder' }).click();
  await expect.poll(async () => (await desktopCalls(page)).at(-1)).toEqual(['openFolder', chosen]);
});

test('in the desktop app, Settings offers Choose… for the backup folder and Open folder for the backups', async ({
  app,
  page,
}) => {
  const chosen = join(dirname(app.dbPath), 'Chosen backups');
  await withDesktop(page, chosen);
  await page.goto(`${app.url}#/settings`);
  const section = page.locator('section#backups');
  await section.getByRole('button', { name: 'Choose… the backup folder' }).click();
  await expect(section.getByLabel('Backup folder (optional)')).toHaveValue(chosen);
  expect(await desktopCalls(page)).toEqual([['chooseFolder', { purpose: 'backups' }]]);

  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup made and checked', { exact: true })).toBeVisible();
  await section.getByRole('button', { name: 'Open folder' }).click();
  await expect
    .poll(async () => (await desktopCalls(page)).at(-1))
    .toEqual(['openFolder', join(dirname(app.dbPath), 'Backups')]);
});

test('in the desktop app, an export goes to the folder chosen, and Open folder opens that folder', async ({
  app,
  page,
}) => {
  await seedOneReturn(app);
  const chosen = join(app.documentsDir, 'Chosen for exports');
  await withDesktop(page, chosen);
  await page.goto(`${app.url}#/letters/export`);
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Humber Police' });
  await fillOctober2025(page);
  await page.getByRole('button', { name: 'Preview the export' }).click();
  await page.getByRole('button', { name: 'Choose… the folder to write the export to' }).click();
  await expect(page.getByLabel('Folder to write the export to')).toHaveValue(chosen);
  await page.getByLabel('A zip file').check();
  await page.getByLabel('Why are you sharing these records?').fill('Quarterly review of report submission');
  await page.getByRole('button', { name: 'Make the export' }).click();

  const result = page.getByTestId('export-result');
  await expect(result).toContainText('Export made');
  expect(readdirSync(chosen).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
  await result.getByRole('button', { name: 'Open folder' }).click();
  // The folder the zip is in, never the zip itself.
  await expect.poll(async () => (await desktopCalls(page)).at(-1)).toEqual(['openFolder', chosen]);
});
