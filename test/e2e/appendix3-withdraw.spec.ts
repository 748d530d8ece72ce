import { formatLongDate, localIsoDate } from '../../shared/dates';
import { fillDate } from './escalation-helpers';
import { expect, test, type AppUnderTest } from './fixtures';
import { agencyInputSchema } from '../../shared/schemas/agency';

/**
 * A mistaken Appendix 3 row is withdrawn with the reason, after a confirmation step: it stays in
 * the register, shown apart as withdrawn, and leaves the agency's return and its counts.
 */

async function seed(app: AppUnderTest) {
  const r = app.register;
  await r.settings.update({ unitEmail: 'cpru@demo.example.org' });
  const police = await r.agencies.create(
    agencyInputSchema.parse({ name: 'Humber Police', type: 'police', leadName: 'Dana Reeve' }),
  );
  for (const [meetingDate, familyIdentifier] of [
    ['2026-10-07', 'Alpha'],
    ['2026-10-21', 'Bravo'],
  ] as const) {
    await r.agencyEscalations.raiseByHand({
      agencyId: police.id,
      meetingDate,
      familyIdentifier,
      chairName: 'Sam Okafor',
      representativeName: null,
      reason: 'did-not-attend',
      reasonDetail: null,
    });
  }
  return police;
}

test('a mistaken Appendix 3 row is withdrawn with a reason after a confirmation step, and leaves the return', async ({
  app,
  page,
}) => {
  const police = await seed(app);
  await page.goto(`${app.url}#/escalations/returns/${police.id}?from=2026-10-01&to=2026-10-31`);
  const table = page.getByTestId('appendix-3-table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('status')).toContainText('2 escalations from');

  // The confirmation step: nothing is withdrawn until the reason is given and confirmed.
  await table
    .getByRole('button', { name: 'Withdraw the escalation of 21 October 2026, Bravo, Did not attend' })
    .click();
  const confirm = page.getByRole('form', { name: 'Withdraw this escalation?' });
  await expect(confirm.getByRole('heading', { name: 'Withdraw this escalation?' })).toBeFocused();
  await expect(confirm).toContainText('Bravo');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(
    table.getByRole('button', { name: 'Withdraw the escalation of 21 October 2026, Bravo, Did not attend' }),
  ).toBeFocused();

  await table
    .getByRole('button', { name: 'Withdraw the escalation of 21 October 2026, Bravo, Did not attend' })
    .click();
  await confirm.getByRole('button', { name: 'Withdraw the escalation' }).click();
  const link = page
    .locator('.govuk-error-summary')
    .getByRole('link', { name: 'Enter why the escalation is withdrawn' });
  await link.click();
  await expect(confirm.getByLabel('Why is it withdrawn?')).toBeFocused();
  expect((await app.register.agencyEscalations.returnFor(police.id, '2026-10-01', '2026-10-31')).withdrawn).toEqual([]);

  await confirm.getByLabel('Why is it withdrawn?').fill('The officer attended: marked absent by mistake');
  await confirm.getByRole('button', { name: 'Withdraw the escalation' }).click();
  await expect(page.getByRole('alert')).toContainText('Escalation withdrawn: 21 October 2026, Bravo, Did not attend');
  await expect(confirm).toHaveCount(0);

  // Out of the return (and its count), shown apart with when and why.
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).not.toContainText('Bravo');
  await expect(page.getByRole('status')).toContainText('1 escalation from');
  const withdrawn = page.getByTestId('withdrawn-table');
  await expect(withdrawn.getByRole('caption')).toHaveText('Withdrawn: not in the return');
  await expect(withdrawn.getByRole('row', { name: /Bravo/ })).toContainText(
    `Withdrawn on ${formatLongDate(localIsoDate(new Date())).replace(/^\S+ /, '')}: The officer attended: marked absent by mistake`,
  );

  // The return is marked sent with the one row left in it.
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByRole('alert')).toContainText('Return marked as sent');
  const after = await app.register.agencyEscalations.returnFor(police.id, '2026-10-01', '2026-10-31');
  expect(after.rows.map((r) => [r.familyIdentifier, r.returnId !== null])).toEqual([['Alpha', true]]);
  expect(after.withdrawn.map((r) => [r.familyIdentifier, r.returnId])).toEqual([['Bravo', null]]);
  const [summary] = await app.register.agencyEscalations.summary('2026-10-01', '2026-10-31');
  expect(summary?.total).toBe(1);

  // Nor is it exported to the safeguarding lead.
  await page.goto(`${app.url}#/letters/export`);
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Humber Police' });
  await fillDate(page.getByRole('group', { name: 'From' }), '2026-10-01');
  await fillDate(page.getByRole('group', { name: 'To' }), '2026-10-31');
  await page.getByRole('button', { name: 'Preview the export' }).click();
  await expect(page.getByTestId('export-plan')).toContainText('Appendix 3 rows1');
});
