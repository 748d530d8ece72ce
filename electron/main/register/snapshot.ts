import { bankHolidayFeedSchema, type BankHolidayFeed } from '../../../shared/bank-holidays';
import shipped from '../../../resources/bank-holidays.json';

/**
 * The bank-holiday snapshot shipped with the app (GOV.UK's feed, 2018 onward), validated with the
 * same schema an imported file must pass.
 */
export function loadShippedSnapshot(): BankHolidayFeed {
  return bankHolidayFeedSchema.parse(shipped);
}
