import { mapAsync } from '../../shared/async';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { localIsoDate } from '../../shared/dates';
import { expect, test, type AppUnderTest } from './fixtures';
import { openEscalation, seedAgencies } from './escalation-helpers';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import {
  stageResponseInputSchema,
  closeEscalationInputSchema,
  correctEscalationInputSchema,
  reviewMeetingInputSchema,
} from '../../shared/schemas/escalation';

/**
 * axe-core scans of the escalation forms added for the escalation rules (the pattern of
 * accessibility.spec.ts): each screen seeded, brought to the state shown, then scanned; serious
 * and critical violations fail.
 */

interface Screen {
  name: string;
  seed(app: AppUnderTest): Promise<string>;
  ready(page: Page): Promise<void>;
}

const errorShown = async (page: Page, message: string) =>
  expect(page.locator('.govuk-error-summary').getByRole('link', { name: message })).toBeVisible();

/** An escalation whose first stage has its response (resolving the difference or not): its page's address. */
async function respondedAtStageOne(app: AppUnderTest, resolved: boolean): Promise<string> {
  const e = await openEscalation(app, await seedAgencies(app));
  await app.register.escalations.respond(
    stageResponseInputSchema.parse({
      escalationId: e.id,
      number: 1,
      responseFrom: { name: 'Team manager', title: null, agency: null },
      responseOn: '2026-11-03',
      summary: resolved ? 'Agreed' : 'Not agreed',
      resolved,
    }),
  );
  return `#/escalations/${e.id}`;
}

/** A North Lincolnshire escalation at its Principal Officer review stage (3). */
async function northLincsAtReview(app: AppUnderTest) {
  await app.register.escalations.choose('north-lincolnshire');
  return openEscalation(app, await seedAgencies(app), {
    startStage: 3,
    startReason: 'A reconvened conference without a majority view',
    immediateRisk: true,
    openedOn: localIsoDate(new Date()),
  });
}

