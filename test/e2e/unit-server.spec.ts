import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createGate, type Gate } from '../../electron/main/register/gate';
import { pgStore } from '../../electron/main/register/register-store';
import { startUnitServer, type UnitServer } from '../../electron/main/server/unit-server';
import { freshPgDatabase, type PgTestDatabase } from '../pg-database';
import { expect, goToChairStep, test } from './fixtures';

/**
 * Two people at once, in two browser contexts (two cookie jars, as two computers), against the
 * unit server on a real PostgreSQL register: a chair runs the conference while a unit officer in
 * the office marks a report received, and the chair's screen shows it without being reloaded.
 */

const PASSWORD = 'correct horse battery staple';
const KDF = { N: 2 ** 12, r: 8, p: 1 };

interface Unit {
  database: PgTestDatabase;
  gate: Gate;
  server: UnitServer;
  conferenceId: number;
}

async function must<T>(gate: Gate, channel: string, input: unknown): Promise<T> {
  const result = await gate.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A unit register with an administrator, a chair and an officer, and one conference with its agencies invited. */
async function startUnit(): Promise<Unit> {
  const database = await freshPgDatabase({ migrated: true });
  const setup = createGate({ store: pgStore(database.url), kdfCost: KDF });
  let conferenceId = 0;
  try {
    await setup.setup('Ann Admin', PASSWORD);
    await must(setup, 'users.add', { name: 'Chris Chair', roles: ['chair'], password: PASSWORD });
    await must(setup, 'users.add', { name: 'Olive Officer', roles: ['officer'], password: PASSWORD });
    const agencies: number[] = [];
    for (const agency of [
      { name: 'Children’s Social Care', type: 'childrens-social-care' },
      { name: 'Health Visiting', type: 'health', quoracyGroup: 'Health' },
      { name: 'Humberside Police', type: 'police' },
    ]) {
      agencies.push((await must<{ id: number }>(setup, 'agencies.create', agency)).id);
    }
    const conference = await must<{ id: number }>(setup, 'conferences.create', {
      type: 'initial',
      date: '2025-12-19',
      time: '10:00',
      venue: 'Civic Centre, room 1',
      chairName: 'Chris Chair',
      family: { name: 'Alpha' },
      newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    });
    conferenceId = conference.id;
    for (const agencyId of agencies) {
      await must(setup, 'live.invite', {
        conferenceId,
        agencyId,
        representativeName: 'A Representative',
        representativeRole: 'Practitioner',
      });
    }
  } finally {
    await setup.close();
  }
  const gate = createGate({ store: pgStore(database.url), multiSession: true, kdfCost: KDF });
  const server = await startUnitServer({
    gate,
    rendererDir: resolve(__dirname, '../../out/renderer'),
    listen: { host: '127.0.0.1', port: 0 },
  });
  return { database, gate, server, conferenceId };
}

async function signedInPage(browser: Browser, unit: Unit, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(unit.server.origin);
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(name);
  return page;
}

test.describe('two people on the unit server', () => {
  test.skip(!process.env['TEST_PG_URL'], 'needs PostgreSQL: run through scripts/with-pg.sh');

  let unit: Unit;
  test.beforeEach(async () => {
    unit = await startUnit();
  });
  test.afterEach(async () => {
    await unit.server.close();
    await unit.gate.close();
    await unit.database.drop();
  });

  test('an officer marks a report received while the chair records views, and the chair sees it', async ({
    browser,
  }) => {
    const chair = await signedInPage(browser, unit, 'Chris Chair');
    const officer = await signedInPage(browser, unit, 'Olive Officer');
    await expect(chair.getByTestId('unit-server')).toHaveText(`Unit register at ${unit.server.origin}`);

    const screen = `${unit.server.origin}/#/conferences/${unit.conferenceId}`;
    // The chair at the attendance step, the officer at the invitations and reports.
    await chair.goto(`${screen}/attendance`);
    await expect(chair.getByTestId('chair-screen-ready')).toBeVisible();
    await officer.goto(`${screen}/before`);
    await expect(officer.getByTestId('chair-screen-ready')).toBeVisible();

    // The chair records attendance while the officer, elsewhere, marks the police report received.
    await chair
      .getByRole('region', { name: 'Attendance' })
      .getByRole('group', { name: /^Health Visiting/ })
      .getByLabel('Attended')
      .check();
    const officerRow = officer
      .getByRole('region', { name: 'Invitations and reports' })
      .getByRole('row', { name: /Humberside Police/ });
    await officerRow.getByLabel('Report from Humberside Police').selectOption('Received');
    const received = officerRow.getByRole('group', { name: 'Date received from Humberside Police' });
    await received.getByLabel('Day').fill('16');
    await received.getByLabel('Month').fill('12');
    await received.getByLabel('Year').fill('2025');
    await received.getByLabel('Year').press('Tab');
    await expect(officerRow).toContainText('Received on Tuesday 16 December 2025');

    // Without reloading (a step changes only what is shown), the chair's screen shows the report
    // received, and keeps the chair's own entry.
    await goToChairStep(chair, 'Invitations and reports');
    const chairRow = chair
      .getByRole('region', { name: 'Invitations and reports' })
      .getByRole('row', { name: /Humberside Police/ });
    await expect(chairRow).toContainText('Received on Tuesday 16 December 2025', { timeout: 10_000 });
    await expect(chair.getByTestId('others-changed')).toContainText('Updated with changes made by others at');
    await goToChairStep(chair, 'Attendance');
    await expect(
      chair
        .getByRole('region', { name: 'Attendance' })
        .getByRole('group', { name: /^Health Visiting/ })
        .getByLabel('Attended'),
    ).toBeChecked();
    // And the officer sees the chair's attendance the same way.
    await goToChairStep(officer, 'Attendance');
    await expect(
      officer
        .getByRole('region', { name: 'Attendance' })
        .getByRole('group', { name: /^Health Visiting/ })
        .getByLabel('Attended'),
    ).toBeChecked({ timeout: 10_000 });
  });

  test('a stale edit is refused, showing what the other person saved', async ({ browser }) => {
    const chair = await signedInPage(browser, unit, 'Chris Chair');
    const officer = await signedInPage(browser, unit, 'Olive Officer');
    const edit = `${unit.server.origin}/#/conferences/${unit.conferenceId}/edit`;
    await chair.goto(edit);
    await officer.goto(edit);
    await expect(chair.getByLabel('Venue')).toHaveValue('Civic Centre, room 1');
    await expect(officer.getByLabel('Venue')).toHaveValue('Civic Centre, room 1');

    await officer.getByLabel('Venue').fill('Town Hall');
    await officer.getByRole('button', { name: 'Save changes' }).click();
    await expect(officer.getByRole('alert')).toContainText('Conference details changed');

    await chair.getByLabel('Venue').fill('Online');
    await chair.getByRole('button', { name: 'Save changes' }).click();
    const summary = chair.getByRole('alert');
    await expect(summary).toContainText('This conference was changed by someone else since you opened it.');
    await expect(summary).toContainText('venue Town Hall');
    await expect(chair.getByLabel('Venue')).toHaveValue('Online');
    const held = await unit.gate.inSession('check', async () => {
      await unit.gate.signIn('Ann Admin', PASSWORD);
      return unit.gate.call('live.get', { id: unit.conferenceId });
    });
    expect(held.ok && (held.value as { conference: { venue: string } }).conference.venue).toBe('Town Hall');
  });
});
