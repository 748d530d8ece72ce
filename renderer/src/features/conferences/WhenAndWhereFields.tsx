import type { ReactNode } from 'react';
import { DateInput } from '../../components/DateInput';
import type { DateParts } from '../../components/date-parts';
import { errorFor, type FormError } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';

/**
 * A conference's date, start time, venue and chair: the same fields when it is created and when
 * a scheduled one is corrected. Hints that differ between the two come in as props.
 */
export function WhenAndWhereFields({
  date,
  time,
  venue,
  chairName,
  onDate,
  onTime,
  onVenue,
  onChairName,
  errors,
  dateHint = 'For example, 27 3 2026',
  venueHint,
  chairHint,
}: {
  date: DateParts;
  time: string;
  venue: string;
  chairName: string;
  onDate(value: DateParts): void;
  onTime(value: string): void;
  onVenue(value: string): void;
  onChairName(value: string): void;
  errors: readonly FormError[];
  dateHint?: ReactNode;
  venueHint?: ReactNode;
  chairHint?: ReactNode;
}) {
  return (
    <>
      <DateInput
        id="date"
        legend="Date of the conference"
        legendClassName="govuk-fieldset__legend--s"
        hint={dateHint}
        value={date}
        onChange={onDate}
        error={errorFor(errors, 'date')}
      />
      <TextInput
        id="time"
        label="Start time"
        labelClassName="govuk-label--s"
        hint="Use the 24-hour clock, for example 09:30 or 14:00"
        value={time}
        onChange={onTime}
        error={errorFor(errors, 'time')}
        widthClassName="govuk-input--width-5"
        inputMode="numeric"
      />
      <TextInput
        id="venue"
        label="Venue"
        labelClassName="govuk-label--s"
        hint={venueHint}
        value={venue}
        onChange={onVenue}
        error={errorFor(errors, 'venue')}
      />
      <TextInput
        id="chairName"
        label="Chair"
        labelClassName="govuk-label--s"
        hint={chairHint}
        value={chairName}
        onChange={onChairName}
        error={errorFor(errors, 'chairName')}
        widthClassName="govuk-input--width-20"
      />
    </>
  );
}
