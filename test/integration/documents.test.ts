import { dispatchAs } from './call';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/main/api/handlers';
import { DOCUMENT_KINDS, type BatchStatus, type DocumentKind } from '../../shared/schemas/documents';
import { tableCounts, tempDir, tempRegister } from './helpers';
import { pdfText, squash } from './pdf';
import { agencyInputSchema } from '../../shared/schemas/agency';

/** A register with Appendix 3 rows for `agencies` agencies in February 2026. */
async function seeded(agencies: number, options: { unitEmail?: string | null } = {}) {
  const r = await tempRegister();
  await r.settings.update({ unitEmail: options.unitEmail === undefined ? 'cpru@example.org' : options.unitEmail });
  const ids: number[] = [];
  for (let i = 0; i < agencies; i++) {
    const agency = await r.agencies.create(
      agencyInputSchema.parse({
        name: `Synthetic Agency ${String(i + 1).padStart(3, '0')}`,
        type: 'health',
      }),
    );
    ids.push(agency.id);
    await r.agencyEscalations.raiseByHand({
      agencyId: agency.id,
      meetingDate: '2026-02-10',
      familyIdentifier: 'Zoë Ó Súilleabháin',
      chairName: 'Chair A',
      representativeName: null,
      reason: 'did-not-attend',
      reasonDetail: null,
    });
  }
  return { r, ids };
}

