import type { ReactNode } from 'react';
import type { DateParts } from './date-parts';
import { describedBy, ErrorMessage, formGroupClass, Hint } from './FieldParts';
import { Fieldset } from './Fieldset';

interface DateInputProps {
  /** The group's id; the boxes are `id-day`, `id-month`, `id-year`; errors link to `id-day`. */
  id: string;
  legend: ReactNode;
  legendClassName?: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange(value: DateParts): void;
}

const BOXES = [
  { key: 'day', label: 'Day', width: 'govuk-input--width-2' },
  { key: 'month', label: 'Month', width: 'govuk-input--width-2' },
  { key: 'year', label: 'Year', width: 'govuk-input--width-4' },
] as const;

/** GOV.UK date input: day, month and year boxes in a fieldset. See `datePartsToString`. */
export function DateInput({ id, legend, legendClassName, hint, error, value, onChange }: DateInputProps) {
  return (
    <div className={formGroupClass(error)}>
      <Fieldset
        legend={legend}
        legendClassName={legendClassName}
        role="group"
        describedBy={describedBy(id, hint, error)}
      >
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} message={error} />
        <div className="govuk-date-input" id={id}>
          {BOXES.map((box) => (
            <div className="govuk-date-input__item" key={box.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${box.key}`}>
                  {box.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input ${box.width}${error ? ' govuk-input--error' : ''}`}
                  id={`${id}-${box.key}`}
                  name={`${id}-${box.key}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={value[box.key]}
                  onChange={(event) => onChange({ ...value, [box.key]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </Fieldset>
    </div>
  );
}
