import type { View } from '../../../../shared/outcome';
import { MAX_REASONS } from '../../../../shared/schemas/limits';
import type { Invitation, LiveChild } from '../../../../shared/schemas/live-conference';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { useAutosaveText, withNotSaved } from './use-autosave-text';

export const MINORITY_HINT = 'Record the concerns and reasons of the minority view';

interface ViewRowProps {
  child: LiveChild;
  invitation: Invitation;
  labels: Record<View, string>;
  /** The agency's view differs from the decision: its concerns and reasons are required. */
  minority: boolean;
  /** Errors from the register for the radios and the reasons. */
  viewError: string | undefined;
  reasonsError: string | undefined;
  /** Sends the view and reasons; resolves to whether the register took them. */
  onSave(view: View | null, reasons: string): Promise<boolean>;
  markDirty(key: string, dirty: boolean): void;
}

function isView(value: string): value is View {
  return value === 'plan' || value === 'no-plan';
}

/**
 * One agency's view for one child, and its reasons. Choosing a view saves it at once (with any
 * reasons typed so far); the reasons save as they are typed. Reasons typed before a view is
 * chosen wait for the view. Reasons the register refuses (too long) stay in the box, marked as
 * not saved.
 */
export function ViewRow({
  child,
  invitation,
  labels,
  minority,
  viewError,
  reasonsError,
  onSave,
  markDirty,
}: ViewRowProps) {
  const key = `${child.id}-${invitation.agencyId}`;
  const given = child.views.find((v) => v.agencyId === invitation.agencyId);
  const reasons = useAutosaveText(
    given?.reasons ?? '',
    (text) => (given ? onSave(given.view, text) : null),
    (dirty) => markDirty(`reasons-${key}`, dirty),
  );
  const missing = minority && reasons.value.trim() === '';
  const forChild = `for ${child.givenName}`;

  return (
    <div className="app-view-row" data-testid={`view-row-${key}`}>
      <div>
        <Radios
          id={`view-${key}`}
          legend={
            <>
              {invitation.agencyName}
              <span className="govuk-visually-hidden"> – view {forChild}</span>
            </>
          }
          legendClassName="govuk-fieldset__legend--s"
          items={[
            { value: 'plan', label: labels.plan },
            { value: 'no-plan', label: labels['no-plan'] },
          ]}
          value={given?.view ?? ''}
          onChange={(value) => {
            if (!isView(value)) return;
            reasons.sendWith((text) => onSave(value, text));
          }}
          error={viewError}
          small
        />
        {given && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-button-small"
            onClick={() => {
              reasons.cancel();
              void onSave(null, '');
            }}
          >
            Withdraw view
            <span className="govuk-visually-hidden">
              {' '}
              of {invitation.agencyName} {forChild}
            </span>
          </button>
        )}
      </div>
      <Textarea
        id={`reasons-${key}`}
        label={
          <>
            Reasons
            <span className="govuk-visually-hidden">
              {' '}
              given by {invitation.agencyName} {forChild}
            </span>
          </>
        }
        hint={minority ? 'Minority view: record its concerns and reasons in full' : undefined}
        value={reasons.value}
        onChange={reasons.onChange}
        onBlur={reasons.onBlur}
        rows={3}
        characterLimit={MAX_REASONS}
        error={withNotSaved(reasonsError, reasons.refused) ?? (missing ? MINORITY_HINT : undefined)}
      />
    </div>
  );
}
