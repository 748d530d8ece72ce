import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, localIsoDate } from '../../shared/dates';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import {
  actionInputSchema,
  openEscalationInputSchema,
  stageResponseInputSchema,
} from '../../shared/schemas/escalation';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test, type AppUnderTest } from './fixtures';

/**
 * Reflow (WCAG 2.2 1.4.10): every screen at 320 CSS pixels wide, and at 200% zoom of a
 * 1280×720 window (Chromium lays that out as 640×360 CSS pixels at device scale 2), scrolls
 * only up and down and has no serious or critical axe violations; tables stack with each cell
 * labelled; on the chair's screen a compact quoracy-and-outcome bar stays in view.
 */

/** Records for every screen to show: four agencies, a conference under way, an adjourned one, a future one, escalations. */
async function seed(app: AppUnderTest): Promise<void> {
  const r = app.register;
  const police = await r.agencies.create(
    agencyInputSchema.parse({
      name: 'Humber Police',
      type: 'police',
      leadName: 'Dana Reeve',
      leadJobTitle: 'Detective Inspector',
      leadEmail: 'dana.reeve.safeguarding-partnership-lead@humber-police.example',
      leadPhone: '01632 960 001',
    }),
  );
  const clinic = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Old Road Clinic', type: 'health', quoracyGroup: 'health' }),
  );
  await r.agencies.setActive(clinic.id, false);
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'North Lincolnshire Children’s Services', type: 'childrens-social-care' }),
  );
  const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Northfield Academy', type: 'education' }));
  await r.settings.update({ unitEmail: 'cpru@demo.example.org' });

  // Conference 1: the Smith family under way, the police in the minority.
  const smith = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-05',
      time: '10:00',
      venue: 'Civic Centre, Committee Room 2',
      chairName: 'Sam Okafor',
      family: { name: 'Smith', caseReference: 'F-1001' },
      newChildren: [
        { givenName: 'Amy', familyName: 'Smith', dateOfBirth: '2019-04-02' },
        { givenName: 'Ben', familyName: 'Smith', dateOfBirth: '2021-07-09' },
      ],
    }),
  );
  for (const [agency, view] of [
    [csc, 'plan'],
    [police, 'no-plan'],
    [school, 'plan'],
  ] as const) {
    await r.live.invite({
      conferenceId: smith.id,
      agencyId: agency.id,
      representativeName: 'Alex Rep',
      representativeRole: 'Lead',
    });
    await r.live.setAttendance(smith.id, agency.id, 'attended');
    for (const child of smith.children) {
      await r.live.setView({
        conferenceId: smith.id,
        childId: child.id,
        agencyId: agency.id,
        view,
        reasons: 'Reasons',
      });
    }
  }
  await r.live.setReport(smith.id, school.id, 'received', '2026-03-03');

  // Conference 2: the Jones family adjourned (views equally divided).
  const jones = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2025-12-19',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Sam Okafor',
      family: { name: 'Jones' },
      newChildren: [{ givenName: 'Cara', familyName: 'Jones', dateOfBirth: '2018-06-01' }],
    }),
  );
  const cara = jones.children[0];
  if (!cara) throw new Error('child missing');
  for (const [agency, view] of [
    [csc, 'plan'],
    [school, 'no-plan'],
  ] as const) {
    await r.live.invite({
      conferenceId: jones.id,
      agencyId: agency.id,
      representativeName: null,
      representativeRole: null,
    });
    await r.live.setAttendance(jones.id, agency.id, 'attended');
    await r.live.setView({ conferenceId: jones.id, childId: cara.id, agencyId: agency.id, view, reasons: 'Reasons' });
  }
  await r.live.setInquorateReason(jones.id, 'Delay would harm the child');
  await r.live.recordDecision({ conferenceId: jones.id, childId: cara.id, category: null });

  // Conference 3: the Patel family, a week ahead, awaiting a report.
  const patel = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'review',
      date: addDays(localIsoDate(new Date()), 7),
      time: '09:30',
      venue: 'Online',
      chairName: 'Sam Okafor',
      family: { name: 'Patel' },
      newChildren: [{ givenName: 'Dev', familyName: 'Patel', dateOfBirth: '2015-02-02' }],
    }),
  );
  await r.live.invite({ conferenceId: patel.id, agencyId: csc.id, representativeName: null, representativeRole: null });

  // Escalation 1, with a stage answered and an action; Appendix 3 rows for the police in March 2026.
  const escalation = await r.escalations.open(
    openEscalationInputSchema.parse({
      subjectName: 'Cara Jones',
      initiatingAgencyId: school.id,
      challengedAgencyId: csc.id,
      natures: ['referral-decision', 'other'],
      natureOther: 'Transport to contact',
      details: 'Referral not accepted',
      outcomeSought: 'Strategy discussion',
      immediateRisk: true,
      openedOn: '2026-03-02',
      escalatedBy: { name: 'Synthetic DSL', title: 'Designated Safeguarding Lead', agency: 'Northfield Academy' },
    }),
  );
  await r.escalations.respond(
    stageResponseInputSchema.parse({
      escalationId: escalation.id,
      number: 1,
      responseFrom: { name: 'Team manager', title: null, agency: null },
      responseOn: '2026-03-03',
      summary: 'Not resolved',
      resolved: false,
    }),
  );
  await r.escalations.addAction(
    actionInputSchema.parse({
      escalationId: escalation.id,
      action: 'Joint visit',
      byWhom: 'Team manager',
      agreedOn: '2026-03-03',
      completeBy: '2026-03-10',
    }),
  );
  for (const meetingDate of ['2026-03-05', '2026-03-19']) {
    await r.agencyEscalations.raiseByHand({
      agencyId: police.id,
      meetingDate,
      familyIdentifier: 'Smith',
      chairName: 'Sam Okafor',
      representativeName: null,
      reason: 'did-not-attend',
      reasonDetail: null,
    });
  }
  await r.exports.run({
    agencyId: police.id,
    from: '2026-03-01',
    to: '2026-03-31',
    folder: join(app.documentsDir, 'Exports'),
    format: 'zip',
    initialsOnly: true,
    password: null,
    purpose: 'Quarterly review',
    emailDraft: false,
  });
}

