import { z } from 'zod';
import {
  agencyInputSchema,
  agencyListInputSchema,
  agencyListSchema,
  agencySchema,
  agencySetActiveInputSchema,
  agencyUpdateInputSchema,
} from '../../schemas/agency';
import { requiredText, strictObject } from '../../schemas/common';
import { byId, type ContractPart } from './common';

/** Agencies: the directory with each agency's quoracy group and safeguarding lead. */
export const agenciesContract = {
  /** A page of the agency directory, optionally filtered by a search of name, type, group or lead. */
  'agencies.list': { input: agencyListInputSchema, output: agencyListSchema },
  /**
   * Every agency (active first, then by name), for choosing one: the lists of agencies to invite
   * or to filter by, which must not stop at a page.
   */
  'agencies.all': {
    input: strictObject({ includeInactive: z.boolean().default(true) }),
    output: z.array(agencySchema),
  },
  'agencies.get': { input: byId, output: agencySchema },
  /**
   * The agency with this name, compared as duplicates are (ignoring case, accents, apostrophe
   * style and spacing): how the command line's `--agency NAME` finds one. Not found names it.
   */
  'agencies.findByName': {
    input: strictObject({ name: requiredText('Enter the agency’s name', 200) }),
    output: agencySchema,
  },
  'agencies.create': { input: agencyInputSchema, output: agencySchema },
  'agencies.update': { input: agencyUpdateInputSchema, output: agencySchema },
  /** Deactivate (or reactivate) an agency: kept for history, hidden from new invitations. */
  'agencies.setActive': { input: agencySetActiveInputSchema, output: agencySchema },
  /**
   * Imports agencies from a CSV file's text (header row; columns as in `cpreg agencies import`),
   * all or nothing: each problem names its row (the header is row 1) and the file's column.
   */
  'agencies.import': {
    input: strictObject({ csv: z.string().max(2_000_000, 'The CSV file must be 2 MB or smaller') }),
    output: z.array(agencySchema),
  },
} as const satisfies ContractPart;
