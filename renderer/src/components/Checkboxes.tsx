import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, formGroupClass, Hint } from './FieldParts';
import { Fieldset } from './Fieldset';
import { optionId } from './Radios';

export interface CheckboxItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface CheckboxesProps {
  /** The group's id; the first option's id too, so an error summary link lands on it. */
  id: string;
  legend: ReactNode;
  legendClassName?: string;
  legendAsHeading?: 'h2' | 'h3';
  hint?: ReactNode;
  error?: string | undefined;
  items: readonly CheckboxItem[];
  values: readonly string[];
  onChange(values: string[]): void;
  small?: boolean;
}

/** GOV.UK checkboxes in a fieldset. */
export function Checkboxes(props: CheckboxesProps) {
  const { id, legend, legendClassName, legendAsHeading, hint, error, items, values, onChange, small } = props;
  const toggle = (value: string, checked: boolean) => {
    const rest = values.filter((v) => v !== value);
    // Keep the options' order, whatever order they were ticked in.
    const next = checked ? [...rest, value] : rest;
    onChange(items.map((i) => i.value).filter((v) => next.includes(v)));
  };
  return (
    <div className={formGroupClass(error)}>
      <Fieldset
        legend={legend}
        legendClassName={legendClassName}
        legendAsHeading={legendAsHeading}
        describedBy={describedBy(id, hint, error)}
      >
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} message={error} />
        <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
          {items.map((item, index) => {
            const itemId = optionId(id, index);
            return (
              <div className="govuk-checkboxes__item" key={item.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={id}
                  type="checkbox"
                  value={item.value}
                  checked={values.includes(item.value)}
                  onChange={(event) => toggle(item.value, event.target.checked)}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint && (
                  <div id={`${itemId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {item.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
