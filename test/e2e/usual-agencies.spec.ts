import { expect, test } from './fixtures';
import { agencyInputSchema } from '../../shared/schemas/agency';
import { conferenceInputSchema } from '../../shared/schemas/conference';

/**
 * The usual set of agencies for conferences (issue 14): chosen in Settings, then invited on the
 * chair's screen in one step, beside the last conference's agencies.
 */
test('the usual agencies chosen in Settings are invited on the chair’s screen in one step', async ({ app, page }) => {
  const r = app.register;
  for (const [name, type] of [
    ['Children’s Social Care', 'childrens-social-care'],
    ['Humberside Police', 'police'],
    ['Primary School', 'education'],
  ] as const) {
    await r.agencies.create(agencyInputSchema.parse({ name, type }));
  }
  const conference = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-09-01',
      time: '10:00',
      venue: 'Civic Centre, room 1',
      chairName: 'Sam Okafor',
      family: { name: 'Delta' },
      newChildren: [{ givenName: 'Ada', familyName: 'Delta', dateOfBirth: '2017-03-01' }],
    }),
  );

  // Nothing offered while there is no usual set.
  await page.goto(`${app.url}#/conferences/${conference.id}`);
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
  await expect(page.getByTestId('invite-usual')).toHaveCount(0);

  await page.goto(`${app.url}#/settings`);
  const usual = page.getByRole('group', { name: 'Agencies usually invited' });
  await usual.getByLabel('Children’s Social Care').check();
  await usual.getByLabel('Humberside Police').check();
  await page.getByRole('button', { name: 'Save the usual agencies' }).click();
  await expect(page.getByRole('alert')).toContainText('Usual agencies saved');
  await expect(page.getByRole('alert')).toContainText('The usual set has 2 agencies.');
  expect((await r.settings.get()).usualAgencyIds).toHaveLength(2);

  await page.goto(`${app.url}#/conferences/${conference.id}`);
  await expect(page.getByTestId('invite-usual')).toContainText(
    'The usual agencies for conferences not yet invited: Children’s Social Care, Humberside Police.',
  );
  await page.getByRole('button', { name: 'Invite the usual set (2 agencies)' }).click();
  await expect(page.getByRole('heading', { name: 'Invitations and reports' })).toBeFocused();
  await expect(page.getByTestId('invite-usual')).toHaveCount(0);
  const invited = (await r.live.get(conference.id)).invitations.map((i) => i.agencyName).sort();
  expect(invited).toEqual(['Children’s Social Care', 'Humberside Police']);

  // Taken out of the set again in Settings: the box is unticked and saved.
  await page.goto(`${app.url}#/settings`);
  await usual.getByLabel('Humberside Police').uncheck();
  await page.getByRole('button', { name: 'Save the usual agencies' }).click();
  await expect(page.getByRole('alert')).toContainText('The usual set has 1 agency.');
});
