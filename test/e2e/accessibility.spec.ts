import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';

function seed(app: AppUnderTest): void {
  app.register.agencies.create({
    name: 'Humber Police',
    type: 'police',
    quoracyGroup: null,
    leadName: 'Dana Reeve',
    leadJobTitle: 'Detective Inspector',
    leadEmail: 'dana.reeve@humber-police.example',
    leadPhone: '01632 960 001',
  });
  app.register.agencies.setActive(
    app.register.agencies.create({
      name: 'Old Road Clinic',
      type: 'health',
      quoracyGroup: 'health',
      leadName: null,
      leadJobTitle: null,
      leadEmail: null,
      leadPhone: null,
    }).id,
    false,
  );
  app.register.conferences.create({
    type: 'initial',
    date: '2026-03-05',
    time: '10:00',
    venue: 'Civic Centre',
    chairName: 'Sam Okafor',
    family: { name: 'Smith', caseReference: 'F-1001' },
    childIds: [],
    newChildren: [
      { givenName: 'Amy', familyName: 'Smith', dateOfBirth: '2019-04-02', expectedDate: null, caseReference: null },
    ],
  });
}

interface Screen {
  name: string;
  hash: string;
  /** What shows the screen has loaded its data (and finished any action). */
  ready(page: Page): Promise<void>;
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

const SCREENS: Screen[] = [
  { name: 'home', hash: '#/', ready: (p) => expect(p.getByText('1 conference in the register.')).toBeVisible() },
  {
    name: 'conferences list',
    hash: '#/conferences',
    ready: (p) => expect(p.getByRole('row', { name: /Smith/ })).toBeVisible(),
  },
  {
    name: 'create conference',
    hash: '#/conferences/new',
    ready: (p) => expect(p.getByLabel('Chair')).toHaveValue('Test Chair'),
  },
  {
    name: 'create conference with a family found, a child added and errors shown',
    hash: '#/conferences/new',
    ready: async (p) => {
      await p.getByLabel('Find a family').fill('Smith');
      await p.getByLabel('Find a family').press('Enter');
      await p.getByRole('radio', { name: 'Smith' }).check();
      await p.getByRole('button', { name: 'Add a child' }).click();
      await p.getByRole('button', { name: 'Create conference' }).click();
      await expect(p.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    },
  },
  { name: 'conference page', hash: '#/conferences/1', ready: (p) => expect(h1(p, /Initial conference/)).toBeVisible() },
  {
    name: 'agencies list',
    hash: '#/agencies',
    ready: (p) => expect(p.getByRole('row', { name: /Old Road Clinic/ })).toContainText('Inactive'),
  },
  { name: 'add agency', hash: '#/agencies/new', ready: (p) => expect(h1(p, 'Add an agency')).toBeVisible() },
  {
    name: 'add agency with errors shown',
    hash: '#/agencies/new',
    ready: async (p) => {
      await p.getByLabel('Email address').fill('not an email');
      await p.getByRole('button', { name: 'Add agency' }).click();
      await expect(p.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    },
  },
  {
    name: 'edit agency',
    hash: '#/agencies/1/edit',
    ready: (p) => expect(p.getByLabel('Agency name')).toHaveValue('Humber Police'),
  },
  {
    name: 'settings',
    hash: '#/settings',
    ready: (p) => expect(p.getByRole('row', { name: /Scotland/ })).toBeVisible(),
  },
  {
    name: 'settings with a calculation warning',
    hash: '#/settings',
    ready: async (p) => {
      const start = p.getByRole('group', { name: 'Start date' });
      await start.getByLabel('Day').fill('5');
      await start.getByLabel('Month').fill('1');
      await start.getByLabel('Year').fill('2029');
      await p.getByLabel('Number of working days').fill('10');
      await p.getByRole('button', { name: 'Calculate' }).click();
      await expect(p.getByTestId('working-days-result')).toContainText('Warning');
    },
  },
  { name: 'escalations', hash: '#/escalations', ready: (p) => expect(h1(p, 'Escalations')).toBeVisible() },
  { name: 'letters and forms', hash: '#/letters', ready: (p) => expect(h1(p, 'Letters and forms')).toBeVisible() },
  { name: 'reports', hash: '#/reports', ready: (p) => expect(h1(p, 'Reports')).toBeVisible() },
];

for (const screen of SCREENS) {
  test(`${screen.name} has no serious or critical accessibility violations`, async ({ app, page }) => {
    seed(app);
    await page.goto(`${app.url}${screen.hash}`);
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
