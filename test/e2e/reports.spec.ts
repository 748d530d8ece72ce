import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { configure, TextWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { expectNoSeriousAxeViolations } from './axe';
import { fillDate, openEscalation, seedAgencies } from './escalation-helpers';
import { expect, fromToday, test, type AppUnderTest } from './fixtures';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { conferenceInputSchema } from '../../shared/schemas/conference';

configure({ useWebWorkers: false });

/**
 * The Reports screen (issue 12) on a small hand-built register with known counts: three
 * conferences where Humberside Police did not attend, two in the first half of 2026 and one in
 * the first half of 2025, and an agency with an accent in its name for the downloads.
 */

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

async function seedAttendance(app: AppUnderTest) {
  const r = app.register;
  const agencies = [
    await r.agencies.create(agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' })),
    await r.agencies.create(
      agencyInputSchema.parse({ name: 'Zoë Lane Health Centre', type: 'health', quoracyGroup: 'Health' }),
    ),
    await r.agencies.create(agencyInputSchema.parse({ name: 'Humberside Police', type: 'police' })),
    await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' })),
  ];
  const ids: number[] = [];
  for (const [date, family] of [
    ['2026-03-09', 'Alpha'],
    ['2026-04-13', 'Beta'],
    ['2025-03-10', 'Gamma'],
  ] as const) {
    const conference = await r.conferences.create(
      conferenceInputSchema.parse({
        type: 'initial',
        date,
        time: '10:00',
        venue: 'Civic Centre',
        chairName: 'Sam Okafor',
        family: { name: family },
        newChildren: [{ givenName: 'Mia', familyName: family, dateOfBirth: '2018-05-01' }],
      }),
    );
    const child = conference.children[0];
    if (!child) throw new Error('child missing');
    for (const agency of agencies) {
      await r.live.invite({
        conferenceId: conference.id,
        agencyId: agency.id,
        representativeName: null,
        representativeRole: null,
      });
      const police = agency.name === 'Humberside Police';
      await r.live.setAttendance(conference.id, agency.id, police ? 'did-not-attend' : 'attended');
      if (!police)
        await r.live.setView({
          conferenceId: conference.id,
          childId: child.id,
          agencyId: agency.id,
          view: 'plan',
          reasons: 'Reasons',
        });
    }
    await r.live.recordDecision({ conferenceId: conference.id, childId: child.id, category: 'NEG' });
    ids.push(conference.id);
  }
  return ids;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

test('the attendance report shows who missed most conferences, each count opens its records, and a record its conference', async ({
  app,
  page,
}) => {
  test.slow();
  const [alpha] = await seedAttendance(app);
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports' }).click();
  await expect(h1(page, 'Reports')).toBeFocused();
  // Attendance for the last 12 months by default.
  await expect(page.getByRole('radio', { name: 'Agency contribution (attendance and reports)' })).toBeChecked();
  await expect(page.getByTestId('report-results')).toBeVisible();

  // A period that ends before it starts is refused, with the GOV.UK error summary.
  await fillDate(page.getByRole('group', { name: 'From' }), '2026-06-30');
  await fillDate(page.getByRole('group', { name: 'To' }), '2026-01-01');
  await page.getByRole('button', { name: 'Show the report' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await page.getByRole('link', { name: 'The end of the period must be on or after its start' }).click();
  await expect(page.getByRole('group', { name: 'To' }).getByLabel('Day')).toBeFocused();

  await fillDate(page.getByRole('group', { name: 'From' }), '2026-01-01');
  await fillDate(page.getByRole('group', { name: 'To' }), '2026-06-30');
  await page.getByRole('button', { name: 'Show the report' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /Agency contribution/ });
  await expect(heading).toBeFocused();
  await expect(heading).toContainText('1 January 2026 to 30 June 2026');
  await expect(summary).toHaveCount(0);
  // The choice is in the address, to bookmark.
  await expect(page).toHaveURL(/#\/reports\?report=attendance&from=2026-01-01&to=2026-06-30$/);

  await expect(page.getByTestId('report-headline')).toHaveText(
    'Missed most conferences (did not attend): Humberside Police (2).',
  );
  const table = page.getByTestId('report-table-agency');
  // Most "did not attend" first; each count beside the same count a year before.
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('Humberside Police');
  await expect(table.getByRole('columnheader', { name: /Did not attend/ })).toHaveAttribute('aria-sort', 'descending');
  const police = table.getByRole('row', { name: /Humberside Police/ });
  await expect(police.getByRole('button', { name: '2 – Invited, Humberside Police. Show the records' })).toBeVisible();
  await expect(
    police.getByRole('button', { name: '1 a year before – Did not attend, Humberside Police. Show the record' }),
  ).toBeVisible();
  await expect(police.getByRole('cell').nth(7)).toContainText('0%'); // attendance rate
  const zoe = table.getByRole('row', { name: /Zoë Lane Health Centre/ });
  await expect(
    zoe.getByRole('button', { name: '2 – Attended, Zoë Lane Health Centre. Show the records' }),
  ).toBeVisible();
  await expect(zoe.getByRole('cell').nth(7)).toContainText('100%');
  // Totals count records: 8 invitations to two conferences, 3 a year before.
  const total = table.locator('tfoot tr');
  await expect(total.getByRole('button', { name: '8 – Invited, all rows. Show the records' })).toBeVisible();
  await expect(
    total.getByRole('button', { name: '4 a year before – Invited, all rows. Show the records' }),
  ).toBeVisible();

  // Sorting by agency puts Children's Social Care first.
  await table.getByRole('button', { name: /^Agency/ }).click();
  await expect(table.getByRole('columnheader', { name: /Agency/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('Children’s Social Care');

  // The chart: one image, named and described, with its table alternative.
  const chart = page.getByTestId('chart-agency').getByRole('img');
  await expect(chart).toHaveAccessibleName(/Did not attend, by agency/);
  await expect(chart).toHaveAccessibleDescription(/Humberside Police: 2 \(1 a year before\)/);

  await expectNoSeriousAxeViolations(page, 'the attendance report');

  await police.getByRole('button', { name: '2 – Did not attend, Humberside Police. Show the records' }).click();
  const records = page.getByTestId('report-records');
  await expect(records.getByRole('heading', { name: /Did not attend: Humberside Police/ })).toBeFocused();
  await expect(records).toContainText('2 records.');
  await expect(records.getByRole('row', { name: /9 March 2026/ })).toContainText('Alpha');
  await expect(records.getByRole('row', { name: /13 April 2026/ })).toContainText('Beta');
  await expectNoSeriousAxeViolations(page, 'the attendance report with records behind a count');
  await records.getByRole('button', { name: 'Hide these records' }).click();
  await expect(
    police.getByRole('button', { name: '2 – Did not attend, Humberside Police. Show the records' }),
  ).toBeFocused();

  await police.getByRole('button', { name: '2 – Did not attend, Humberside Police. Show the records' }).click();
  await records.getByRole('link', { name: 'Alpha' }).click();
  await expect(page).toHaveURL(new RegExp(`#/conferences/${alpha}$`));
  await expect(h1(page, /Alpha family/)).toBeVisible();
  // Back returns to the report as it was chosen.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: /Agency contribution/ })).toContainText(
    '1 January 2026 to 30 June 2026',
  );
});

test('a report downloads as CSV with a byte-order mark, and as a workbook with one sheet per table', async ({
  app,
  page,
}) => {
  await seedAttendance(app);
  await page.goto(`${app.url}#/reports?report=attendance&from=2026-01-01&to=2026-06-30`);
  await expect(page.getByTestId('report-table-agency')).toBeVisible();

  const csv = await downloaded(page, async () => page.getByRole('button', { name: /^Download CSV/ }).click());
  expect(csv.download.suggestedFilename()).toBe('cp-register-attendance-agency-2026-01-01-to-2026-06-30.csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.toString('utf8');
  expect(text).toContain('Zoë Lane Health Centre,2,1,2,1,');
  expect(text).toContain('\r\nHumberside Police,2,1,0,0,0,0,2,1,');

  // Conferences: four tables, four sheets.
  await page.getByLabel('Conferences', { exact: true }).check();
  await page.getByRole('button', { name: 'Show the report' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Conferences/ })).toBeFocused();
  await expect(page.getByTestId('report-table-type').getByRole('row', { name: /Initial/ })).toContainText('2');
  const xlsx = await downloaded(page, async () =>
    page.getByRole('button', { name: 'Download Excel workbook (.xlsx)' }).click(),
  );
  expect(xlsx.download.suggestedFilename()).toBe('cp-register-conferences-2026-01-01-to-2026-06-30.xlsx');
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const zip = new ZipReader(new Uint8ArrayReader(new Uint8Array(xlsx.bytes)));
  const entries = await zip.getEntries();
  const workbook = entries.find((e) => e.filename === 'xl/workbook.xml');
  if (!workbook || workbook.directory) throw new Error('no workbook.xml');
  const xml = await workbook.getData(new TextWriter());
  await zip.close();
  const sheets = [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  expect(sheets).toEqual([
    'Conferences held, by type',
    'By how they were reached',
    'By category',
    'Adjournments against the 15-wo…',
  ]);
});

test('the escalations report makes the overdue stand out, lists them, and is picked with a quick period', async ({
  app,
  page,
}) => {
  const agencies = await seedAgencies(app);
  // Opened 60 days ago and never answered: its first stage's clock has run out.
  const escalation = await openEscalation(app, agencies, { openedOn: fromToday(-60) });
  await page.goto(`${app.url}#/reports`);
  await page.getByLabel('Escalations', { exact: true }).check();
  await page.getByRole('link', { name: 'Last 12 months' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Escalations/ })).toBeFocused();
  await expect(page).toHaveURL(/#\/reports\?report=escalations&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);

  const headline = page.getByTestId('report-headline');
  await expect(headline).toContainText('1 escalation open, 1 overdue at the stage in hand.');
  await headline.getByRole('button', { name: 'Show the overdue escalations' }).click();
  const records = headline.getByTestId('report-records');
  await expect(records.getByRole('link')).toHaveAttribute('href', `#/escalations/${escalation.id}`);
  await expect(page.getByTestId('time-to-resolution')).toBeVisible();
  await expect(page.getByTestId('report-learning')).toContainText('No learning was recorded');
  await expectNoSeriousAxeViolations(page, 'the escalations report');
});

test('the annual return is made for a year, says where it was written, and a bad year is named', async ({
  app,
  page,
}) => {
  await seedAttendance(app);
  await page.goto(`${app.url}#/reports?report=attendance&from=2026-01-01&to=2026-06-30`);
  const panel = page.getByTestId('annual-return');
  await panel.getByLabel('Year').fill('1999');
  await panel.getByRole('button', { name: 'Make the annual return (PDF)' }).click();
  await expect(panel.getByRole('alert')).toContainText('Enter the year as a whole number from 2000 to 2099');
  await expect(panel.getByLabel('Year')).toHaveClass(/govuk-input--error/);

  await panel.getByLabel('Year').fill('2026');
  await panel.getByRole('button', { name: 'Make the annual return (PDF)' }).click();
  await expect(panel.getByTestId('annual-return-status')).toContainText(
    /Written: .*annual-return-2026\.pdf \(\d+ pages/,
  );
  const written = join(app.documentsDir, 'Reports', 'annual-return-2026.pdf');
  expect(readFileSync(written).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expectNoSeriousAxeViolations(page, 'the annual return made');
});

test('a user without a reporting role is told which roles may see reports', async ({ app, page }) => {
  await app.addUser('Casey Chair', ['chair'], 'casey chair password');
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('User name').fill('Casey Chair');
  await page.getByLabel('Password', { exact: true }).fill('casey chair password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText('chair');
  await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports' })).toHaveCount(0);
  await page.goto(`${app.url}#/reports`);
  await expect(page.getByTestId('reports-not-allowed')).toHaveText(
    'Reports are for users with the manager, unit officer or administrator role. Ask an administrator if you need to see them.',
  );
  await expect(page.getByRole('table')).toHaveCount(0);
});
