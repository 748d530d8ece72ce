import type { FormEvent } from 'react';
import { isIsoDate } from '../../../../shared/dates';
import type { Settings } from '../../../../shared/schemas/settings';
import { formatDate } from '../../app/format';
import { useSaveSettings, useSettings } from '../../app/settings-context';
import { DateInput } from '../../components/DateInput';
import { EMPTY_DATE, datePartsToString, type DateParts } from '../../components/date-parts';
import { errorFor, errorsFromApi, type FieldRef, type FormError } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';
import { useFormDraft } from '../../hooks/use-form-draft';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';

type ClosureDay = Settings['closureDays'][number];

/** Issues about the list (`closureDays.3.reason`) belong to the "add" fields: the list itself is not edited in place. */
function fieldFor(path: string): FieldRef {
  if (path.endsWith('.reason')) return 'closure-reason';
  return { fieldId: 'closure-date', targetId: 'closure-date-day' };
}

/**
 * Days the unit is closed besides bank holidays (for example between Christmas and New Year).
 * Adding or removing one saves at once: deadlines are counted with them straight away. A day
 * typed in but not yet added is an unsaved change.
 */
export function ClosureDaysSection({
  settings,
  errors,
  onErrors,
  onSuccess,
  onUnsaved,
}: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const saveSettings = useSaveSettings();
  const draft = useFormDraft<{ date: DateParts; reason: string }>(() => ({ date: EMPTY_DATE, reason: '' }));
  const { date, reason } = draft.values;
  const days = [...settings.closureDays].sort((a, b) => (a.date < b.date ? -1 : 1));

  async function saveList(closureDays: ClosureDay[], heading: string, body: string): Promise<boolean> {
    const result = await saveSettings({ closureDays });
    if (result.ok) {
      setSettings(result.value);
      onSuccess(heading, body);
      return true;
    }
    onErrors(errorsFromApi(result.error, fieldFor));
    return false;
  }

  async function add(): Promise<boolean> {
    const iso = datePartsToString(date);
    const problems: FormError[] = [];
    if (iso === '') {
      problems.push({
        fieldId: 'closure-date',
        targetId: 'closure-date-day',
        message: 'Enter the date the unit is closed',
      });
    } else if (!isIsoDate(iso)) {
      problems.push({
        fieldId: 'closure-date',
        targetId: 'closure-date-day',
        message: 'Closure date must be a real date',
      });
    } else if (settings.closureDays.some((d) => d.date === iso)) {
      problems.push({
        fieldId: 'closure-date',
        targetId: 'closure-date-day',
        message: `${formatDate(iso)} is already a closure day`,
      });
    }
    if (reason.trim() === '') {
      problems.push({ fieldId: 'closure-reason', targetId: 'closure-reason', message: 'Enter why the unit is closed' });
    }
    if (problems.length > 0) {
      onErrors(problems);
      return false;
    }
    const saved = await saveList(
      [...settings.closureDays, { date: iso, reason: reason.trim() }],
      'Closure day added',
      `${formatDate(iso)}: ${reason.trim()}`,
    );
    // Added: the boxes are empty again, ready for the next day.
    if (saved) draft.discard();
    return saved;
  }
  useReportUnsaved(
    onUnsaved,
    'closure-days',
    draft.dirty
      ? {
          fieldId: draft.changed[0] === 'reason' ? 'closure-reason' : 'closure-date-day',
          save: add,
          discard: draft.discard,
        }
      : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void add();
  }

  return (
    <section aria-labelledby="closure-days-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="closure-days-heading">
        Unit closure days
      </h2>
      <p className="govuk-body">
        Days the review unit is closed besides bank holidays. They are not counted as working days.
      </p>
      {days.length === 0 ? (
        <p className="govuk-body">No closure days are set.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Unit closure days</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Date
              </th>
              <th scope="col" className="govuk-table__header">
                Reason
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {days.map((day) => (
              <tr className="govuk-table__row" key={day.date}>
                <td className="govuk-table__cell">{formatDate(day.date)}</td>
                <td className="govuk-table__cell">{day.reason}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() =>
                      void saveList(
                        settings.closureDays.filter((d) => d.date !== day.date),
                        'Closure day removed',
                        `${formatDate(day.date)}: ${day.reason}`,
                      )
                    }
                  >
                    Remove<span className="govuk-visually-hidden"> closure day {formatDate(day.date)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form noValidate onSubmit={submit}>
        <h3 className="govuk-heading-s" id="add-closure-heading">
          Add a closure day
        </h3>
        <DateInput
          id="closure-date"
          legend="Date the unit is closed"
          hint="For example, 29 12 2026"
          value={date}
          onChange={draft.set('date')}
          error={errorFor(errors, 'closure-date')}
        />
        <TextInput
          id="closure-reason"
          label="Reason"
          hint="For example, Christmas closure"
          value={reason}
          onChange={draft.set('reason')}
          error={errorFor(errors, 'closure-reason')}
          widthClassName="govuk-input--width-20"
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Add closure day
        </button>
      </form>
    </section>
  );
}