const MARCH = 'from=2026-03-01&to=2026-03-31';

/** Every route in renderer/src/app/routes.ts, with records to show. */
interface Box {
  top: number;
  bottom: number;
  right: number;
}

interface Screen {
  name: string;
  hash: string;
}

const SCREENS: readonly Screen[] = [
  { name: 'home', hash: '#/' },
  { name: 'conferences', hash: '#/conferences' },
  { name: 'create conference', hash: '#/conferences/new' },
  // The chair's screen, every step (issue 14): a conference under way, one adjourned, one to come.
  { name: 'chair’s screen under way', hash: '#/conferences/1' },
  { name: 'chair’s screen under way: invitations and reports', hash: '#/conferences/1/before' },
  { name: 'chair’s screen under way: attendance', hash: '#/conferences/1/attendance' },
  { name: 'chair’s screen under way: first child', hash: '#/conferences/1/children/1' },
  { name: 'chair’s screen under way: second child', hash: '#/conferences/1/children/2' },
  { name: 'chair’s screen under way: decisions', hash: '#/conferences/1/decisions' },
  { name: 'chair’s screen adjourned, scheduling the reconvened conference', hash: '#/conferences/2/reconvene' },
  { name: 'chair’s screen adjourned: the child', hash: '#/conferences/2/children/3' },
  { name: 'chair’s screen of a future conference', hash: '#/conferences/3' },
  { name: 'chair’s screen of a future conference: attendance', hash: '#/conferences/3/attendance' },
  { name: 'chair’s screen of a future conference: the child', hash: '#/conferences/3/children/4' },
  { name: 'chair’s screen of a future conference: decisions', hash: '#/conferences/3/decisions' },
  { name: 'change conference details', hash: '#/conferences/3/edit' },
  { name: 'cancel a conference', hash: '#/conferences/3/cancel' },
  { name: 'delete a conference', hash: '#/conferences/3/delete' },
  { name: 'amend a decision', hash: '#/conferences/2/children/3/amend' },
  { name: 'adjournments', hash: '#/adjournments' },
  { name: 'what falls due', hash: '#/due' },
  { name: 'reports outstanding', hash: '#/reports-outstanding' },
  { name: 'escalations', hash: '#/escalations' },
  { name: 'new escalation', hash: '#/escalations/new?conference=1&child=1&agency=1' },
  { name: 'escalation', hash: '#/escalations/1' },
  { name: 'escalation: change the response', hash: '#/escalations/1?action=respond' },
  { name: 'escalation: escalate to the next stage', hash: '#/escalations/1?action=escalate' },
  { name: 'escalation: close', hash: '#/escalations/1?action=close' },
  { name: 'escalation: add an action', hash: '#/escalations/1?action=add-action' },
  { name: 'agency returns', hash: `#/escalations/returns?${MARCH}` },
  { name: 'one agency’s return', hash: `#/escalations/returns/1?${MARCH}` },
  { name: 'letters and forms', hash: '#/letters' },
  { name: 'export for a safeguarding lead', hash: '#/letters/export' },
  { name: 'sharing log', hash: '#/letters/sharing-log' },
  { name: 'agencies', hash: '#/agencies' },
  { name: 'add agency', hash: '#/agencies/new' },
  { name: 'edit agency', hash: '#/agencies/1/edit' },
  { name: 'reports: conferences', hash: `#/reports?report=conferences&${MARCH}` },
  { name: 'reports: attendance', hash: `#/reports?report=attendance&${MARCH}` },
  { name: 'reports: returns', hash: `#/reports?report=returns&${MARCH}` },
  { name: 'reports: escalations', hash: `#/reports?report=escalations&${MARCH}` },
  { name: 'retention', hash: '#/retention' },
  { name: 'retention: place a hold', hash: '#/retention/1/hold' },
  { name: 'settings', hash: '#/settings' },
  { name: 'audit', hash: '#/audit' },
  { name: 'users', hash: '#/users' },
  { name: 'add user', hash: '#/users/new' },
  { name: 'user', hash: '#/users/Test%20Chair' },
  { name: 'change password', hash: '#/account/password' },
  { name: 'page not found', hash: '#/no-such-page' },
];

