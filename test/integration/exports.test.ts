import { mapAsync } from '../../shared/async';
import { dispatchAs } from './call';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/main/api/handlers';
import { initials } from '../../shared/escalation-protocols';
import { EXPORT_SCHEMA, EXPORT_SCHEMA_VERSION } from '../../shared/forms/agency-export';
import { tableCounts, tempDir, tempRegister, onPostgres, registerContent } from './helpers';
import { pdfFile, pdfInfo, pdfText } from './pdf';
import { sharingLogInputSchema } from '../../shared/schemas/documents';

configure({ useWebWorkers: false });

const PERIOD = { from: '2025-03-01', to: '2026-02-28' };
const PASSWORD = 'synthetic export password 42';

/** A demo register (synthetic) and its busiest agency for the year. */
async function demoRegister() {
  const r = await tempRegister();
  await r.demo.generate('small');
  await r.settings.update({ unitEmail: 'cpru@demo.example.org', unitName: 'Demo CP Review Unit' });
  const busiest = (await r.agencyEscalations.summary(PERIOD.from, PERIOD.to))[0];
  if (!busiest) throw new Error('the demo register has no agency escalations');
  return { r, agencyId: busiest.agencyId };
}

async function unzip(path: string, password?: string) {
  const reader = new ZipReader(new Uint8ArrayReader(readFileSync(path)), password ? { password } : {});
  const files = new Map<string, Buffer>();
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    files.set(entry.filename, Buffer.from(await entry.getData(new Uint8ArrayWriter())));
  }
  await reader.close();
  return files;
}

const base = (agencyId: number, folder: string) => ({
  agencyId,
  ...PERIOD,
  folder,
  format: 'zip' as const,
  initialsOnly: false,
  password: null,
  purpose: 'Annual return to the safeguarding lead',
  emailDraft: false,
});

