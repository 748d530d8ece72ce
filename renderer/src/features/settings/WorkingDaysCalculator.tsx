import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { invoke } from '../../api/client';
import { plural } from '../../app/format';
import { DateInput } from '../../components/DateInput';
import { EMPTY_DATE, datePartsToString, type DateParts } from '../../components/date-parts';
import { errorFor, errorsFromApi, type FieldRef } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import { WarningText } from '../../components/WarningText';
import type { SectionProps } from './types';

type Direction = 'add' | 'subtract';

interface Answer {
  from: string;
  days: number;
  direction: Direction;
  date: string;
  warning: string | null;
}

function fieldFor(path: string): FieldRef {
  if (path === 'date') return { fieldId: 'calc-date', targetId: 'calc-date-day' };
  if (path === 'days') return 'calc-days';
  return 'calc-direction';
}

/** Adds or subtracts working days with the register's calendar, as every deadline does. */
export function WorkingDaysCalculator({ errors, onErrors }: SectionProps) {
  const [date, setDate] = useState<DateParts>(EMPTY_DATE);
  const [days, setDays] = useState('');
  const [direction, setDirection] = useState<Direction>('add');
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function calculate(event: FormEvent) {
    event.preventDefault();
    const from = datePartsToString(date);
    // Blank or not a number is sent as null, which the register refuses with "Enter a number of working days".
    const count = days.trim() === '' ? Number.NaN : Number(days.trim());
    const result = await invoke('workingDays.calculate', { date: from, days: count, direction });
    if (result.ok) {
      setAnswer({ from, days: count, direction, ...result.value });
      onErrors([]);
    } else {
      setAnswer(null);
      onErrors(errorsFromApi(result.error, fieldFor));
    }
  }

  return (
    <section aria-labelledby="calculator-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="calculator-heading">
        Working days calculator
      </h2>
      <p className="govuk-body">
        Counts working days with this register’s calendar: weekends, bank holidays and closure days are skipped.
      </p>
      <form noValidate onSubmit={(event) => void calculate(event)}>
        <DateInput
          id="calc-date"
          legend="Start date"
          legendClassName="govuk-fieldset__legend--s"
          hint="For example, 19 12 2025"
          value={date}
          onChange={setDate}
          error={errorFor(errors, 'calc-date')}
        />
        <TextInput
          id="calc-days"
          label="Number of working days"
          labelClassName="govuk-label--s"
          value={days}
          onChange={setDays}
          error={errorFor(errors, 'calc-days')}
          widthClassName="govuk-input--width-4"
          inputMode="numeric"
        />
        <Radios
          id="calc-direction"
          legend="Add or subtract"
          legendClassName="govuk-fieldset__legend--s"
          inline
          small
          items={[
            { value: 'add', label: 'Add (working days after)' },
            { value: 'subtract', label: 'Subtract (working days before)' },
          ]}
          value={direction}
          onChange={(value) => setDirection(value === 'subtract' ? 'subtract' : 'add')}
          error={errorFor(errors, 'calc-direction')}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Calculate
        </button>
      </form>
      <div role="status" data-testid="working-days-result">
        {answer && (
          <div className="govuk-inset-text">
            <p className="govuk-body">
              {plural(answer.days, 'working day', 'working days')} {answer.direction === 'add' ? 'after' : 'before'}{' '}
              {formatLongDate(answer.from)} is
            </p>
            <p className="govuk-heading-m govuk-!-margin-bottom-0">{formatLongDate(answer.date)}</p>
          </div>
        )}
        {answer?.warning && <WarningText>{answer.warning}</WarningText>}
      </div>
    </section>
  );
}