/** The screen has drawn its records: a heading, nothing loading, nothing busy. */
async function settled(page: Page, name: string): Promise<void> {
  await expect(page.locator('h1'), `${name} shows its heading`).toBeVisible();
  // ("Loading agencies…" is the chair's closed Invite an agency, loaded when opened.)
  await expect(page.getByText(/^Loading(…| the )/), `${name} has loaded`).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]'), `${name} is not busy`).toHaveCount(0);
}

/**
 * In the page (a string: the tests' TypeScript has no DOM types): null when the page is no wider
 * than the window, otherwise the element reaching furthest past its right edge, named by tag, test
 * id and class, with the start of its text.
 */
const WIDEST_OFFENDER = `(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  let worst = null;
  for (const element of document.body.querySelectorAll('*')) {
    const right = element.getBoundingClientRect().right + root.scrollLeft;
    if (right > width && (worst === null || right > worst.right)) worst = { element, right };
  }
  if (worst === null) return 'the page is ' + root.scrollWidth + 'px wide';
  const e = worst.element;
  const testId = e.getAttribute('data-testid');
  const name = '<' + e.tagName.toLowerCase() + (testId ? ' data-testid="' + testId + '"' : '') +
    (e.getAttribute('class') ? ' class="' + e.getAttribute('class') + '"' : '') + '>';
  return name + ' reaches ' + Math.round(worst.right) + 'px ("' + (e.textContent || '').trim().slice(0, 60) +
    '"); the page is ' + root.scrollWidth + 'px wide, the window ' + width + 'px';
})()`;

async function sidewaysScroll(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(WIDEST_OFFENDER);
}

/** Serious and critical axe violations on the page as it stands, each named; empty when there are none. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The screens in four groups, a test each, so a slow machine's time limit is met per group. */
const GROUPS = [SCREENS.slice(0, 12), SCREENS.slice(12, 24), SCREENS.slice(24, 36), SCREENS.slice(36)] as const;

/** Each screen of a group in turn: each one that scrolls sideways or has axe violations is named, then the test fails once. */
async function visitScreens(app: AppUnderTest, page: Page, screens: readonly Screen[], where: string): Promise<void> {
  await seed(app);
  await page.goto(app.url);
  await expect(page.getByRole('banner')).toBeVisible();
  const failures: string[] = [];
  for (const screen of screens) {
    await page.goto(`${app.url}${screen.hash}`);
    await settled(page, screen.name);
    const overflow = await sidewaysScroll(page);
    if (overflow !== null) failures.push(`${screen.name} (${screen.hash}) scrolls sideways ${where}: ${overflow}`);
    const problems = await axeProblems(page);
    if (problems.length > 0) failures.push(`axe violations on ${screen.name} ${where}: ${problems.join('; ')}`);
  }
  expect(failures, failures.join('\n')).toEqual([]);
}

