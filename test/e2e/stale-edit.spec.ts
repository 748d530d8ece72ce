import { expect, fromToday, test } from './fixtures';
import { conferenceInputSchema } from '../../shared/schemas/conference';

/**
 * Two people at once: two browser contexts (as two people at two desks) open the same conference's
 * details; the first saves; the second's save, made from what it loaded before, is refused with
 * the conference as it now reads, what was typed is kept, and "Load the current version" brings
 * the new values in so the change can be made again.
 */
test('a stale edit of a conference is refused, showing the current values, and can be made again', async ({
  app,
  page,
  browser,
}) => {
  const conference = await app.register.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: fromToday(21),
      time: '10:00',
      venue: 'Civic Centre, room 1',
      chairName: 'Sam Okafor',
      family: { name: 'Alpha' },
      newChildren: [{ givenName: 'Zoë', familyName: 'Alpha', dateOfBirth: '2018-04-01' }],
    }),
  );
  const editAddress = `${app.url}#/conferences/${conference.id}/edit`;
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await page.goto(editAddress);
    await second.goto(editAddress);
    await expect(page.getByLabel('Venue')).toHaveValue('Civic Centre, room 1');
    await expect(second.getByLabel('Venue')).toHaveValue('Civic Centre, room 1');

    // The first person saves.
    await page.getByLabel('Venue').fill('Town Hall');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert')).toContainText('Conference details changed');

    // The second, from what they loaded before, is refused with the conference as it now reads.
    await second.getByLabel('Venue').fill('Online');
    await second.getByRole('button', { name: 'Save changes' }).click();
    const summary = second.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary).toContainText('This conference was changed by someone else since you opened it.');
    await expect(summary).toContainText('venue Town Hall');
    await expect(second.getByLabel('Venue')).toHaveValue('Online');
    expect((await app.register.live.get(conference.id)).conference.venue).toBe('Town Hall');

    // The summary links to the button that loads the current version.
    await summary.getByRole('link', { name: /changed by someone else/ }).click();
    const load = second.getByRole('button', { name: 'Load the current version' });
    await expect(load).toBeFocused();
    await load.click();
    await expect(second.getByLabel('Venue')).toHaveValue('Town Hall');
    await expect(second.getByRole('alert')).toHaveCount(0);

    // Made again on the current version, the change is saved.
    await second.getByLabel('Venue').fill('Online');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await expect(second.getByRole('alert')).toContainText('Conference details changed');
    expect((await app.register.live.get(conference.id)).conference.venue).toBe('Online');
  } finally {
    await other.close();
  }
});
