import { embedded } from '../embedded';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

/**
 * The audit trail: the Audit page lists every change, newest first, and checks that the hash chain
 * is whole; a conference's own history shows who changed what, with the values before and after.
 */

async function seed(app: AppUnderTest) {
  const r = app.register;
  const csc = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-02',
      time: '10:00',
      venue: 'Civic Centre, room 1',
      chairName: 'Sam Okafor',
      family: { name: 'Alpha' },
      newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    }),
  );
  await r.live.invite({
    conferenceId: conference.id,
    agencyId: csc.id,
    representativeName: null,
    representativeRole: null,
  });
  await r.live.setAttendance(conference.id, csc.id, 'attended');
  const childId = conference.children[0]?.id ?? 0;
  const view = { conferenceId: conference.id, childId, agencyId: csc.id, view: 'plan' as const };
  await r.live.setView({ ...view, reasons: 'Neglect of basic care' });
  await r.live.setView({ ...view, reasons: 'Neglect of basic care and missed appointments' });
  return { conferenceId: conference.id };
}

async function noBlockingViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, `axe violations on ${where}: ${described.join('; ')}`).toEqual([]);
}

test('the Audit page lists the changes newest first and checks that the trail is whole', async ({ app, page }) => {
  await seed(app);
  const events = await app.register.repos.audit.count();
  await page.goto(`${app.url}#/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'newest first' })).toHaveText(
    `Events 1 to ${events} of ${events}, newest first.`,
  );
  const newest = page.getByTestId(`audit-event-${events}`);
  await expect(newest).toContainText('Changed (view)');
  await expect(newest).toContainText('Neglect of basic care → Neglect of basic care and missed appointments');
  await page.getByRole('button', { name: 'Check the audit trail' }).click();
  await expect(page.getByTestId('audit-verdict')).toHaveText(
    `The audit trail is whole: ${events} events, each linked to the one before.`,
  );
  await noBlockingViolations(page, 'the Audit page');
});

test('the Audit page names the first broken event when the trail was changed outside the app', async ({
  app,
  page,
}) => {
  await seed(app);
  embedded(app.register).connection.exec(
    "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'Someone else' WHERE id = 2",
  );
  await page.goto(`${app.url}#/audit`);
  await page.getByRole('button', { name: 'Check the audit trail' }).click();
  await expect(page.getByRole('alert')).toContainText('The audit trail is broken');
  await expect(page.getByRole('alert')).toContainText('Event 2: its contents changed');
});

test('a conference shows its own history: who changed what, with the values before and after', async ({
  app,
  page,
}) => {
  const { conferenceId } = await seed(app);
  // The history is on the chair's screen's Decisions step.
  await page.goto(`${app.url}#/conferences/${conferenceId}/decisions`);
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  const history = page.getByTestId('record-history');
  await history.getByText(/^History \(\d+ changes\)$/).click();
  await expect(history).toContainText('Changed (view) by Test Chair');
  await expect(history).toContainText('reasons: Neglect of basic care → Neglect of basic care and missed appointments');
  await noBlockingViolations(page, 'the conference history');
});
