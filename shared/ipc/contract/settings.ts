import { settingsSaveInputSchema, versionedSettingsSchema } from '../../schemas/settings';
import { none, type ContractPart } from './common';

/** The partnership's settings. */
export const settingsContract = {
  'settings.get': { input: none, output: versionedSettingsSchema },
  'settings.update': { input: settingsSaveInputSchema, output: versionedSettingsSchema },
} as const satisfies ContractPart;
