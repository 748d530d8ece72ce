import { settingsSchema, settingsUpdateSchema } from '../../schemas/settings';
import { none, type ContractPart } from './common';

/** The partnership's settings. */
export const settingsContract = {
  'settings.get': { input: none, output: settingsSchema },
  'settings.update': { input: settingsUpdateSchema, output: settingsSchema },
} as const satisfies ContractPart;
