import { useEffect, useRef, type FocusEvent } from 'react';
import { DateInput } from '../../components/DateInput';
import type { DateParts } from '../../components/date-parts';
import { Fieldset } from '../../components/Fieldset';
import { errorFor, type FormError } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';
import { ErrorMessage } from '../../components/FieldParts';
import { MatchOffer, movedOn, type Offer } from './duplicate-offers';

export interface NewChildDraft {
  /** Stable React key while children are added and removed. */
  key: number;
  givenName: string;
  familyName: string;
  unborn: boolean;
  /** The date of birth, or the expected date when unborn. */
  date: DateParts;
  caseReference: string;
}

interface NewChildFieldsProps {
  index: number;
  child: NewChildDraft;
  errors: readonly FormError[];
  focusOnMount: boolean;
  onChange(child: NewChildDraft): void;
  onRemove(): void;
  /** Records in the register this child may be, not yet answered. */
  offers: readonly Offer[];
  /** Said once the user has answered that this is a different child. */
  confirmedDifferent: string | null;
  /** Focus has left this child's fields: time to ask the register whether it knows the child. */
  onLeave(): void;
  onUse(offer: Offer): void;
  onDifferent(): void;
}

/** The fields of one child added while creating a conference (ids follow the API paths: `newChildren-0-...`). */
export function NewChildFields({
  index,
  child,
  errors,
  focusOnMount,
  onChange,
  onRemove,
  offers,
  confirmedDifferent,
  onLeave,
  onUse,
  onDifferent,
}: NewChildFieldsProps) {
  const prefix = `newChildren-${index}`;
  const firstField = useRef<HTMLInputElement>(null);
  const legend = `New child ${index + 1}`;

  useEffect(() => {
    if (focusOnMount) firstField.current?.focus();
  }, [focusOnMount]);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (movedOn(event)) onLeave();
  };

  return (
    <div className="app-new-child" onBlur={onBlur}>
      <Fieldset legend={legend} legendClassName="govuk-fieldset__legend--s">
        <ErrorMessage id={prefix} message={errorFor(errors, prefix)} />
        <TextInput
          ref={firstField}
          id={`${prefix}-givenName`}
          label="First name"
          value={child.givenName}
          onChange={(givenName) => onChange({ ...child, givenName })}
          error={errorFor(errors, `${prefix}-givenName`)}
          widthClassName="govuk-input--width-20"
          spellCheck={false}
        />
        <TextInput
          id={`${prefix}-familyName`}
          label="Last name"
          value={child.familyName}
          onChange={(familyName) => onChange({ ...child, familyName })}
          error={errorFor(errors, `${prefix}-familyName`)}
          widthClassName="govuk-input--width-20"
          spellCheck={false}
        />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={`${prefix}-unborn`}
                type="checkbox"
                checked={child.unborn}
                onChange={(event) => onChange({ ...child, unborn: event.target.checked })}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${prefix}-unborn`}>
                Not born yet (give the expected date instead)
              </label>
            </div>
          </div>
        </div>
        {/* The names and the date are what a match is made on: moving on from the date asks at once. */}
        <div onBlur={onBlur}>
          <DateInput
            id={`${prefix}-date`}
            legend={child.unborn ? 'Expected date of birth' : 'Date of birth'}
            hint={child.unborn ? 'For example, 14 9 2026' : 'For example, 27 3 2019'}
            value={child.date}
            onChange={(date) => onChange({ ...child, date })}
            error={errorFor(errors, `${prefix}-date`)}
          />
        </div>
        <TextInput
          id={`${prefix}-caseReference`}
          label="Child’s case reference (optional)"
          hint="As in the council’s case-management system"
          value={child.caseReference}
          onChange={(caseReference) => onChange({ ...child, caseReference })}
          error={errorFor(errors, `${prefix}-caseReference`)}
          widthClassName="govuk-input--width-10"
          spellCheck={false}
        />
        <MatchOffer
          id={`${prefix}-match`}
          offers={offers}
          subject="child"
          error={errorFor(errors, `${prefix}-match`)}
          onUse={onUse}
          onDifferent={onDifferent}
        />
        {confirmedDifferent && offers.length === 0 && (
          <p className="govuk-body app-secondary-text" id={`${prefix}-different`} tabIndex={-1}>
            {confirmedDifferent}
          </p>
        )}
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={onRemove}
        >
          Remove<span className="govuk-visually-hidden"> {legend.toLowerCase()}</span>
        </button>
      </Fieldset>
    </div>
  );
}
