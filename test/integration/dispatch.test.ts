import { dispatchAs } from './call';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/main/api/handlers';
import type { OpenEscalationInput } from '../../shared/schemas/escalation';
import { tableCounts, tempRegister } from './helpers';
import { agencyInputSchema } from '../../shared/schemas/agency';

describe('dispatch: the contract at the edge', () => {
  it('refuses an unknown channel as a value', async () => {
    const r = await tempRegister();
    expect(await dispatchAs(createHandlers(r), 'agencies.drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'That operation does not exist', issues: [] },
    });
  });

  it('validates the input before any service runs, naming the field', async () => {
    const r = await tempRegister();
    const before = await tableCounts(r);
    const result = await dispatchAs(createHandlers(r), 'agencies.update', {
      id: 1,
      version: 1,
      fields: { name: 'X', type: 'health', leadEmail: 'x@' },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Enter an email address in the correct format, like name@example.com',
        issues: [
          { path: 'fields.leadEmail', message: 'Enter an email address in the correct format, like name@example.com' },
        ],
      },
    });
    expect(await tableCounts(r)).toEqual(before);
  });

  it('passes service refusals through as values', async () => {
    const r = await tempRegister();
    expect(await dispatchAs(createHandlers(r), 'agencies.get', { id: 7 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('returns values that match the output schema', async () => {
    const r = await tempRegister();
    const h = createHandlers(r);
    expect(await dispatchAs(h, 'agencies.create', { name: 'Probation Service', type: 'probation' })).toMatchObject({
      ok: true,
      value: { id: 1, active: true },
    });
    expect(await dispatchAs(h, 'workingDays.calculate', { date: '2025-12-19', days: 15 })).toEqual({
      ok: true,
      value: { date: '2026-01-14', warning: null },
    });
  });
});

describe('dispatch: the child’s gender, ethnicity and SEND come from the Croydon form’s lists', () => {
  async function setUp() {
    const r = await tempRegister();
    const h = createHandlers(r);
    const school = await r.agencies.create(agencyInputSchema.parse({ name: 'Primary School', type: 'education' }));
    const csc = await r.agencies.create(
      agencyInputSchema.parse({ name: 'Children’s Social Care', type: 'childrens-social-care' }),
    );
    const croydon = (await r.escalations.protocols()).find((p) => p.key === 'croydon');
    if (!croydon) throw new Error('no Croydon protocol');
    const base: OpenEscalationInput = {
      protocolId: croydon.id,
      subjectName: 'Synthetic Child',
      initiatingAgencyId: school.id,
      challengedAgencyId: csc.id,
      natures: ['referral-decision'],
      details: 'Synthetic details.',
      outcomeSought: 'Synthetic outcome.',
      openedOn: '2026-01-05',
      escalatedBy: { name: 'Synthetic DSL', title: null, agency: null, email: null },
    };
    return { r, h, base };
  }

  it.each([
    ['subjectGender', 'Male', 'Choose the child’s gender from the list'],
    ['subjectEthnicity', 'Mixed: White and Asian', 'Choose the child’s ethnicity from the list'],
    ['subjectEthnicity', 'wbri', 'Choose the child’s ethnicity from the list'],
    ['subjectSend', 'EHC plan', 'Choose the child’s SEND from the list'],
  ])('refuses %s as free text (%s), naming the field, and writes nothing', async (field, value, message) => {
    const { r, h, base } = await setUp();
    const before = await tableCounts(r);
    expect(await dispatchAs(h, 'escalations.open', { ...base, [field]: value })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message, issues: [{ path: field, message }] },
    });
    expect(await tableCounts(r)).toEqual(before);
  });

  it('keeps a code as it was chosen, and a blank as not recorded', async () => {
    const { h, base } = await setUp();
    const opened = await dispatchAs(h, 'escalations.open', {
      ...base,
      subjectGender: 'unborn',
      subjectEthnicity: 'MWAS',
      subjectSend: 'ehc-plan',
    });
    if (!('ok' in opened) || !opened.ok) throw new Error(JSON.stringify(opened));
    const { id } = opened.value as { id: number };
    expect(await dispatchAs(h, 'escalations.get', { id })).toMatchObject({
      ok: true,
      value: { subjectGender: 'unborn', subjectEthnicity: 'MWAS', subjectSend: 'ehc-plan' },
    });
    const blank = await dispatchAs(h, 'escalations.open', { ...base, subjectGender: '', subjectEthnicity: null });
    expect(blank).toMatchObject({
      ok: true,
      value: { subjectGender: null, subjectEthnicity: null, subjectSend: null },
    });
  });
});
