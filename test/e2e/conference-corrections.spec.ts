import type { Locator, Page } from '@playwright/test';
import { formatLongDate } from '../../shared/dates';
import { expect, fromToday, goToChairStep, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { conferenceListInputSchema } from '../../shared/schemas/conference';

/**
 * Corrections made openly: a scheduled conference's details changed, a conference cancelled with
 * its reason, one made by mistake deleted (and refused once something is recorded on it), and a
 * recorded decision amended with its reason, shown before and after on the conference.
 */

async function agencies(app: AppUnderTest) {
  const r = app.register;
  return {
    csc: await r.agencies.create(
      agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
    ),
    health: await r.agencies.create(agencyInputSchema.parse({ name: 'Health Visiting', type: 'health' })),
    police: await r.agencies.create(agencyInputSchema.parse({ name: 'Humberside Police', type: 'police' })),
    school: await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' })),
  };
}

/** A conference for the Alpha family on `date`, every agency invited. */
async function seed(app: AppUnderTest, date: string) {
  const r = app.register;
  const list = await agencies(app);
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date,
      time: '10:00',
      venue: 'Civic Centre, room 1',
      chairName: 'Sam Okafor',
      family: { name: 'Alpha' },
      newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    }),
  );
  for (const a of Object.values(list)) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: a.id,
      representativeName: null,
      representativeRole: null,
    });
  }
  const child = conference.children[0];
  if (!child) throw new Error('a child expected');
  return { conferenceId: conference.id, childId: child.id, agencies: list };
}

async function openChairScreen(page: Page, app: AppUnderTest, conferenceId: number): Promise<void> {
  await page.goto(`${app.url}#/conferences/${conferenceId}`);
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
}

function parts(iso: string): [string, string, string] {
  const [y = '', m = '', d = ''] = iso.split('-');
  return [String(Number(d)), String(Number(m)), y];
}

async function fillDate(group: Locator, iso: string): Promise<void> {
  const [d, m, y] = parts(iso);
  await group.getByLabel('Day').fill(d);
  await group.getByLabel('Month').fill(m);
  await group.getByLabel('Year').fill(y);
}

