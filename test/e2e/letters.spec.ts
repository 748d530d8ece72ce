import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { localIsoDate } from '../../shared/dates';
import { expect, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { openEscalationInputSchema } from '../../shared/schemas/escalation';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { lettersPath, settingsFieldPath } from '../../renderer/src/app/routes';

const APPENDIX_3 = 'Appendix 3 returns to agency safeguarding leads';
const POLICE_FILE = 'appendix3-humber-police-2025-10-01-to-2025-10-31.pdf';
const SCHOOL_FILE = 'appendix3-northfield-academy-2025-10-01-to-2025-10-31.pdf';

/** Two agencies with Appendix 3 rows in October 2025 (synthetic), and one row in November. */
async function seedReturns(app: AppUnderTest): Promise<void> {
  const r = app.register;
  const police = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'Humber Police',
      type: 'police',
      leadName: 'Dana Reeve',
      leadEmail: 'dana.reeve@humber-police.example',
    }),
  );
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  for (const [agencyId, meetingDate] of [
    [police.id, '2025-10-07'],
    [police.id, '2025-10-21'],
    [school.id, '2025-10-14'],
    [school.id, '2025-11-04'],
  ] as const) {
    await r.agencyEscalations.raiseByHand({
      agencyId,
      meetingDate,
      familyIdentifier: 'Family A',
      chairName: 'Sam Okafor',
      representativeName: null,
      reason: 'did-not-attend',
      reasonDetail: null,
    });
  }
}

async function fillDate(group: Locator, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

async function previewOctober(page: Page): Promise<void> {
  await page.getByLabel(APPENDIX_3).check();
  await fillDate(page.getByRole('group', { name: 'From' }), '2025-10-01');
  await fillDate(page.getByRole('group', { name: 'To' }), '2025-10-31');
  await page.getByRole('button', { name: 'Preview' }).click();
}

function pdfsIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.pdf')) : [];
}