test.describe('at 320 pixels wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const [i, screens] of GROUPS.entries()) {
    test(`screens group ${i + 1} of ${GROUPS.length}: none scrolls sideways or has serious accessibility violations`, async ({
      app,
      page,
    }) => {
      // About a dozen screens, each scanned by axe: 20-30 seconds on an idle machine, more beside other work.
      test.setTimeout(180_000);
      await visitScreens(app, page, screens, 'at 320 pixels');
    });
  }

  test('a table stacks its rows, each cell labelled with its column, and stays a table to screen readers', async ({
    app,
    page,
  }) => {
    await seed(app);
    await page.goto(`${app.url}#/agencies`);
    const table = page.getByRole('table');
    const row = table.getByRole('row', { name: /Humber Police/ });
    await expect(row).toBeVisible();
    // Stacked: the row's cells sit one above the other, within the window.
    const boxes = await row
      .getByRole('cell')
      .evaluateAll((cells) =>
        cells.map((c) => (c as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect()),
      );
    expect(boxes.length).toBeGreaterThan(1);
    for (const [i, box] of boxes.entries()) {
      expect(box.right).toBeLessThanOrEqual(320);
      if (i > 0) expect(box.top).toBeGreaterThanOrEqual((boxes[i - 1]?.bottom ?? 0) - 1);
    }
    // Each cell shows its column's header.
    const headers = await table.locator('thead th').allTextContents();
    const labels = await row.getByRole('cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-label')));
    expect(labels.length).toBe(headers.length);
    for (const label of labels) expect(label).not.toBeNull();
    const shown = await row
      .getByRole('cell')
      .first()
      .evaluate((c) => {
        const view = c.ownerDocument.defaultView as { getComputedStyle(e: unknown, p: string): { content: string } };
        return view.getComputedStyle(c, '::before').content;
      });
    expect(shown).toContain(labels[0]);
    // A table the page builds by hand (the chair's invitations) is labelled too.
    await page.goto(`${app.url}#/conferences/1/before`);
    const invitations = page.locator('table.app-invitations');
    await expect(invitations.locator('tbody td[data-label]').first()).toBeAttached();
    // Screen readers still meet a table: Chromium's accessibility tree keeps its roles.
    await page.goto(`${app.url}#/agencies`);
    await expect(row).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string } }[];
    };
    const roles = nodes.map((n) => n.role?.value);
    expect(roles).toContain('table');
    expect(roles).toContain('columnheader');
    expect(roles.filter((r) => r === 'cell').length).toBeGreaterThanOrEqual(boxes.length);
  });
});

test.describe('at 200% zoom of a 1280×720 window', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });

  for (const [i, screens] of GROUPS.entries()) {
    test(`screens group ${i + 1} of ${GROUPS.length}: none scrolls sideways or has serious accessibility violations`, async ({
      app,
      page,
    }) => {
      // About a dozen screens, each scanned by axe: 20-30 seconds on an idle machine, more beside other work.
      test.setTimeout(180_000);
      await visitScreens(app, page, screens, 'at 200% zoom');
    });
  }

  test('the chair’s screen keeps quoracy and the outcome in view while the views are entered', async ({
    app,
    page,
  }) => {
    await seed(app);
    await page.goto(`${app.url}#/conferences/1`);
    await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
    const bar = page.getByTestId('compact-status');
    // While the full status panel is in view, the bar is not shown (nor read twice).
    await page.getByTestId('status-panel').scrollIntoViewIfNeeded();
    await expect(bar).toBeHidden();
    // Down at a child's views, the panel has left the screen and the bar holds its place.
    await page.getByRole('textbox', { name: 'Reasons given by Humber Police for Amy' }).focus();
    await expect(page.getByTestId('status-panel')).not.toBeInViewport();
    await expect(bar).toBeInViewport();
    await expect(bar).toContainText('Quorate');
    await expect(page.getByTestId('compact-outcome-1')).toContainText('Amy Smith: Majority: plan (2–1)');
    // The field in focus is not hidden behind the bar.
    const field = await page.getByRole('textbox', { name: 'Reasons given by Humber Police for Amy' }).boundingBox();
    const barBox = await bar.boundingBox();
    expect(field && barBox && field.y + Math.min(field.height, 20) <= barBox.y).toBe(true);
    await expectNoSeriousAxeViolations(page, 'the chair’s screen with the compact bar');
  });
});
