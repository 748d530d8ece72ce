import { MAX_ADDRESS } from '../../../../shared/schemas/limits';
import { DateInput } from '../../components/DateInput';
import type { DateParts } from '../../components/date-parts';
import { errorFor, type FormError } from '../../components/form-errors';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';

/** Who an escalation is about, as the Appendix 5 record asks: the child's or family's name, date of birth, address. */
export interface SubjectValues {
  subjectName: string;
  subjectDateOfBirth: DateParts;
  subjectAddress: string;
}

/**
 * The escalation's subject fields, shared by the new escalation and its correction; `idPrefix`
 * keeps the ids apart where both could be on one page.
 */
export function SubjectFields({
  values,
  onChange,
  errors,
  idPrefix = '',
}: {
  values: SubjectValues;
  /** Called with the fields changed. */
  onChange: (patch: Partial<SubjectValues>) => void;
  errors: readonly FormError[];
  idPrefix?: string;
}) {
  const id = (field: keyof SubjectValues) => `${idPrefix}${field}`;
  return (
    <>
      <TextInput
        id={id('subjectName')}
        label="Child’s or family’s name"
        value={values.subjectName}
        onChange={(subjectName) => onChange({ subjectName })}
        error={errorFor(errors, id('subjectName'))}
        spellCheck={false}
      />
      <DateInput
        id={id('subjectDateOfBirth')}
        legend="Date of birth (optional)"
        hint="For example, 27 3 2018"
        value={values.subjectDateOfBirth}
        onChange={(subjectDateOfBirth) => onChange({ subjectDateOfBirth })}
        error={errorFor(errors, id('subjectDateOfBirth'))}
      />
      <Textarea
        id={id('subjectAddress')}
        label="Address (optional)"
        rows={3}
        value={values.subjectAddress}
        onChange={(subjectAddress) => onChange({ subjectAddress })}
        error={errorFor(errors, id('subjectAddress'))}
        characterLimit={MAX_ADDRESS}
      />
    </>
  );
}
