import { mapAsync } from '../../../../shared/async';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { localIsoDate } from '../../../../shared/dates';
import {
  agencyExportJson,
  appendix3Csv,
  escalationsCsv,
  EXPORT_FILES,
  type ExportEscalation,
} from '../../../../shared/forms/agency-export';
import { slug } from '../../../../shared/forms/frame';
import type { IssueLike } from '../../../../shared/forms/problems';
import type { ExportPlan, ExportResult, SharingLogInput } from '../../../../shared/schemas/documents';
import type { Escalation } from '../../../../shared/schemas/escalation';
import { emailDraft } from '../documents/eml';
import { describeIoError, prepareFolder } from '../documents/files';
import type { Candidate } from '../documents/source';
import type { AgencyEscalationsService } from './agency-escalations-service';
import { audit, type ServiceContext } from './context';
import type { DocumentsService } from './documents-service';
import { ServiceError, invalid } from './errors';
import type { EscalationsService } from './escalations-service';
import type { SettingsService } from './settings-service';

// zip.js would otherwise try to start web workers; the main process compresses in-line.
configure({ useWebWorkers: false });

interface ExportRequest {
  agencyId: number;
  from: string;
  to: string;
  folder: string;
  format: 'zip' | 'folder';
  initialsOnly: boolean;
  password: string | null;
  purpose: string;
  emailDraft: boolean;
}

/** The escalation records an export may carry: each protocol's own. */
type EscalationRecordKind = 'appendix5' | 'croydon-notification' | 'review-meeting-record';

/**
 * Exports for an agency's safeguarding lead: the Appendix 3 return and each escalation's formal record (Appendix 5 records
 * for the period as PDFs, the same rows as CSV and JSON (a versioned schema, see the README),
 * as a folder or a zip (AES-256, with the PDFs encrypted too, when a password is given), an
 * optional .eml draft, and a sharing-log entry saying what went to whom, when, why and by whom.
 * The password is used once and never stored, logged or audited.
 */