const SCREENS: Screen[] = [
  {
    name: 'escalation page correcting its details, with a correction made and immediate risk',
    seed: async (app) => {
      const e = await openEscalation(app, await seedAgencies(app), {
        immediateRisk: true,
        openedOn: localIsoDate(new Date()),
      });
      await app.register.escalations.correct(
        correctEscalationInputSchema.parse({
          escalationId: e.id,
          version: e.version,
          reason: 'Typed wrongly',
          subjectName: 'Zoe Alpha',
        }),
      );
      return `#/escalations/${e.id}`;
    },
    ready: async (page) => {
      await expect(page.getByTestId('corrections')).toContainText('Typed wrongly');
      await page.getByRole('button', { name: 'Correct details' }).click();
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await errorShown(page, 'Enter why the details are corrected');
    },
  },
  {
    name: 'escalation page after a resolved response, closing offered',
    seed: async (app) => {
      return respondedAtStageOne(app, true);
    },
    ready: async (page) => expect(page.getByTestId('what-next')).toContainText('close it as resolved'),
  },
  {
    name: 'escalation page offering the Kirklees restorative debrief, with an error',
    seed: async (app) => {
      const e = await openEscalation(app, await seedAgencies(app));
      await app.register.escalations.close(
        closeEscalationInputSchema.parse({
          escalationId: e.id,
          on: '2026-11-04',
          resolved: true,
          learning: null,
          restorativeDebrief: null,
        }),
      );
      return `#/escalations/${e.id}`;
    },
    ready: async (page) => {
      await page.getByRole('button', { name: 'Record the debrief' }).click();
      await errorShown(page, 'Enter what the debrief covered and agreed');
    },
  },
  {
    name: 'North Lincolnshire escalation with the review meeting form and its errors',
    seed: async (app) => `#/escalations/${(await northLincsAtReview(app)).id}`,
    ready: async (page) => {
      await page.getByRole('button', { name: 'Save the written record' }).click();
      await errorShown(page, 'Enter the Principal Officer who chaired the meeting');
    },
  },
  {
    name: 'North Lincolnshire escalation with its review meeting recorded',
    seed: async (app) => {
      const e = await northLincsAtReview(app);
      await app.register.escalations.recordReviewMeeting(
        reviewMeetingInputSchema.parse({
          escalationId: e.id,
          heldOn: localIsoDate(new Date()),
          reviewType: 'Multi-agency audit',
          chairedBy: 'Pat Principal',
          attendees: 'School DSL; CSC team manager',
          discussion: 'Threshold',
          disagreements: 'Whether it was met',
          agreements: 'Strategy discussion',
        }),
      );
      return `#/escalations/${e.id}`;
    },
    ready: async (page) => expect(page.getByTestId('review-meeting-record')).toContainText('Pat Principal'),
  },
  // Each action's form on its own, with its errors shown.
  ...(
    [
      { action: 'respond', submit: 'Record the response', error: 'Say whether the response resolved the difference' },
      { action: 'escalate', submit: 'Escalate to stage 2', error: null },
      { action: 'close', submit: 'Close the escalation', error: 'Say whether the difference was resolved' },
      { action: 'add-action', submit: 'Add the action', error: null },
    ] as const
  ).map(({ action, submit, error }): Screen => ({
    name: `escalation page's ${action} form, with its errors, at immediate risk`,
    seed: async (app) => {
      const e = await openEscalation(app, await seedAgencies(app), {
        immediateRisk: true,
        openedOn: localIsoDate(new Date()),
      });
      return `#/escalations/${e.id}?action=${action}`;
    },
    ready: async (page) => {
      await page.getByRole('button', { name: submit }).click();
      if (error) await errorShown(page, error);
      else await expect(page.locator('.govuk-error-summary')).toBeFocused();
    },
  })),
  {
    name: 'escalation page with a response recorded: what to do next, and the actions agreed',
    seed: async (app) => {
      return respondedAtStageOne(app, false);
    },
    ready: async (page) =>
      expect(
        page.getByTestId('what-to-do-next').getByRole('button', { name: 'Change the response at stage 1' }),
      ).toBeVisible(),
  },
  {
    name: 'new escalation started by hand, with conferences found to link it to',
    seed: async (app) => {
      await seedAgencies(app);
      await app.register.conferences.create(
        conferenceInputSchema.parse({
          type: 'initial',
          date: '2026-03-02',
          time: '10:00',
          venue: 'Room 1',
          chairName: 'Test Chair',
          family: { name: 'Alpha' },
          newChildren: [
            { givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' },
            { givenName: 'Łukasz', familyName: 'Alpha', dateOfBirth: '2020-06-01' },
          ],
        }),
      );
      return '#/escalations/new';
    },
    ready: async (page) => {
      await page.getByLabel('Search conferences by family or child name').fill('Alpha');
      await page.getByRole('button', { name: 'Search conferences' }).click();
      await page.getByLabel(/^Łukasz Alpha: Initial conference/).check();
    },
  },
  {
    name: 'new escalation starting at a later stage without its reason, at immediate risk',
    seed: async (app) => {
      await seedAgencies(app);
      await app.register.settings.update({ sameDayContact: 'Duty & Advice, professional line 01484 414960' });
      return '#/escalations/new';
    },
    ready: async (page) => {
      await page.getByLabel('Child at immediate risk of significant harm').check();
      await page.getByLabel('Stage 6: KSCP Business Unit Manager').check();
      await page.getByRole('button', { name: 'Start the escalation' }).click();
      await errorShown(page, 'Say why the escalation starts at stage 6 (KSCP Business Unit Manager)');
    },
  },
  {
    name: 'agency return asking to confirm a withdrawal, with a row withdrawn',
    seed: async (app) => {
      const police = await app.register.agencies.create(
        agencyInputSchema.parse({ name: 'Humber Police', type: 'police' }),
      );
      const rows = await mapAsync(['Alpha', 'Bravo', 'Charlie'], async (familyIdentifier, i) =>
        app.register.agencyEscalations.raiseByHand({
          agencyId: police.id,
          meetingDate: `2026-10-0${i + 5}`,
          familyIdentifier,
          chairName: 'Sam Okafor',
          representativeName: null,
          reason: 'no-report',
          reasonDetail: null,
        }),
      );
      await app.register.agencyEscalations.withdraw(rows[0]?.id ?? 0, 'Raised twice');
      return `#/escalations/returns/${police.id}?from=2026-10-01&to=2026-10-31`;
    },
    ready: async (page) => {
      await expect(page.getByTestId('withdrawn-table')).toContainText('Raised twice');
      await page.getByRole('button', { name: /^Withdraw the escalation of .* Bravo/ }).click();
      await page.getByRole('button', { name: 'Withdraw the escalation', exact: true }).click();
      await errorShown(page, 'Enter why the escalation is withdrawn');
    },
  },
  {
    name: 'settings adjusting a copy of the Kirklees protocol, with the same-day contact typed',
    seed: async () => '#/settings',
    ready: async (page) => {
      await page.getByLabel('The partnership’s same-day contact (optional)').fill('Duty & Advice');
      await page.getByRole('button', { name: 'Copy and adjust' }).click();
      await page.getByLabel('Stage 1 limit in working days').fill('0');
      await page.getByRole('button', { name: 'Save the protocol' }).click();
      await errorShown(page, 'The limit must be at least 1 working day');
    },
  },
];

for (const screen of SCREENS) {
  test(`${screen.name} has no serious or critical accessibility violations`, async ({ app, page }) => {
    const hash = await screen.seed(app);
    await page.goto(`${app.url}${hash}`);
    await expect(page.getByRole('banner')).toContainText('Safeguarding Children Partnership');
    await screen.ready(page);

    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const described = blocking.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(blocking, `axe violations on ${screen.name}: ${described.join('; ')}`).toEqual([]);
  });
}
