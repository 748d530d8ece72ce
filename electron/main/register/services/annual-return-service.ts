import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { localIsoDate } from '../../../../shared/dates';
import { annualReturnFileName, annualReturnModel } from '../../../../shared/forms/annual-return';
import type { AnnualReturnFile, annualReturnInputSchema } from '../../../../shared/schemas/annual-return';
import { checkFolder, describeIoError, prepareFolder, writeFileAtomic } from '../documents/files';
import { drawAnnualReturn } from '../pdf/annual-return-pdf';
import type { ServiceContext } from './context';
import { invalid } from './errors';
import type { ReportsService } from './reports-service';
import type { SettingsService } from './settings-service';

/**
 * The partnership's annual return: the four reports for a calendar year gathered in one
 * transaction (so a write in between cannot make them disagree), laid out as one tagged PDF and
 * written whole or not at all. It writes a file, never the register: it is not recorded among
 * generated documents, which belong to a record (an agency, a conference, an escalation) and are
 * marked superseded when that record is corrected; the return is about no one record, and is made
 * again from the register whenever it is wanted.
 */
export function createAnnualReturnService(
  ctx: Pick<ServiceContext<never>, 'db' | 'now'>,
  settings: SettingsService,
  reports: ReportsService,
  defaultFolder: string,
) {
  /** Where the file goes, checked before anything is made; the message names the field and the fix. */
  function target(i: z.output<typeof annualReturnInputSchema>): { folder: string; file: string; create: boolean } {
    if (i.file !== undefined) {
      const file = resolve(i.file);
      if (existsSync(file) && statSync(file).isDirectory()) {
        throw invalid('file', `${file} is a folder: name a file ending .pdf`);
      }
      const folder = dirname(file);
      if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        throw invalid('file', `The folder ${folder} does not exist: create it, or choose a file in another folder`);
      }
      return { folder, file, create: false };
    }
    const folder = checkFolder(i.folder ?? defaultFolder, 'folder');
    return { folder, file: join(folder, annualReturnFileName(i.year)), create: !existsSync(folder) };
  }

  function writable(folder: string, field: string): void {
    try {
      accessSync(folder, constants.W_OK);
    } catch (error) {
      throw invalid(field, `${folder} cannot be written to (${describeIoError(error)}): choose another folder`);
    }
  }

  return {
    defaultFolder,
    /** Makes the annual return for `year` and writes it; answers where, its size and its pages. */
    async make(i: z.output<typeof annualReturnInputSchema>): Promise<AnnualReturnFile> {
      const field = i.file !== undefined ? 'file' : 'folder';
      const where = target(i);
      if (!where.create) writable(where.folder, field);
      const gathered = await ctx.db.transaction(async () => ({
        reports: await reports.annual(i.year),
        settings: await settings.get(),
      }));
      const model = annualReturnModel({
        year: i.year,
        partnership: gathered.settings.partnershipName,
        marking: gathered.settings.protectiveMarking,
        generatedOn: localIsoDate(ctx.now()),
        reports: gathered.reports,
      });
      const { bytes, pages } = drawAnnualReturn(model);
      if (where.create) prepareFolder(where.folder, field);
      try {
        writeFileAtomic(where.file, bytes);
      } catch (error) {
        throw invalid(field, `${where.file} could not be written (${describeIoError(error)})`);
      }
      return {
        year: i.year,
        file: where.file,
        fileName: basename(where.file),
        folder: where.folder,
        bytes: bytes.length,
        pages,
      };
    },
  };
}
export type AnnualReturnService = ReturnType<typeof createAnnualReturnService>;