export function createExportsService(
  ctx: ServiceContext<'audit' | 'documents'>,
  settings: SettingsService,
  documents: DocumentsService,
  agencyEscalations: AgencyEscalationsService,
  escalations: EscalationsService,
  defaultFolder: string,
) {
  async function gather(agencyId: number, from: string, to: string) {
    const { agency, rows } = await agencyEscalations.returnFor(agencyId, from, to);
    const escalationList: Escalation[] = await mapAsync(
      await ctx.repos.documents.escalationIdsForAgency(agencyId, from, to),
      async (id) => escalations.get(id),
    );
    const appendix3 = documents.sourceFor('appendix3');
    const appendix3Candidate = rows.length ? await appendix3.candidate(agencyId, from, to) : undefined;
    // Each escalation's own protocol's formal record (Kirklees Appendix 5, the Croydon form, the
    // North Lincolnshire review meeting record), where it has reached the stage needing it.
    const recordCandidates: { escalation: Escalation; kind: EscalationRecordKind; candidate: Candidate }[] = [];
    for (const e of escalationList) {
      const kind = e.protocol.record === 'child-file' ? null : e.protocol.record;
      if (kind === null) continue;
      const source = documents.sourceFor(kind);
      const c = await source.candidate(e.id, null, null);
      if (c && (await source.problems(c, makeOptions(false))).length === 0)
        recordCandidates.push({ escalation: e, kind, candidate: c });
    }
    return { agency, rows, escalationList, appendix3Candidate, recordCandidates };
  }

  function makeOptions(initialsOnly: boolean, password: string | null = null) {
    return { generatedOn: localIsoDate(ctx.now()), initialsOnly, password };
  }

  function baseName(agencyName: string, from: string, to: string) {
    return `${slug(agencyName)}-${from}-to-${to}`;
  }

  async function problemsFor(g: Awaited<ReturnType<typeof gather>>, wantsEmail: boolean): Promise<IssueLike[]> {
    const problems: IssueLike[] = [];
    if (g.rows.length === 0 && g.escalationList.length === 0) {
      problems.push({ path: 'from', message: `${g.agency.name} has nothing to share for this period` });
    }
    if (g.appendix3Candidate) {
      problems.push(...(await documents.sourceFor('appendix3').problems(g.appendix3Candidate, makeOptions(false))));
    }
    if (wantsEmail && !g.agency.leadEmail) {
      problems.push({
        path: 'agency.leadEmail',
        message: `Add the safeguarding lead’s email address for ${g.agency.name} in the agency directory before making an email draft`,
      });
    }
    return problems;
  }

  function fileNames(g: Awaited<ReturnType<typeof gather>>): string[] {
    return [
      ...(g.appendix3Candidate ? [g.appendix3Candidate.fileName] : []),
      ...g.recordCandidates.map((c) => c.candidate.fileName),
      EXPORT_FILES.appendix3Csv,
      EXPORT_FILES.escalationsCsv,
      EXPORT_FILES.json,
    ];
  }

  async function plan(agencyId: number, from: string, to: string): Promise<ExportPlan> {
    const g = await gather(agencyId, from, to);
    return {
      agency: { id: g.agency.id, name: g.agency.name, leadName: g.agency.leadName, leadEmail: g.agency.leadEmail },
      from,
      to,
      appendix3Rows: g.rows.length,
      escalations: g.escalationList.length,
      files: fileNames(g),
      problems: (await problemsFor(g, true)).filter((p) => p.path !== 'agency.leadEmail'),
      defaultFolder,
    };
  }

  async function run(i: ExportRequest): Promise<ExportResult> {
    const g = await gather(i.agencyId, i.from, i.to);
    const problems = await problemsFor(g, i.emailDraft);
    if (problems.length) {
      throw new ServiceError('invalid-input', problems.map((p) => p.message).join('; '), problems);
    }
    const folder = prepareFolder(i.folder);
    const s = await settings.get();
    const opts = makeOptions(i.initialsOnly, i.password);
    const generatedAt = ctx.now().toISOString();

    // Everything is made in memory first: nothing is written until every part exists.
    const files: { name: string; bytes: Buffer }[] = [];
    const made: { candidate: Candidate; kind: 'appendix3' | EscalationRecordKind; bytes: Buffer }[] = [];
    if (g.appendix3Candidate) {
      const bytes = await documents.sourceFor('appendix3').render(g.appendix3Candidate, opts);
      files.push({ name: g.appendix3Candidate.fileName, bytes });
      made.push({ candidate: g.appendix3Candidate, kind: 'appendix3', bytes });
    }
    for (const { candidate, kind } of g.recordCandidates) {
      const bytes = await documents.sourceFor(kind).render(candidate, opts);
      files.push({ name: candidate.fileName, bytes });
      made.push({ candidate, kind, bytes });
    }
    const escalationRows: ExportEscalation[] = g.escalationList.map((e) => ({
      reference: e.id,
      openedOn: e.openedOn,
      subject: e.subjectName,
      protocol: e.protocol.name,
      stage: e.stages.at(-1)?.number ?? 1,
      stageName: e.stages.at(-1)?.name ?? '',
      status: e.status,
      natures: e.natures,
      natureOther: e.natureOther,
      initiatingAgency: e.initiatingAgency.name,
      challengedAgency: e.challengedAgency.name,
      immediateRisk: e.immediateRisk,
      closedOn: e.closedOn,
    }));
    const exportInput = {
      partnership: s.partnershipName,
      marking: s.protectiveMarking,
      generatedAt,
      agency: g.agency.name,
      from: i.from,
      to: i.to,
      initialsOnly: i.initialsOnly,
      appendix3: g.rows,
      escalations: escalationRows,
    };
    files.push({ name: EXPORT_FILES.appendix3Csv, bytes: Buffer.from(appendix3Csv(exportInput), 'utf8') });
    files.push({ name: EXPORT_FILES.escalationsCsv, bytes: Buffer.from(escalationsCsv(exportInput), 'utf8') });
    files.push({ name: EXPORT_FILES.json, bytes: Buffer.from(agencyExportJson(exportInput), 'utf8') });

    const base = `${baseName(g.agency.name, i.from, i.to)}-export-${generatedAt.slice(0, 10)}`;
    const zip = i.format === 'zip' ? await zipFiles(files, i.password) : null;
    const location = join(folder, zip ? `${base}.zip` : base);
    const draftPath = i.emailDraft ? join(folder, `${base}.eml`) : null;
    const eml =
      draftPath === null
        ? null
        : emailDraft({
            to: { name: g.agency.leadName, email: g.agency.leadEmail ?? '' },
            from: s.unitEmail ? { name: s.unitName, email: s.unitEmail } : null,
            marking: s.protectiveMarking,
            partnership: s.partnershipName,
            unitName: s.unitName,
            agency: g.agency.name,
            period: { from: i.from, to: i.to },
            passwordProtected: i.password !== null,
            attachments: zip ? [{ name: `${base}.zip`, bytes: zip }] : files.filter((f) => f.name.endsWith('.pdf')),
            date: ctx.now(),
            boundary: `cpreg-${randomBytes(9).toString('hex')}`,
          });
    for (const path of [location, draftPath]) {
      if (path && existsSync(path)) {
        throw invalid('folder', `${path} already exists: choose another folder or move the earlier export`);
      }
    }

    const records = [
      ...g.rows.map((r) => ({ entity: 'agency_escalation', id: r.id })),
      ...g.escalationList.map((e) => ({ entity: 'escalation', id: e.id })),
    ];
    const actor = await settings.actor();
    // The sharing-log entry is committed before any file exists, so no export leaves the machine
    // unlogged: if the app stops while writing, the entry stays `started` and is marked
    // `interrupted` (its `.partial` files removed) when the register next opens.
    const sharingLogId = await ctx.db.transaction(async () => {
      const id = await ctx.repos.documents.insertSharing({
        at: generatedAt,
        actor,
        agencyId: g.agency.id,
        recipientName: g.agency.leadName,
        recipientEmail: g.agency.leadEmail,
        purpose: i.purpose,
        from: i.from,
        to: i.to,
        format: i.format,
        initialsOnly: i.initialsOnly,
        passwordProtected: i.password !== null,
        location,
        emailDraft: draftPath,
        files: files.map((f) => f.name),
        records,
      });
      await audit(ctx, actor, 'create', 'sharing_log', id, undefined, {
        agencyId: g.agency.id,
        format: i.format,
        files: files.length,
        records: records.length,
        status: 'started',
      });
      return id;
    });

    // Each file is written as `<name>.partial` and renamed when whole; if a step fails, what was
    // written is removed and the entry marked interrupted.
    const written: string[] = [];
    try {
      if (zip) writeWhole(location, zip);
      else writeFolderWhole(location, files);
      written.push(location);
      if (draftPath && eml !== null) {
        writeWhole(draftPath, eml);
        written.push(draftPath);
      }
    } catch (error) {
      let cleared = true;
      for (const path of [location, draftPath]) {
        if (path && !removeExportFiles(path, written.includes(path))) cleared = false;
      }
      // Left `started` when a leftover could not be removed: the next opening tries again.
      if (cleared) await finish(sharingLogId, actor, 'interrupted');
      throw invalid(
        'folder',
        `The export could not be written (${describeIoError(error)}); the sharing log records it as interrupted`,
      );
    }
    await ctx.db.transaction(async () => {
      for (const m of made) await documents.record(m.kind, m.candidate, m.bytes, null);
      await finish(sharingLogId, actor, 'complete');
    });
    return {
      sharingLogId,
      location,
      files: files.map((f) => ({ name: f.name, bytes: f.bytes.length })),
      emailDraft: draftPath,
    };
  }

  async function finish(id: number, actor: string, status: 'complete' | 'interrupted'): Promise<void> {
    await ctx.db.transaction(async () => {
      if (await ctx.repos.documents.finishSharing(id, status, ctx.now().toISOString())) {
        await audit(ctx, actor, 'update', 'sharing_log', id, { status: 'started' }, { status });
      }
    });
  }

  /**
   * On opening: an export the app stopped writing (its entry still `started`) loses its leftover
   * `.partial` files and is marked interrupted. Files already renamed into place are kept: the
   * entry still records them.
   */
  async function recoverInterrupted(): Promise<number> {
    const unfinished = await ctx.repos.documents.unfinishedSharing();
    for (const entry of unfinished) {
      for (const path of [entry.location, entry.emailDraft]) {
        if (path) rmSync(`${path}.partial`, { recursive: true, force: true });
      }
      await finish(entry.id, await settings.actor(), 'interrupted');
    }
    return unfinished.length;
  }

  return {
    plan,
    run,
    recoverInterrupted,
    defaultFolder,
    sharingLog: async (i: SharingLogInput) => ctx.repos.documents.sharingLog(i.agencyId, i),
  };
}
export type ExportsService = Awaited<ReturnType<typeof createExportsService>>;