describe('an export for an agency’s safeguarding lead', () => {
  it('plans the files and counts before anything is written', async () => {
    const { r, agencyId } = await demoRegister();
    const plan = await r.exports.plan(agencyId, PERIOD.from, PERIOD.to);
    expect(plan.appendix3Rows).toBeGreaterThan(0);
    expect(plan.files).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^appendix3-.*\.pdf$/),
        'appendix3-rows.csv',
        'escalations.csv',
        'export.json',
      ]),
    );
    expect(plan.problems).toEqual([]);
  });

  it('writes a password-protected zip (AES-256, PDFs encrypted too) with initials only, an .eml draft and a sharing-log entry', async () => {
    const { r, agencyId } = await demoRegister();
    const folder = join(tempDir(), 'exports');
    const rows = (await r.agencyEscalations.returnFor(agencyId, PERIOD.from, PERIOD.to)).rows;
    const result = await r.exports.run({
      ...base(agencyId, folder),
      initialsOnly: true,
      password: PASSWORD,
      emailDraft: true,
    });
    expect(result.location.endsWith('.zip')).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(
      [result.location, result.emailDraft].map((p) => (p ?? '').split('/').pop()).sort(),
    );
    // Without the password nothing can be read.
    await expect(unzip(result.location, 'wrong password entirely')).rejects.toThrow();
    const raw = readFileSync(result.location);
    expect(raw.includes(Buffer.from('Safeguarding'))).toBe(false);
    const files = await unzip(result.location, PASSWORD);
    expect([...files.keys()].sort()).toEqual(result.files.map((f) => f.name).sort());

    const json = JSON.parse(files.get('export.json')?.toString('utf8') ?? '{}') as {
      schema: string;
      version: number;
      namesAsInitials: boolean;
      appendix3: { reference: number; family: string }[];
    };
    expect(json).toMatchObject({ schema: EXPORT_SCHEMA, version: EXPORT_SCHEMA_VERSION, namesAsInitials: true });
    expect(json.appendix3.map((a) => a.reference).sort()).toEqual(rows.map((row) => row.id).sort());
    // UTF-8 with a byte-order mark first, so Excel shows names as written (issue 12).
    const bytes = files.get('appendix3-rows.csv') ?? Buffer.alloc(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'reference,date_of_meeting,family_name_or_identifying_factors,cp_chair,agency,name_of_agency_rep,reason,reason_for_escalation,reason_detail',
    );
    // Initials only: no family identifier appears in full anywhere in the export.
    const everything = [...files.entries()]
      .filter(([n]) => !n.endsWith('.pdf'))
      .map(([, b]) => b.toString('utf8'))
      .join('\n');
    for (const row of rows) {
      expect(everything).not.toContain(row.familyIdentifier);
      expect(everything).toContain(initials(row.familyIdentifier));
    }
    const pdfName = [...files.keys()].find((n) => n.startsWith('appendix3-'));
    const pdf = pdfFile(files.get(pdfName ?? '') ?? Buffer.alloc(0));
    expect(() => pdfText(pdf)).toThrow();
    expect(pdfInfo(pdf, PASSWORD)['Encrypted']).toContain('AES-256');
    const text = pdfText(pdf, { password: PASSWORD });
    for (const row of rows) expect(text).not.toContain(row.familyIdentifier);

    // The draft is addressed to the lead, marked unsent, carries the zip, and never the password.
    const eml = readFileSync(result.emailDraft ?? '', 'utf8');
    const agency = await r.agencies.get(agencyId);
    expect(eml).toContain(`To: ${agency.leadName} <${agency.leadEmail}>`);
    expect(eml).toContain('X-Unsent: 1');
    expect(eml).toContain(`filename="${result.location.split('/').pop()}"`);
    expect(eml).not.toContain(PASSWORD);
    expect(Buffer.from(eml.split('base64\r\n\r\n')[1]?.split('\r\n--')[0] ?? '', 'base64').toString('utf8')).toContain(
      'protected with a password',
    );

    const [entry] = (await r.exports.sharingLog(sharingLogInputSchema.parse({ pageSize: 10 }))).items;
    expect(entry).toMatchObject({
      id: result.sharingLogId,
      actor: 'Test Chair',
      agencyId,
      recipientEmail: agency.leadEmail,
      purpose: 'Annual return to the safeguarding lead',
      format: 'zip',
      initialsOnly: true,
      passwordProtected: true,
      location: result.location,
    });
    expect(entry?.records.filter((x) => x.entity === 'agency_escalation')).toHaveLength(rows.length);
    // The password is nowhere in the register.
    expect(JSON.stringify(await registerContent(r)).includes(PASSWORD)).toBe(false);
    if (!onPostgres) {
      const db = readFileSync(r.path);
      expect(db.includes(Buffer.from(PASSWORD))).toBe(false);
      const wal = existsSync(`${r.path}-wal`) ? readFileSync(`${r.path}-wal`) : Buffer.alloc(0);
      expect(wal.includes(Buffer.from(PASSWORD))).toBe(false);
    }
  });

  it('writes a folder of plain files when asked, whole, with the Appendix 5 records of the agency’s escalations', async () => {
    const { r } = await demoRegister();
    const plans = await mapAsync(await r.agencies.list('', false), async (a) =>
      r.exports.plan(a.id, PERIOD.from, PERIOD.to),
    );
    const withRecords = plans.find((p) => p.files.some((f) => f.startsWith('appendix5-')));
    if (!withRecords) throw new Error('the demo register has no Appendix 5 records in the period');
    const folder = join(tempDir(), 'exports');
    const result = await r.exports.run({ ...base(withRecords.agency.id, folder), format: 'folder' });
    expect(readdirSync(result.location).sort()).toEqual(result.files.map((f) => f.name).sort());
    expect(readdirSync(folder).filter((n) => n.includes('partial'))).toEqual([]);
    const appendix5 = result.files.find((f) => f.name.startsWith('appendix5-'));
    const text = pdfText(join(result.location, appendix5?.name ?? ''));
    expect(text).toContain('Professional Difference Escalation Record');
    const json = JSON.parse(readFileSync(join(result.location, 'export.json'), 'utf8')) as { escalations: unknown[] };
    expect(json.escalations).toHaveLength(withRecords.escalations);
  });

  it('names a missing safeguarding lead email before writing anything, and changes nothing', async () => {
    const { r, agencyId } = await demoRegister();
    const { name, type, quoracyGroup, leadName, leadJobTitle, leadPhone } = await r.agencies.get(agencyId);
    await r.agencies.update(agencyId, { name, type, quoracyGroup, leadName, leadJobTitle, leadPhone, leadEmail: null });
    const folder = join(tempDir(), 'exports');
    const before = await tableCounts(r);
    await expect(r.exports.run({ ...base(agencyId, folder), emailDraft: true })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'agency.leadEmail' })],
    });
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect(await tableCounts(r)).toEqual(before);
  });

  it('refuses a password with a folder, and a short password, naming the field', async () => {
    const { r, agencyId } = await demoRegister();
    const h = createHandlers(r);
    const folder = join(tempDir(), 'exports');
    expect(
      await dispatchAs(h, 'exports.run', { ...base(agencyId, folder), format: 'folder', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'format', message: expect.stringContaining('needs the zip format') }] },
    });
    expect(await dispatchAs(h, 'exports.run', { ...base(agencyId, folder), password: 'short' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'password', message: 'The password must be at least 12 characters' }] },
    });
    expect(existsSync(folder)).toBe(false);
    const ok = await dispatchAs(h, 'exports.run', base(agencyId, folder));
    expect(ok).toMatchObject({ ok: true });
    const log = await dispatchAs(h, 'sharingLog.list', {});
    expect(log).toMatchObject({
      ok: true,
      value: { items: [expect.objectContaining({ passwordProtected: false })], total: 1 },
    });
  });
});
