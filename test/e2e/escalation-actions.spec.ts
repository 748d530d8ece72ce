import { localIsoDate } from '../../shared/dates';
import { expect, test } from './fixtures';
import { fillDate, openEscalation, seedAgencies } from './escalation-helpers';

/**
 * The escalation page offers one action at a time: "What to do next" lists what the
 * escalation's state allows; each opens only its own form at its own address
 * (`?action=respond`), focus on the form's heading; Cancel comes back with focus on the button
 * that opened it; a successful submit comes back with a banner saying what was recorded.
 */

const ACTION_FORMS = [
  'Record the response',
  'Escalate to stage 2: Written confirmation',
  'Close the escalation',
  'Add an action',
];

test('each action opens only its own form, at its own address, with focus on its heading; Cancel returns focus to its button', async ({
  app,
  page,
}) => {
  const escalation = await openEscalation(app, await seedAgencies(app));
  await page.goto(`${app.url}#/escalations/${escalation.id}`);
  const next = page.getByTestId('what-to-do-next');
  await expect(next.getByRole('heading', { name: 'What to do next' })).toBeVisible();
  await expect(next.getByRole('button')).toHaveText([
    'Record the response',
    'Escalate to stage 2',
    'Close the escalation',
    'Add an action',
  ]);
  // The plain page shows no action's form.
  for (const name of ACTION_FORMS) await expect(page.getByRole('form', { name })).toHaveCount(0);

  const choices = [
    { button: 'Record the response', action: 'respond', form: 'Record the response' },
    { button: 'Escalate to stage 2', action: 'escalate', form: 'Escalate to stage 2: Written confirmation' },
    { button: 'Close the escalation', action: 'close', form: 'Close the escalation' },
    { button: 'Add an action', action: 'add-action', form: 'Add an action' },
  ] as const;
  for (const choice of choices) {
    await next.getByRole('button', { name: choice.button }).click();
    await expect(page).toHaveURL(new RegExp(`#/escalations/${escalation.id}\\?action=${choice.action}$`));
    const form = page.getByRole('form', { name: choice.form });
    await expect(form.getByRole('heading', { level: 2, name: choice.form })).toBeFocused();
    for (const name of ACTION_FORMS.filter((n) => n !== choice.form))
      await expect(page.getByRole('form', { name })).toHaveCount(0);
    await expect(page.getByTestId('what-to-do-next')).toHaveCount(0);
    await expect(page.getByTestId('stage-1')).toHaveCount(0);

    await form.getByRole('link', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(new RegExp(`#/escalations/${escalation.id}$`));
    await expect(next.getByRole('button', { name: choice.button })).toBeFocused();
    await expect(page.getByRole('form', { name: choice.form })).toHaveCount(0);
  }

  // Like a GOV.UK button, Space follows the link too.
  await next.getByRole('button', { name: 'Record the response' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { level: 2, name: 'Record the response' })).toBeFocused();
  await page.getByRole('link', { name: 'Cancel' }).press('Enter');
  await expect(next.getByRole('button', { name: 'Record the response' })).toBeFocused();

  // Back leaves an action's form as well.
  await next.getByRole('button', { name: 'Add an action' }).click();
  await expect(page.getByRole('form', { name: 'Add an action' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('form', { name: 'Add an action' })).toHaveCount(0);
  await expect(next).toBeVisible();
});

test('an action’s address opens its form; a submit returns to the page with a banner; what is not allowed is not offered', async ({
  app,
  page,
}) => {
  const escalation = await openEscalation(app, await seedAgencies(app));
  await page.goto(`${app.url}#/escalations/${escalation.id}?action=add-action`);
  const form = page.getByRole('form', { name: 'Add an action' });
  await expect(form.getByRole('heading', { name: 'Add an action' })).toBeFocused();
  await expect(page).toHaveTitle(/^Add an action: Zoë Alpha/);

  // Refused input stays on the form, with the error summary linking to the field.
  await form.getByRole('button', { name: 'Add the action' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await summary.getByRole('link').first().click();
  await expect(form.getByLabel('What')).toBeFocused();
  await expect(page).toHaveURL(/\?action=add-action$/);

  await form.getByLabel('What').fill('Joint visit');
  await form.getByLabel('By whom').fill('Team manager');
  await fillDate(form.getByRole('group', { name: 'Agreed on' }), localIsoDate(new Date()));
  await form.getByRole('button', { name: 'Add the action' }).click();
  await expect(page).toHaveURL(new RegExp(`#/escalations/${escalation.id}$`));
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Action added');
  await expect(banner).toBeFocused();
  await expect(page.getByTestId('actions-table')).toContainText('Joint visit');
  await expect(page.getByRole('form', { name: 'Add an action' })).toHaveCount(0);

  // Closed: only adding an action is offered; a closing link to a closed escalation says so.
  await page.getByRole('button', { name: 'Close the escalation' }).click();
  const close = page.getByRole('form', { name: 'Close the escalation' });
  await close.getByRole('group', { name: 'Was the difference resolved?' }).getByLabel('No').check();
  await close.getByRole('button', { name: 'Close the escalation' }).click();
  await expect(page.getByRole('alert')).toContainText('Escalation closed: not resolved');
  await expect(page.getByTestId('what-to-do-next').getByRole('button')).toHaveText(['Add an action']);
  await page.goto(`${app.url}#/escalations/${escalation.id}?action=escalate`);
  await expect(page.getByTestId('action-not-offered')).toHaveText('This escalation is closed, so this cannot be done.');
  await expect(page.getByRole('form')).toHaveCount(0);
});