test('a scheduled conference’s date, time, venue and chair are changed; a new date clears attendance', async ({
  app,
  page,
}) => {
  const { conferenceId, agencies: list } = await seed(app, '2026-03-09');
  await app.register.live.setAttendance(conferenceId, list.csc.id, 'attended');
  await openChairScreen(page, app, conferenceId);
  await page.getByRole('link', { name: 'Change conference details' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Change conference details' })).toBeFocused();
  const when = page.getByRole('group', { name: 'Date of the conference' });
  await expect(when.getByLabel('Day')).toHaveValue('9');
  await expect(when).toHaveAccessibleDescription(/A new date clears the attendance recorded/);
  await expect(page.getByText('Attendance has been recorded for this conference.')).toBeVisible();

  // Nothing changed: the register's message, linked to the date.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('link', { name: 'Change the date, time, venue or chair' }).click();
  await expect(when.getByLabel('Day')).toBeFocused();

  await fillDate(when, '2026-03-16');
  await page.getByLabel('Start time').fill('13:30');
  await page.getByLabel('Venue').fill('Civic Centre, room 4');
  await page.getByLabel('Chair').fill('Priya Shah');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('alert')).toContainText('Conference details changed');
  await expect(page.getByRole('alert')).toContainText(
    'The conference is now on Monday 16 March 2026 at 13:30. The attendance recorded has been cleared',
  );
  await expect(page.getByText('Monday 16 March 2026 at 13:30', { exact: true })).toBeVisible();
  // The summary shows the new values (the record's history below names them too).
  await expect(page.getByText('Civic Centre, room 4').first()).toBeVisible();
  await expect(page.getByText('Priya Shah').first()).toBeVisible();
  const live = await app.register.live.get(conferenceId);
  expect(live.conference).toMatchObject({
    date: '2026-03-16',
    time: '13:30',
    venue: 'Civic Centre, room 4',
    chairName: 'Priya Shah',
  });
  expect(live.invitations.every((i) => i.attendance === null)).toBe(true);
});

test('a reconvened conference shows the date it must be held by, and a later date is refused naming it', async ({
  app,
  page,
}) => {
  const { conferenceId, childId, agencies: list } = await seed(app, '2025-12-19');
  const r = app.register;
  for (const [i, a] of Object.values(list).entries()) {
    await r.live.setAttendance(conferenceId, a.id, 'attended');
    await r.live.setView({
      conferenceId,
      childId,
      agencyId: a.id,
      view: i < 2 ? 'plan' : 'no-plan',
      reasons: 'Reasons',
    });
  }
  await r.live.recordDecision({ conferenceId, childId, category: null });
  const reconvened = await r.live.scheduleReconvened({
    conferenceId,
    date: '2026-01-12',
    time: '10:00',
    venue: 'Online',
  });

  await openChairScreen(page, app, reconvened.id);
  await expect(
    page.getByText('This conference reconvenes an adjourned one, and must be held by Wednesday 14 January 2026.'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Change conference details' }).click();
  const when = page.getByRole('group', { name: 'Date of the conference' });
  await expect(when).toHaveAccessibleDescription(/must be held by Wednesday 14 January 2026/);
  await fillDate(when, '2026-01-15');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const refusal = page.getByRole('link', {
    name: /The reconvened conference must be held by 2026-01-14 \(14 January 2026\)/,
  });
  await expect(refusal).toBeVisible();
  await refusal.click();
  await expect(when.getByLabel('Day')).toBeFocused();
  expect((await r.live.get(reconvened.id)).conference.date).toBe('2026-01-12');
});

test('a conference is cancelled with a reason, then shown as cancelled and read-only', async ({ app, page }) => {
  const date = fromToday(10);
  const { conferenceId } = await seed(app, date);
  await openChairScreen(page, app, conferenceId);
  await page.getByRole('link', { name: 'Cancel this conference' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Cancel this conference' })).toBeFocused();
  await expect(page.getByRole('main')).toContainText(
    `Initial conference for the Alpha family on ${formatLongDate(date)}`,
  );
  // The reason is required: nothing is cancelled without it.
  await page.getByRole('button', { name: 'Cancel the conference' }).click();
  await page.getByRole('link', { name: 'Enter why the conference is cancelled' }).click();
  const reason = page.getByLabel('Why is the conference cancelled?');
  await expect(reason).toBeFocused();
  expect((await app.register.live.get(conferenceId)).conference.status).toBe('scheduled');

  await reason.fill('The family moved to another local authority before the conference');
  await page.getByRole('button', { name: 'Cancel the conference' }).click();
  await expect(page.getByRole('alert')).toContainText('Conference cancelled');
  await expect(page.getByTestId('conference-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('cancelled-notice')).toContainText('This conference was cancelled on');
  await expect(page.getByTestId('cancelled-notice')).toContainText(
    'Reason: The family moved to another local authority before the conference',
  );
  // Read-only: no corrections, no attendance, no views, no reports to mark.
  await expect(page.getByTestId('conference-corrections')).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  // A cancelled conference opens at its Decisions step; the child's step says why nothing was decided.
  await expect(page.getByRole('link', { name: 'Decisions', exact: true })).toHaveAttribute('aria-current', 'step');
  await goToChairStep(page, 'Zoë Alpha');
  await expect(page.getByRole('region', { name: /Zoë Alpha/ })).toContainText(
    'The conference was cancelled: no decision was recorded for Zoë.',
  );
  expect((await app.register.live.get(conferenceId)).conference).toMatchObject({
    status: 'cancelled',
    cancelReason: 'The family moved to another local authority before the conference',
  });

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Conferences' }).click();
  await expect(page.getByRole('row', { name: /Alpha/ })).toContainText('Cancelled');
});

test('a conference made by mistake is deleted; one with something recorded is not', async ({ app, page }) => {
  const mistaken = await seed(app, fromToday(10));
  await openChairScreen(page, app, mistaken.conferenceId);
  await page.getByRole('link', { name: 'Delete this conference (made by mistake)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delete this conference' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete the conference' }).click();
  await expect(page.getByRole('alert')).toContainText('Conference deleted');
  await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('There are no conferences yet.');
  expect(
    (await app.register.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 10 }))).total,
  ).toBe(0);

  // Attendance recorded: the screen does not offer deleting, and says why.
  const r = app.register;
  const held = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'review',
      date: '2026-03-09',
      time: '10:00',
      venue: 'Online',
      chairName: 'Sam Okafor',
      family: { name: 'Beta' },
      newChildren: [{ givenName: 'Amir', familyName: 'Beta', dateOfBirth: '2019-02-03' }],
    }),
  );
  const agency = (await r.agencies.list('Humberside Police', true))[0];
  if (!agency) throw new Error('agency missing');
  await r.live.invite({
    conferenceId: held.id,
    agencyId: agency.id,
    representativeName: null,
    representativeRole: null,
  });
  await r.live.setAttendance(held.id, agency.id, 'did-not-attend');
  await openChairScreen(page, app, held.id);
  await expect(page.getByRole('link', { name: /Delete this conference/ })).toHaveCount(0);
  await expect(page.getByTestId('cannot-delete')).toHaveText(
    'This conference has attendance recorded, so it cannot be deleted: cancel it instead, with the reason.',
  );

  // A document made for it: the register counts it too, and the screen says so.
  const other = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'review',
      date: fromToday(20),
      time: '10:00',
      venue: 'Online',
      chairName: 'Sam Okafor',
      family: { name: 'Gamma' },
      newChildren: [{ givenName: 'Maya', familyName: 'Gamma', dateOfBirth: '2017-09-12' }],
    }),
  );
  await r.documents.record(
    'decision-letter',
    {
      entity: 'conference',
      entityId: other.id,
      periodFrom: null,
      periodTo: null,
      title: 'Synthetic letter',
      fileName: 'letter.pdf',
    },
    Buffer.from('%PDF-1.7 synthetic'),
    null,
  );
  await openChairScreen(page, app, other.id);
  await expect(page.getByRole('link', { name: /Delete this conference/ })).toHaveCount(0);
  await expect(page.getByTestId('cannot-delete')).toHaveText(
    'This conference has documents recorded, so it cannot be deleted: cancel it instead, with the reason.',
  );
  // Reached by its address all the same, the delete page explains and offers cancelling.
  await page.goto(`${app.url}#/conferences/${other.id}/delete`);
  await expect(page.getByRole('main')).toContainText('documents recorded');
  await page
    .getByRole('link', { name: /Cancel the conference/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel this conference' })).toBeVisible();
  expect((await r.conferences.list(conferenceListInputSchema.parse({ search: '', pageSize: 10 }))).total).toBe(2);
});

test('a recorded decision is amended with a reason: the outcome worked out again, the amendment shown before and after', async ({
  app,
  page,
}) => {
  const { conferenceId, childId, agencies: list } = await seed(app, '2026-03-09');
  const r = app.register;
  const views = { csc: 'plan', health: 'plan', police: 'plan', school: 'no-plan' } as const;
  for (const [key, agency] of Object.entries(list) as [keyof typeof views, { id: number }][]) {
    await r.live.setAttendance(conferenceId, agency.id, 'attended');
    await r.live.setView({ conferenceId, childId, agencyId: agency.id, view: views[key], reasons: `${key} reasons` });
  }
  await r.live.recordDecision({ conferenceId, childId, category: 'NEG' });
  // The decision letter made from the decision as first recorded.
  await r.documents.record(
    'decision-letter',
    {
      entity: 'conference',
      entityId: conferenceId,
      periodFrom: null,
      periodTo: null,
      title: 'Decision letter: Alpha family',
      fileName: 'decision-letter.pdf',
    },
    Buffer.from('%PDF-1.7 synthetic'),
    null,
  );

  await openChairScreen(page, app, conferenceId);
  await expect(page.getByTestId('documents-made')).not.toContainText('Superseded');
  await page.getByRole('link', { name: 'Amend the decision for Zoë' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Amend the decision for Zoë Alpha');
  const outcome = page.getByTestId('amended-outcome');
  await expect(outcome).toContainText('Child protection plan (majority view, 3 for, 1 against)');
  await expect(outcome).toContainText('The decision itself stays as recorded.');

  // The health and police views were recorded the wrong way round: corrected, the majority is against a plan.
  for (const name of ['Health Visiting', 'Humberside Police']) {
    await page
      .getByRole('group', { name: new RegExp(`^${name}`) })
      .getByLabel('Does not need a plan')
      .check();
  }
  await expect(outcome).toContainText('No child protection plan (majority view, 1 for, 3 against)');
  await expect(outcome).toContainText(
    'This changes the decision from “Child protection plan” to “No child protection plan”.',
  );
  // No plan, so no category is asked for.
  await expect(page.getByRole('group', { name: /Category of abuse/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Save the amendment' }).click();
  await page.getByRole('link', { name: 'Enter why the decision is amended' }).click();
  const reason = page.getByLabel('Why is the decision amended?');
  await expect(reason).toBeFocused();
  expect((await r.live.get(conferenceId)).amendments).toEqual([]);
  await reason.fill('The health and police views were entered against the wrong option');
  await page.getByRole('button', { name: 'Save the amendment' }).click();

  await expect(page.getByRole('alert')).toContainText('Decision for Zoë amended');
  // Back at the Decisions step: each child's decision in a line, then the amendments.
  await expect(page.getByTestId(`decision-summary-line-${childId}`)).toContainText('No child protection plan');
  const amendments = page.getByRole('region', { name: 'Amendments' });
  await expect(amendments).toContainText('Decision for Zoë Alpha amended');
  await expect(amendments).toContainText('by Test Chair');
  await expect(amendments).toContainText('Why: The health and police views were entered against the wrong option');
  await expect(amendments.getByRole('row', { name: /^Decision/ })).toHaveText(
    'DecisionChild protection planNo child protection plan',
  );
  await expect(amendments.getByRole('row', { name: /^Category/ })).toHaveText('CategoryNeglect (NEG)None');
  await expect(amendments.getByRole('row', { name: /^Humberside Police/ })).toHaveText(
    'Humberside Police: viewPlan: police reasonsNo plan: police reasons',
  );
  // The letter made from the old decision no longer says what the record says.
  await expect(
    page.getByTestId('documents-made').getByRole('row', { name: /Decision letter: Alpha family/ }),
  ).toContainText('Superseded');
  expect((await r.live.get(conferenceId)).children[0]?.recorded).toMatchObject({ decision: 'no-plan', category: null });
});
