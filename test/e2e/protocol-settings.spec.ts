import { expect, test } from './fixtures';

/**
 * The escalation protocol in Settings: who sets each stage's limit (the procedure, or the
 * partnership where the procedure sets none), the Kirklees debrief that follows resolution, and
 * copies that keep their source's formal record; the same-day contact saved like any section.
 */

test('the protocol table says who sets each limit, and that the Kirklees debrief follows resolution with none', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/settings`);
  const kirklees = page.getByTestId('protocol-stages-kirklees');
  await expect(kirklees.getByRole('caption')).toHaveText(
    'Stages of Kirklees KSCP: resolving professional disagreement; formal record: Appendix 5: Professional Difference Escalation Record',
  );
  await expect(
    kirklees
      .getByRole('row', { name: /Practitioner discussion/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('5 working days, as the procedure sets');
  const debrief = kirklees.getByRole('row', { name: /Restorative debrief/ });
  await expect(debrief.getByRole('cell').nth(0)).toHaveText('7. Restorative debrief');
  await expect(debrief.getByRole('cell').nth(1)).toHaveText('No time limit: offered after resolution');
  await expect(
    kirklees
      .getByRole('row', { name: /KSCP Business Unit Manager/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('Yes, with the reason recorded');

  await page.getByLabel(/^North Lincolnshire SAfE/).check();
  const northLincs = page.getByTestId('protocol-stages-north-lincolnshire');
  for (const row of await northLincs
    .getByRole('row')
    .all()
    .then((rows) => rows.slice(1))) {
    await expect(row.getByRole('cell').nth(1)).toHaveText(
      '10 working days: the partnership’s own setting (the procedure sets no limit)',
    );
  }
  await expect(
    northLincs
      .getByRole('row', { name: /Line managers/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('Yes, from a minority view at a conference');
  await expect(northLincs.getByRole('caption')).toHaveText(
    'Stages of North Lincolnshire SAfE: disagreement resolution; formal record: Written record of the Principal Officer review meeting',
  );
  await expect(
    northLincs
      .getByRole('row', { name: /Principal Officer review/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('Yes');
});

test('a copy keeps the formal record and the stage after resolution; a limit changed from the procedure’s is the partnership’s own', async ({
  app,
  page,
}) => {
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('button', { name: 'Copy and adjust' }).click();
  const copy = page.getByRole('form', { name: /^Adjust a copy of Kirklees/ });
  await expect(page.getByTestId('protocol-copy-record')).toContainText(
    'Formal record: Appendix 5: Professional Difference Escalation Record. A copy keeps the formal record',
  );
  await expect(copy.getByLabel('Stage 7 limit in working days')).toHaveCount(0);
  await expect(page.getByTestId('protocol-stages-6-after-resolution')).toContainText(
    'Stage 7 follows resolution: it has no time limit',
  );
  const stage1 = copy.getByLabel('Stage 1 limit in working days');
  await expect(stage1).toHaveValue('5');
  await expect(copy.getByText('5 working days, as the procedure sets.')).toHaveCount(6);

  // Out of range: the register's message, linked to the stage's box.
  await stage1.fill('61');
  await copy.getByRole('button', { name: 'Save the protocol' }).click();
  await page.getByRole('link', { name: 'The limit must be 60 working days or fewer' }).click();
  await expect(stage1).toBeFocused();

  await stage1.fill('7');
  await expect(
    copy.getByText('The procedure sets 5 working days: this number is your partnership’s own setting.'),
  ).toBeVisible();
  await copy.getByRole('button', { name: 'Save the protocol' }).click();
  await expect(page.getByRole('alert')).toContainText('Protocol saved');

  const saved = (await app.register.escalations.protocols()).find((p) => p.key === 'kirklees-local');
  expect(saved?.definition.record).toBe('appendix5');
  expect(
    saved?.definition.stages.map((s) => [s.number, s.limitWorkingDays, s.limitSetBy, s.followsResolution]),
  ).toEqual([
    [1, 7, 'partnership', false],
    [2, 5, 'procedure', false],
    [3, 5, 'procedure', false],
    [4, 5, 'procedure', false],
    [5, 5, 'procedure', false],
    [6, 5, 'procedure', false],
    [7, null, 'procedure', true],
  ]);
  expect(saved?.definition.stages[5]?.mayStartHere).toBe(true);
  const table = page.getByTestId('protocol-stages-kirklees-local');
  await expect(
    table
      .getByRole('row', { name: /Practitioner discussion/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('7 working days: the partnership’s own setting (the procedure sets no limit)');
});

test('the same-day contact is kept as an unsaved change until saved, like every section', async ({ app, page }) => {
  await page.goto(`${app.url}#/settings`);
  const contact = page.getByLabel('The partnership’s same-day contact (optional)');
  await expect(contact).toHaveValue('');
  await contact.fill('Duty & Advice, professional line 01484 414960');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Escalations' }).click();
  const warning = page.getByRole('region', { name: 'Important' }).filter({ hasText: 'You have unsaved changes' });
  await expect(warning.getByRole('listitem')).toHaveText(['Immediate risk: same-day contact']);
  await warning.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Escalations' })).toBeVisible();
  expect((await app.register.settings.get()).sameDayContact).toBe('Duty & Advice, professional line 01484 414960');

  // Cleared, it is not set again.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
  await contact.fill('');
  await page.getByRole('button', { name: 'Save the same-day contact' }).click();
  await expect(page.getByRole('alert')).toContainText('No same-day contact is set');
  expect((await app.register.settings.get()).sameDayContact).toBeNull();
});