/** A zip of the files; with a password, each entry is AES-256 encrypted (WinZip AE-2). */
async function zipFiles(files: readonly { name: string; bytes: Buffer }[], password: string | null): Promise<Buffer> {
  const writer = new ZipWriter(
    new Uint8ArrayWriter(),
    password ? { password, encryptionStrength: 3, zipCrypto: false } : {},
  );
  for (const f of files) {
    await writer.add(f.name, new Uint8ArrayReader(new Uint8Array(f.bytes)), { level: 6 });
  }
  return Buffer.from(await writer.close());
}

/** Writes bytes to `<path>.partial`, flushed, then renames it to `path`. */
function writeWhole(path: string, bytes: Uint8Array | string): void {
  const partial = `${path}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const fd = openSync(partial, 'wx', 0o600);
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
}

/** Writes a folder of files into `<path>.partial`, renamed to `path` once every file is in it. */
function writeFolderWhole(path: string, files: readonly { name: string; bytes: Buffer }[]): void {
  const partial = `${path}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { mode: 0o700 });
  for (const f of files) writeWhole(join(partial, f.name), f.bytes);
  renameSync(partial, path);
}

/** Removes an export's `.partial` leftovers, and the finished file too when this run wrote it. */
function removeExportFiles(path: string, finished: boolean): boolean {
  try {
    rmSync(`${path}.partial`, { recursive: true, force: true });
    if (finished) rmSync(path, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}