test('Appendix 3 returns for a month are previewed, generated with progress, and written to the folder', async ({
  app,
  page,
}) => {
  await seedReturns(app);
  await app.register.settings.update({ unitEmail: 'cpru@demo.example.org' });
  const folder = join(app.documentsDir, 'Letters and forms');

  await page.goto(`${app.url}#/letters`);
  await expect(page.getByRole('heading', { level: 1, name: 'Letters and forms' })).toBeVisible();
  await expect(page.getByText('No forms or letters have been made yet.')).toBeVisible();

  // A quick choice fills both dates from this computer's date.
  await page.getByRole('button', { name: 'Today' }).click();
  const [year, month, day] = localIsoDate(new Date()).split('-').map(Number);
  for (const name of ['From', 'To']) {
    const group = page.getByRole('group', { name });
    await expect(group.getByLabel('Day')).toHaveValue(String(day));
    await expect(group.getByLabel('Month')).toHaveValue(String(month));
    await expect(group.getByLabel('Year')).toHaveValue(String(year));
  }

  await previewOctober(page);
  await expect(page.getByTestId('plan-counts')).toHaveText('2 documents ready, 0 cannot be made.');
  const table = page.getByTestId('plan-table');
  await expect(table.getByRole('row', { name: /Humber Police/ })).toContainText(POLICE_FILE);
  await expect(table.getByRole('row', { name: /Northfield Academy/ })).toContainText('Not made yet');
  await expect(page.getByLabel('Folder to write the documents to')).toHaveValue(folder);

  // Unticking one row leaves it out of the batch; ticking it again puts it back.
  const school = page.getByLabel(/^Make Appendix 3 return: Northfield Academy/);
  await school.uncheck();
  await expect(page.getByRole('button', { name: 'Generate 1 document' })).toBeVisible();
  await school.check();

  // Hold the first progress answer, so the bar is seen before the batch ends (no sleeping).
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/invoke', async (route) => {
    const body: unknown = route.request().postDataJSON();
    if (typeof body === 'object' && body !== null && 'channel' in body && body.channel === 'documents.batchStatus') {
      await held;
    }
    await route.continue();
  });

  // Generated with the keyboard.
  await page.getByRole('button', { name: 'Generate 2 documents' }).focus();
  await page.keyboard.press('Enter');
  const progress = page.getByRole('progressbar', { name: 'Making documents' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('max', '2');
  // The register writes the first document before it answers, so the bar may start at 1.
  await expect(page.getByTestId('batch-progress')).toContainText(/^Making documents[01] of 2 documents$/);
  release();

  const summary = page.getByTestId('batch-summary');
  await expect(summary).toContainText('Wrote 2 of 2 documents');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(folder);
  await expect(page.getByTestId('batch-written')).toContainText(POLICE_FILE);
  await expect(page.getByTestId('batch-written')).toContainText(SCHOOL_FILE);
  await expect(progress).toHaveCount(0);

  expect(pdfsIn(folder).sort()).toEqual([POLICE_FILE, SCHOOL_FILE]);
  for (const file of [POLICE_FILE, SCHOOL_FILE]) {
    expect(readFileSync(join(folder, file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }

  // The record of what was made: the preview's "last made" and the recent list.
  await expect(table.getByRole('row', { name: /Humber Police/ })).toContainText('by Test Chair');
  const recent = page.getByTestId('recent-documents');
  await expect(recent.getByRole('row', { name: /Humber Police/ })).toContainText(APPENDIX_3);
  await expect(recent.getByRole('row', { name: /Northfield Academy/ })).toContainText('Test Chair');
  expect(await app.register.documents.recent(10)).toHaveLength(2);
});

test('a document that cannot be made is named in the preview with where to fix it, and is not written', async ({
  app,
  page,
}) => {
  await seedReturns(app);
  const folder = join(app.documentsDir, 'Letters and forms');

  await page.goto(`${app.url}#/letters`);
  await previewOctober(page);
  await expect(page.getByTestId('plan-counts')).toHaveText('0 documents ready, 2 cannot be made.');
  const police = page.getByTestId('plan-table').getByRole('row', { name: /Humber Police/ });
  await expect(police).toContainText('Enter the review unit’s email address in Settings');
  await expect(police.getByRole('link', { name: 'Go to Settings (Review unit email)' })).toBeVisible();
  await expect(page.getByText('None of these can be made until the problems shown are fixed.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Generate/ })).toHaveCount(0);

  // Asked for anyway: the batch says what was not written and why, and writes nothing.
  await page.getByLabel(/^Make Appendix 3 return: Humber Police/).check();
  await page.getByRole('button', { name: 'Generate 1 document' }).click();
  const summary = page.getByTestId('batch-summary');
  await expect(summary).toContainText('Wrote 0 of 1 document');
  await expect(summary).toContainText('Not everything was written');
  await expect(page.getByTestId('batch-failed')).toContainText(
    'Appendix 3 return: Humber Police, 1 October 2025 to 31 October 2025',
  );
  await expect(page.getByTestId('batch-failed')).toContainText('Enter the review unit’s email address in Settings');
  await expect(page.getByTestId('batch-left-out')).toContainText('Northfield Academy');
  expect(pdfsIn(folder)).toEqual([]);
  expect(await app.register.documents.recent(10)).toEqual([]);

  // The link goes to the field in Settings; once the email is there, both can be made.
  await police.getByRole('link', { name: 'Go to Settings (Review unit email)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByLabel('Review unit email').fill('cpru@demo.example.org');
  await page.getByRole('button', { name: 'Save forms and letters settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Forms and letters settings saved');
  await page.goBack();
  await previewOctober(page);
  await expect(page.getByTestId('plan-counts')).toHaveText('2 documents ready, 0 cannot be made.');
});

test('Go to Settings lands on the field, and Back to the preview keeps the kind, the period and the folder', async ({
  app,
  page,
}) => {
  await seedReturns(app);
  const folder = join(app.documentsDir, 'October returns');

  await page.goto(`${app.url}#/letters`);
  await previewOctober(page);
  await expect(page.getByTestId('plan-counts')).toHaveText('0 documents ready, 2 cannot be made.');
  await page.getByLabel('Folder to write the documents to').fill(folder);
  const police = page.getByTestId('plan-table').getByRole('row', { name: /Humber Police/ });
  await police.getByRole('link', { name: 'Go to Settings (Review unit email)' }).click();

  // Settings, at the field: focused, its label in view, and the way back above the heading.
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const email = page.getByLabel('Review unit email');
  await expect(email).toBeFocused();
  await expect(page.locator('label[for="unitEmail"]')).toBeInViewport();
  await expect(page.getByRole('link', { name: 'Back to the preview' })).toHaveCount(1);
  await email.fill('cpru@demo.example.org');
  await page.getByRole('button', { name: 'Save forms and letters settings' }).click();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Forms and letters settings saved');
  await banner.getByRole('link', { name: 'Back to the preview' }).click();

  // The same preview, now ready: kind, period and folder as they were left.
  await expect(page.getByRole('heading', { level: 1, name: 'Letters and forms' })).toBeFocused();
  await expect(page.getByRole('radio', { name: APPENDIX_3 })).toBeChecked();
  for (const [name, day] of [
    ['From', '1'],
    ['To', '31'],
  ] as const) {
    const group = page.getByRole('group', { name });
    await expect(group.getByLabel('Day')).toHaveValue(day);
    await expect(group.getByLabel('Month')).toHaveValue('10');
    await expect(group.getByLabel('Year')).toHaveValue('2025');
  }
  await expect(page.getByTestId('plan-counts')).toHaveText('2 documents ready, 0 cannot be made.');
  await expect(page.getByLabel('Folder to write the documents to')).toHaveValue(folder);
  await page.getByRole('button', { name: 'Generate 2 documents' }).click();
  await expect(page.getByTestId('batch-summary')).toContainText('Wrote 2 of 2 documents');
  expect(pdfsIn(folder).sort()).toEqual([POLICE_FILE, SCHOOL_FILE]);
});

test('a document left unticked stays unticked on the way back from Settings', async ({ app, page }) => {
  await seedReturns(app);
  await app.register.settings.update({ unitEmail: 'cpru@demo.example.org' });
  const plan = await app.register.documents.plan('appendix3', '2025-10-01', '2025-10-31');
  const school = plan.documents.find((d) => d.title.includes('Northfield Academy'));
  if (!school) throw new Error('Northfield Academy’s return is not in the plan');
  // The route a preview with Northfield Academy unticked sends to Settings (as the unit test checks it is written).
  const preview = lettersPath({
    kind: 'appendix3',
    from: '2025-10-01',
    to: '2025-10-31',
    unticked: [school.key],
    folder: null,
  });
  await page.goto(`${app.url}#${settingsFieldPath('unitName', preview)}`);
  await expect(page.getByLabel('Review unit name')).toBeFocused();
  await page.getByRole('link', { name: 'Back to the preview' }).click();

  await expect(page.getByTestId('plan-counts')).toHaveText('2 documents ready, 0 cannot be made.');
  await expect(page.getByLabel(/^Make Appendix 3 return: Northfield Academy/)).not.toBeChecked();
  await expect(page.getByLabel(/^Make Appendix 3 return: Humber Police/)).toBeChecked();
  await expect(page.getByRole('button', { name: 'Generate 1 document' })).toBeVisible();
});

test('choosing nothing, or a period that ends before it starts, is refused with links to the fields', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/letters`);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('link', { name: 'Choose a kind of form or letter' }).click();
  await expect(page.getByLabel(APPENDIX_3)).toBeFocused();

  await page.getByLabel(APPENDIX_3).check();
  await fillDate(page.getByRole('group', { name: 'From' }), '2025-10-31');
  await fillDate(page.getByRole('group', { name: 'To' }), '2025-10-01');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('link', { name: 'The period must end on or after the day it starts' }).click();
  await expect(page.getByRole('group', { name: 'To' }).getByLabel('Day')).toBeFocused();
  await expect(page.getByTestId('batch-preview')).toHaveCount(0);
});

test('the documents made for an escalation and a conference are listed on their pages', async ({ app, page }) => {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'North Lincolnshire Children’s Services',
      type: 'childrens-social-care',
    }),
  );
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  const escalation = await r.escalations.open(
    openEscalationInputSchema.parse({
      subjectName: 'Child A',
      initiatingAgencyId: school.id,
      challengedAgencyId: csc.id,
      natures: ['referral-decision'],
      natureOther: null,
      details: 'Referral not accepted',
      outcomeSought: 'Strategy discussion',
      immediateRisk: false,
      openedOn: '2026-03-02',
      escalatedBy: { name: 'Synthetic DSL', title: null, agency: 'Northfield Academy' },
    }),
  );
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-05',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Family B' },
      newChildren: [{ givenName: 'Child', familyName: 'B', dateOfBirth: '2019-04-02' }],
    }),
  );
  // Recorded as the documents service records every document it writes (the bytes are not read back).
  const made = async (kind: 'appendix5' | 'decision-letter', entity: 'escalation' | 'conference', entityId: number) =>
    r.documents.record(
      kind,
      {
        entity,
        entityId,
        periodFrom: null,
        periodTo: null,
        title: `Synthetic ${kind}`,
        fileName: `${kind}-${entityId}.pdf`,
      },
      Buffer.from('%PDF-1.7 synthetic'),
      null,
    );
  await made('appendix5', 'escalation', escalation.id);
  await made('decision-letter', 'conference', conference.id);

  await page.goto(`${app.url}#/escalations/${escalation.id}`);
  const escalationDocs = page.getByTestId('documents-made');
  await expect(escalationDocs.getByRole('row', { name: /Synthetic appendix5/ })).toContainText(
    'Appendix 5 Professional Difference Escalation Records',
  );
  await expect(escalationDocs).toContainText('Test Chair');
  await expect(escalationDocs).not.toContainText('decision-letter');

  await page.goto(`${app.url}#/conferences/${conference.id}/decisions`);
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  await expect(
    page.getByTestId('documents-made').getByRole('row', { name: /Synthetic decision-letter/ }),
  ).toContainText('Conference decision letters');
});

test('a letter made before its decision was amended is marked superseded, and the review meeting record can be made', async ({
  app,
  page,
}) => {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'North Lincolnshire Children’s Services',
      type: 'childrens-social-care',
    }),
  );
  const police = await r.agencies.create(agencyInputSchema.parse({ name: 'Humber Police', type: 'police' }));
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-05',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Family C' },
      newChildren: [{ givenName: 'Child', familyName: 'C', dateOfBirth: '2019-04-02' }],
    }),
  );
  const child = conference.children[0];
  if (!child) throw new Error('a child expected');
  for (const agency of [csc, police, school]) {
    await r.live.invite({
      conferenceId: conference.id,
      agencyId: agency.id,
      representativeName: null,
      representativeRole: null,
    });
    await r.live.setAttendance(conference.id, agency.id, 'attended');
    await r.live.setView({
      conferenceId: conference.id,
      childId: child.id,
      agencyId: agency.id,
      view: 'plan',
      reasons: '',
    });
  }
  const decided = await r.live.recordDecision({ conferenceId: conference.id, childId: child.id, category: 'NEG' });
  await r.documents.record(
    'decision-letter',
    {
      entity: 'conference',
      entityId: conference.id,
      periodFrom: null,
      periodTo: null,
      title: 'Synthetic decision letter',
      fileName: 'decision-letter.pdf',
    },
    Buffer.from('%PDF-1.7 synthetic'),
    null,
  );

  await page.goto(`${app.url}#/letters`);
  const recent = page.getByTestId('recent-documents').getByRole('row', { name: /Synthetic decision letter/ });
  await expect(recent).not.toContainText('Superseded');
  await expect(page.getByLabel('Principal Officer review meeting records (North Lincolnshire)')).toBeVisible();

  await r.live.amendDecision({
    conferenceId: conference.id,
    childId: child.id,
    version: decided.children.find((c) => c.id === child.id)?.recorded?.version ?? 0,
    reason: 'The category was recorded wrongly',
    views: [],
    noViews: [],
    category: 'PHY',
  });
  await page.reload();
  await expect(recent).toContainText('Superseded');
  await expect(recent).toContainText('the record was amended after it was made');
});
