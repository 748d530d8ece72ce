import type { FormEvent } from 'react';
import type { Settings } from '../../../../shared/schemas/settings';
import { useApi } from '../../api/use-api';
import { plural } from '../../app/format';
import { useSaveSettings, useSettings } from '../../app/settings-context';
import { Checkboxes } from '../../components/Checkboxes';
import { errorFor, errorsFromApi } from '../../components/form-errors';
import { useFormDraft } from '../../hooks/use-form-draft';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';

/** Ids as the checkboxes hold them, in one order, so ticking and unticking back is not a change. */
function sortedIds(values: readonly string[]): string[] {
  return [...values].sort((a, b) => Number(a) - Number(b));
}

/**
 * The agencies usually invited to a conference: the chair's screen offers to invite those not yet
 * invited in one step. Saved by an administrator, like every setting; audited as agency ids.
 */
export function UsualAgenciesForm({
  settings,
  errors,
  onErrors,
  onSuccess,
  onUnsaved,
}: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const saveSettings = useSaveSettings();
  const agencies = useApi('agencies.all', { includeInactive: true });
  const draft = useFormDraft(() => ({ usualAgencyIds: sortedIds(settings.usualAgencyIds.map(String)) }));
  const { values, set } = draft;

  async function save(): Promise<boolean> {
    const sent = values;
    const result = await saveSettings({ usualAgencyIds: sent.usualAgencyIds.map(Number) });
    if (result.ok) {
      setSettings(result.value);
      draft.commit(sent);
      const n = result.value.usualAgencyIds.length;
      onSuccess(
        'Usual agencies saved',
        n === 0
          ? 'No usual set: the chair’s screen does not offer one.'
          : `The usual set has ${plural(n, 'agency', 'agencies')}.`,
      );
      return true;
    }
    onErrors(errorsFromApi(result.error, (path) => (path.startsWith('usualAgencyIds') ? 'usual-agencies' : path)));
    return false;
  }
  useReportUnsaved(
    onUnsaved,
    'usual-agencies',
    draft.dirty ? { fieldId: 'usual-agencies', save, discard: draft.discard } : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  // Active agencies, and any inactive one still in the set (so it can be taken out).
  const shown = (agencies.data ?? []).filter((a) => a.active || values.usualAgencyIds.includes(String(a.id)));
  return (
    <form noValidate onSubmit={submit} aria-labelledby="usual-agencies-heading">
      <h2 className="govuk-heading-m" id="usual-agencies-heading">
        Usual agencies for conferences
      </h2>
      {agencies.data === undefined ? (
        <p className="govuk-body">{agencies.error ? agencies.error.message : 'Loading…'}</p>
      ) : shown.length === 0 ? (
        <p className="govuk-body">There are no active agencies in the directory yet.</p>
      ) : (
        <>
          <Checkboxes
            id="usual-agencies"
            legend="Agencies usually invited"
            legendClassName="govuk-fieldset__legend--s"
            hint="The chair’s screen offers to invite those not yet invited to a conference in one step."
            items={shown.map((a) => ({ value: String(a.id), label: a.active ? a.name : `${a.name} (inactive)` }))}
            values={values.usualAgencyIds}
            onChange={(next) => set('usualAgencyIds')(sortedIds(next))}
            error={errorFor(errors, 'usual-agencies')}
            small
          />
          <button type="submit" className="govuk-button">
            Save the usual agencies
          </button>
        </>
      )}
    </form>
  );
}
