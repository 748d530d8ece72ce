import { conferenceInputSchema } from '../../shared/schemas/conference';
import { expect, test, type AppUnderTest } from './fixtures';
import { openEscalation, seedAgencies, summaryValue } from './escalation-helpers';

/**
 * An escalation started by hand linked to the conference it concerns and the child at it: on the
 * new escalation, or later through a correction (with its reason, shown with the corrections).
 */

async function seedConferences(app: AppUnderTest) {
  const conference = async (family: string, givenName: string) =>
    app.register.conferences.create(
      conferenceInputSchema.parse({
        type: 'initial',
        date: '2026-03-02',
        time: '10:00',
        venue: 'Room 1',
        chairName: 'Test Chair',
        family: { name: family },
        newChildren: [{ givenName, familyName: family, dateOfBirth: '2018-04-01' }],
      }),
    );
  return { alpha: await conference('Alpha', 'Zoë'), bravo: await conference('Bravo', 'Ben') };
}

test('an escalation started by hand is linked to a conference and child found by searching', async ({ app, page }) => {
  await seedAgencies(app);
  const { alpha } = await seedConferences(app);
  await page.goto(`${app.url}#/escalations/new`);
  await page.getByLabel('Child’s or family’s name').fill('Zoë Alpha');
  const link = page.getByTestId('link-conference');
  await link.getByLabel('Search conferences by family or child name').fill('Nobody');
  await link.getByRole('button', { name: 'Search conferences' }).click();
  await expect(link.getByRole('status')).toHaveText('No conference matches “Nobody”.');
  await link.getByLabel('Search conferences by family or child name').fill('Zoë');
  // Enter searches without sending the form.
  await link.getByLabel('Search conferences by family or child name').press('Enter');
  const choices = link.getByRole('group', { name: 'Which child, at which conference?' });
  await expect(choices.getByRole('radio')).toHaveCount(2);
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
  await choices.getByLabel(/^Zoë Alpha: Initial conference, .*2 March 2026$/).check();

  await page.getByLabel('Agency escalating').selectOption({ label: 'Primary School' });
  await page.getByLabel('Agency challenged').selectOption({ label: 'Children’s Social Care' });
  await page.getByLabel('Referral decision').check();
  await page.getByLabel('Details of the difference').fill('Referral not accepted');
  await page.getByLabel('Outcome sought').fill('A strategy discussion');
  await page.getByRole('group', { name: 'Escalated by', exact: true }).getByLabel('Name').fill('Synthetic DSL');
  await page.getByRole('button', { name: 'Start the escalation' }).click();
  await expect(page).toHaveURL(/#\/escalations\/\d+$/);
  await expect(summaryValue(page, 'Conference').getByRole('link')).toHaveAttribute('href', `#/conferences/${alpha.id}`);
  const [listed] = await app.register.escalations.list({ overdueOnly: false });
  expect(await app.register.escalations.get(listed?.id ?? 0)).toMatchObject({
    conferenceId: alpha.id,
    childId: alpha.children[0]?.id,
  });
});

test('an existing escalation started by hand is linked through a correction, with its reason, and linked again if wrong', async ({
  app,
  page,
}) => {
  const escalation = await openEscalation(app, await seedAgencies(app));
  const { alpha, bravo } = await seedConferences(app);
  await page.goto(`${app.url}#/escalations/${escalation.id}`);
  await page.getByRole('button', { name: 'Correct details' }).click();
  const form = page.getByRole('form', { name: 'Correct the details' });
  await form.getByLabel('Search conferences by family or child name').fill('Bravo');
  await form.getByRole('button', { name: 'Search conferences' }).click();
  await form.getByLabel(/^Ben Bravo: Initial conference/).check();
  await form.getByLabel('Why are the details being corrected?').fill('Started by hand before the conference was found');
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await expect(page.getByRole('alert')).toContainText('Details corrected');

  await expect(summaryValue(page, 'Conference').getByRole('link')).toHaveAttribute('href', `#/conferences/${bravo.id}`);
  const corrections = page.getByTestId('corrections');
  await expect(corrections).toContainText('Reason: Started by hand before the conference was found');
  await expect(corrections.getByRole('row', { name: /^Conference/ }).getByRole('cell')).toHaveText([
    'Not recorded',
    'Initial conference, 2 March 2026',
  ]);
  expect(await app.register.escalations.get(escalation.id)).toMatchObject({
    conferenceId: bravo.id,
    childId: bravo.children[0]?.id,
  });

  // Linked to the wrong one, it is linked again by another correction, with its own reason.
  await page.getByRole('button', { name: 'Correct details' }).click();
  await expect(form.getByText('Only if it is linked to the wrong conference or child')).toBeVisible();
  await form.getByLabel('Search conferences by family or child name').fill('Alpha');
  await form.getByRole('button', { name: 'Search conferences' }).click();
  await form.getByLabel(/^Zoë Alpha: Initial conference/).check();
  await form.getByLabel('Why are the details being corrected?').fill('Linked to the wrong family');
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await expect(page.getByRole('alert')).toContainText('Details corrected');
  await expect(summaryValue(page, 'Conference').getByRole('link')).toHaveAttribute('href', `#/conferences/${alpha.id}`);
  await expect(corrections).toContainText('Reason: Linked to the wrong family');
  expect(await app.register.escalations.get(escalation.id)).toMatchObject({
    conferenceId: alpha.id,
    childId: alpha.children[0]?.id,
    familyId: alpha.familyId,
  });
});
