import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../electron/main/register/services/errors';
import { healthVisiting, tableCounts, tempRegister } from './helpers';
import { agencyInputSchema } from '../../shared/schemas/agency';

async function refusal(fn: () => Promise<unknown>): Promise<ServiceError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('agencies service', () => {
  it('adds, edits, deactivates and reactivates, with an audit event for each write', async () => {
    const r = await tempRegister();
    const created = await r.agencies.create(agencyInputSchema.parse(healthVisiting));
    expect(created).toMatchObject({ ...healthVisiting, active: true, createdAt: '2026-03-02T09:30:00.000Z' });

    const updated = await r.agencies.update(
      created.id,
      agencyInputSchema.parse({ ...healthVisiting, leadEmail: 'new.lead@example.org' }),
    );
    expect(updated.leadEmail).toBe('new.lead@example.org');
    expect((await r.agencies.setActive(created.id, false)).active).toBe(false);
    expect((await r.agencies.setActive(created.id, true)).active).toBe(true);

    const history = await r.repos.audit.forRecord('agency', created.id);
    expect(history.map((e) => e.action)).toEqual(['create', 'update', 'deactivate', 'reactivate']);
    expect(history.every((e) => e.actor === 'Test Chair' && e.at === '2026-03-02T09:30:00.000Z')).toBe(true);
    expect(history[0]?.before).toBeUndefined();
    expect(history[1]?.before).toMatchObject({ leadEmail: 'hv.lead@example.org' });
    expect(history[1]?.after).toMatchObject({ leadEmail: 'new.lead@example.org' });
  });

  it('records the configured user as who made the change', async () => {
    const r = await tempRegister();
    await r.settings.update({ userName: 'Synthetic Administrator' });
    const a = await r.agencies.create(agencyInputSchema.parse(healthVisiting));
    expect((await r.repos.audit.forRecord('agency', a.id))[0]?.actor).toBe('Synthetic Administrator');
  });

  it('searches by name, type, group and lead, and can hide inactive agencies', async () => {
    const r = await tempRegister();
    const hv = await r.agencies.create(agencyInputSchema.parse(healthVisiting));
    await r.agencies.create(
      agencyInputSchema.parse({ name: 'West Police', type: 'police', leadEmail: 'police@example.org' }),
    );
    await r.agencies.create(agencyInputSchema.parse({ name: '100% Youth_Club', type: 'voluntary' }));
    await r.agencies.setActive(hv.id, false);
    expect((await r.agencies.list('police', true)).map((a) => a.name)).toEqual(['West Police']);
    expect(await r.agencies.list('NAMED', true)).toEqual([]);
    expect((await r.agencies.list('synthetic', true)).map((a) => a.name)).toEqual(['Health Visiting Service']);
    expect(await r.agencies.list('health', false)).toEqual([]);
    expect((await r.agencies.list('%', true)).map((a) => a.name)).toEqual(['100% Youth_Club']);
    expect((await r.agencies.list('_', true)).map((a) => a.name)).toEqual(['100% Youth_Club']);
  });

  it('refuses a duplicate name (in any case) and writes nothing', async () => {
    const r = await tempRegister();
    await r.agencies.create(agencyInputSchema.parse(healthVisiting));
    const before = await tableCounts(r);
    const error = await refusal(async () =>
      r.agencies.create(agencyInputSchema.parse({ ...healthVisiting, name: 'health visiting service' })),
    );
    expect(error.code).toBe('conflict');
    expect(error.issues).toEqual([
      { path: 'name', message: 'An agency called “Health Visiting Service” already exists' },
    ]);
    expect(await tableCounts(r)).toEqual(before);
  });

  it('imports all or nothing, naming each bad row and field', async () => {
    const r = await tempRegister();
    await r.agencies.create(agencyInputSchema.parse(healthVisiting));
    const before = await tableCounts(r);
    const error = await refusal(async () =>
      r.agencies.importMany([
        { name: 'School A', type: 'education' },
        { name: 'Bad email', type: 'housing', leadEmail: 'nope' },
        { name: 'School A', type: 'education' },
      ]),
    );
    expect(error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'row 3, leadEmail: Enter an email address in the correct format, like name@example.com',
      'row 4, name: “School A” is already on row 2',
    ]);
    expect(await tableCounts(r)).toEqual(before);

    // A clash with an agency already in the register is found inside the transaction: still nothing written.
    const clash = await refusal(async () =>
      r.agencies.importMany([
        { name: 'School B', type: 'education' },
        { name: 'HEALTH VISITING SERVICE', type: 'health' },
      ]),
    );
    expect(clash.message).toBe('row 3, name: An agency called “Health Visiting Service” already exists');
    expect(await tableCounts(r)).toEqual(before);

    expect((await r.agencies.importMany([{ name: 'School B', type: 'education' }])).map((a) => a.name)).toEqual([
      'School B',
    ]);
  });

  it('says which agency is missing', async () => {
    const r = await tempRegister();
    expect((await refusal(async () => r.agencies.update(42, agencyInputSchema.parse(healthVisiting)))).message).toBe(
      'No agency with id 42',
    );
  });
});