function folderFiles(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

describe('a batch of Appendix 3 returns', () => {
  it('previews every document with its file name and what stops it, before writing anything', async () => {
    const { r } = await seeded(3, { unitEmail: null });
    const plan = await r.documents.plan('appendix3', '2026-02-01', '2026-02-28');
    expect(plan.documents.map((d) => d.fileName)).toEqual([
      'appendix3-synthetic-agency-001-2026-02-01-to-2026-02-28.pdf',
      'appendix3-synthetic-agency-002-2026-02-01-to-2026-02-28.pdf',
      'appendix3-synthetic-agency-003-2026-02-01-to-2026-02-28.pdf',
    ]);
    expect(plan.documents[0]?.problems).toEqual([expect.objectContaining({ path: 'settings.unitEmail' })]);
    expect(plan.documents[0]?.lastGenerated).toBeNull();
  });

  it('writes each document whole, records it against its record, and reports progress', async () => {
    const { r, ids } = await seeded(5);
    const folder = join(tempDir(), 'letters', 'february');
    const seen: number[] = [];
    const status = await r.documents.run('appendix3', '2026-02-01', '2026-02-28', folder, undefined, (s) =>
      seen.push(s.done),
    );
    expect(status).toMatchObject({ state: 'finished', total: 5, done: 5, failed: [], notWritten: [] });
    expect(status.written).toHaveLength(5);
    expect(seen.at(-1)).toBe(5);
    expect(new Set(seen).size).toBeGreaterThanOrEqual(5);
    expect(folderFiles(folder)).toEqual(status.written.map((w) => w.fileName).sort());
    expect(squash(pdfText(join(folder, status.written[0]?.fileName ?? '')))).toContain('Zoë Ó Súilleabháin');
    const recorded = await r.documents.forRecord('agency', ids[0] ?? 0);
    expect(recorded).toEqual([
      expect.objectContaining({
        kind: 'appendix3',
        periodFrom: '2026-02-01',
        periodTo: '2026-02-28',
        generatedBy: 'Test Chair',
        batchId: status.id,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    // The next preview says when each was last made, and by whom.
    expect((await r.documents.plan('appendix3', '2026-02-01', '2026-02-28')).documents[0]?.lastGenerated).toEqual({
      at: '2026-03-02T09:30:00.000Z',
      by: 'Test Chair',
    });
  });

  it('reports which documents were written and which were not when the folder goes away half-way, leaving no partial file', async () => {
    const { r } = await seeded(6);
    const folder = join(tempDir(), 'out');
    const status = await r.documents.run('appendix3', '2026-02-01', '2026-02-28', folder, undefined, (s) => {
      if (s.written.length === 2 && existsSync(folder)) rmSync(folder, { recursive: true });
    });
    expect(status.written).toHaveLength(2);
    expect(status.failed).toEqual([expect.objectContaining({ message: 'Not written: the folder no longer exists' })]);
    expect(status.notWritten).toHaveLength(3);
    expect(status.done).toBe(6);
    expect(existsSync(folder)).toBe(false);
    expect(await r.documents.recent(50)).toHaveLength(2);
  });

  it('skips documents that cannot be made, naming why, and writes the rest', async () => {
    const { r, ids } = await seeded(2);
    // Without the unit's email no return can be made: the batch says so for each and writes nothing.
    await r.settings.update({ unitEmail: null });
    const folder = join(tempDir(), 'out');
    const status = await r.documents.run('appendix3', '2026-02-01', '2026-02-28', folder, [
      `agency:${ids[0]}:2026-02-01:2026-02-28`,
    ]);
    expect(status.total).toBe(1);
    expect(status.written).toEqual([]);
    expect(status.failed[0]?.message).toContain('review unit’s email');
    expect(folderFiles(folder)).toEqual([]);
  });

  it('refuses a period with nothing in it, or a folder that is a file, before writing anything', async () => {
    const { r } = await seeded(1);
    const before = await tableCounts(r);
    await expect(
      r.documents.start({ kind: 'appendix3', from: '2025-01-01', to: '2025-01-31', folder: tempDir() }),
    ).rejects.toThrow(/no documents of this kind/);
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    await expect(
      r.documents.start({ kind: 'appendix3', from: '2026-02-01', to: '2026-02-28', folder: file }),
    ).rejects.toThrow(/is a file, not a folder/);
    expect(await tableCounts(r)).toEqual(before);
  });

  it('runs through the contract: start, then poll the status until it finishes', async () => {
    const { r } = await seeded(3);
    const h = createHandlers(r);
    const folder = join(tempDir(), 'contract');
    const started = await dispatchAs(h, 'documents.startBatch', {
      kind: 'appendix3',
      from: '2026-02-01',
      to: '2026-02-28',
      folder,
    });
    if (!started.ok) throw new Error(started.error.message);
    const id = (started.value as BatchStatus).id;
    let status: BatchStatus = started.value as BatchStatus;
    while (status.state !== 'finished') {
      await new Promise((resolve) => setImmediate(resolve));
      const polled = await dispatchAs(h, 'documents.batchStatus', { id });
      if (!polled.ok) throw new Error(polled.error.message);
      status = polled.value as BatchStatus;
    }
    expect(status.written).toHaveLength(3);
    expect(
      await dispatchAs(h, 'documents.startBatch', { kind: 'appendix3', from: '2026-02-28', to: '2026-02-01', folder }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'to', message: 'The period must end on or after the day it starts' }] },
    });
  });
});

describe('every kind of document from the demo register', () => {
  it('plans and writes a batch of each kind, each file a PDF that names its form', async () => {
    const r = await tempRegister();
    await r.demo.generate('small');
    await r.settings.update({ unitEmail: 'cpru@demo.example.org' });
    const titles: Record<DocumentKind, string> = {
      appendix3: 'Appendix 3',
      appendix5: 'Professional Difference Escalation Record',
      'croydon-notification': 'Escalation Notification Form',
      'review-meeting-record': 'Principal Officer review meeting',
      'decision-letter': 'decision',
      'reconvene-notice': 'adjourned',
      'dissent-record': 'minority',
    };
    for (const kind of DOCUMENT_KINDS) {
      const plan = await r.documents.plan(kind, '2024-01-01', '2026-03-02');
      const ready = plan.documents.filter((d) => d.problems.length === 0);
      expect(ready.length, kind).toBeGreaterThan(0);
      const folder = join(tempDir(), kind);
      const status = await r.documents.run(
        kind,
        '2024-01-01',
        '2026-03-02',
        folder,
        ready.slice(0, 2).map((d) => d.key),
      );
      expect(
        status.written.map((w) => w.fileName),
        kind,
      ).toEqual(ready.slice(0, 2).map((d) => d.fileName));
      const text = squash(pdfText(join(folder, status.written[0]?.fileName ?? '')));
      expect(text.toLowerCase(), kind).toContain(titles[kind].toLowerCase());
      expect(text, kind).toContain('OFFICIAL-SENSITIVE');
    }
  });
});
