import type { z } from 'zod';
import { idSchema, strictObject } from '../../schemas/common';

/** One domain's part of the contract: each channel's input and output schema. */
export type ContractPart = Readonly<Record<string, { readonly input: z.ZodType; readonly output: z.ZodType }>>;

/** The input of a channel about one record: its id. */
export const byId = strictObject({ id: idSchema });
/** No input, or an answer with nothing in it. */
export const none = strictObject({});
