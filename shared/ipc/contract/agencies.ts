import { z } from 'zod';
import { agencyInputSchema, agencySchema } from '../../schemas/agency';
import { idSchema, strictObject } from '../../schemas/common';
import { byId, type ContractPart } from './common';

/** Agencies: the directory with each agency's quoracy group and safeguarding lead. */
export const agenciesContract = {
  /** Agencies, optionally filtered by a search of name, type, group or lead. */
  'agencies.list': {
    input: strictObject({
      search: z.string().trim().max(100).default(''),
      includeInactive: z.boolean().default(true),
    }),
    output: z.array(agencySchema),
  },
  'agencies.get': { input: byId, output: agencySchema },
  'agencies.create': { input: agencyInputSchema, output: agencySchema },
  'agencies.update': { input: strictObject({ id: idSchema, fields: agencyInputSchema }), output: agencySchema },
  /** Deactivate (or reactivate) an agency: kept for history, hidden from new invitations. */
  'agencies.setActive': { input: strictObject({ id: idSchema, active: z.boolean() }), output: agencySchema },
} as const satisfies ContractPart;
