import type { Locator, Page } from '@playwright/test';
import { openEscalationInputSchema, type OpenEscalationInput } from '../../shared/schemas/escalation';
import type { AppUnderTest } from './fixtures';
import { agencyInputSchema } from '../../shared/schemas/agency';

/**
 * Helpers for the escalation specs (kept apart from fixtures.ts, which the conference screens'
 * specs share): filling GOV.UK date inputs, a school and children's social care to escalate
 * between, and an escalation opened through the register as the screens would.
 */

/** Fills a GOV.UK date input (its Day, Month and Year boxes) with an ISO date. */
export async function fillDate(group: Locator, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

export async function seedAgencies(app: AppUnderTest) {
  const school = await app.register.agencies.create(
    agencyInputSchema.parse({ name: 'Primary School', type: 'education' }),
  );
  const csc = await app.register.agencies.create(
    agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
  );
  return { school, csc };
}

/** An escalation from the school to children's social care, under the partnership's chosen protocol. */
export async function openEscalation(
  app: AppUnderTest,
  agencies: Awaited<ReturnType<typeof seedAgencies>>,
  more: Partial<OpenEscalationInput> = {},
) {
  return app.register.escalations.open(
    openEscalationInputSchema.parse({
      subjectName: 'Zoë Alpha',
      initiatingAgencyId: agencies.school.id,
      challengedAgencyId: agencies.csc.id,
      natures: ['referral-decision'],
      details: 'Referral not accepted despite disclosures',
      outcomeSought: 'A strategy discussion',
      openedOn: '2026-11-02',
      escalatedBy: { name: 'Synthetic DSL', title: null, agency: null },
      ...more,
    }),
  );
}

/** The value cell of a GOV.UK summary list row, by its key (exactly, as shown). */
export function summaryValue(scope: Page | Locator, key: string): Locator {
  return scope.locator(
    `xpath=.//div[contains(concat(" ", @class, " "), " govuk-summary-list__row ")][dt[normalize-space()="${key}"]]/dd`,
  );
}
