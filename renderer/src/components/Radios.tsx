import { Fragment, type ReactNode } from 'react';
import { describedBy, ErrorMessage, formGroupClass, Hint } from './FieldParts';
import { Fieldset } from './Fieldset';

export interface RadioItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the option while it is chosen (GOV.UK conditional reveal). */
  conditional?: ReactNode;
  /** A divider such as "or" before this option. */
  dividerBefore?: string;
}

interface RadiosProps {
  /** The group's id; the first option's id too, so an error summary link lands on it. */
  id: string;
  legend: ReactNode;
  legendClassName?: string;
  legendAsHeading?: 'h2' | 'h3';
  hint?: ReactNode;
  error?: string | undefined;
  items: readonly RadioItem[];
  value: string;
  onChange(value: string): void;
  inline?: boolean;
  small?: boolean;
}

/** The id of the option at `index`: `id` for the first, then `id-2`, `id-3`, ... as GOV.UK does. */
export function optionId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

/** GOV.UK radios in a fieldset, with hints, dividers and conditionally revealed questions. */
export function Radios(props: RadiosProps) {
  const { id, legend, legendClassName, legendAsHeading, hint, error, items, value, onChange, inline, small } = props;
  const classes = ['govuk-radios', inline ? 'govuk-radios--inline' : '', small ? 'govuk-radios--small' : '']
    .filter(Boolean)
    .join(' ');
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
        <div className={classes}>
          {items.map((item, index) => {
            const itemId = optionId(id, index);
            const checked = item.value === value;
            return (
              <Fragment key={item.value}>
                {item.dividerBefore && <div className="govuk-radios__divider">{item.dividerBefore}</div>}
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={itemId}
                    name={id}
                    type="radio"
                    value={item.value}
                    checked={checked}
                    onChange={() => onChange(item.value)}
                    aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
                    {item.label}
                  </label>
                  {item.hint && (
                    <div id={`${itemId}-item-hint`} className="govuk-hint govuk-radios__hint">
                      {item.hint}
                    </div>
                  )}
                </div>
                {item.conditional && checked && (
                  <div className="govuk-radios__conditional" id={`conditional-${itemId}`}>
                    {item.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
