import { useState } from 'react';
import type { View } from '../../../../shared/outcome';
import { MAX_REASON, MAX_REASONS } from '../../../../shared/schemas/limits';
import type { Invitation, LiveChild } from '../../../../shared/schemas/live-conference';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { useAutosaveText, withNotSaved } from './use-autosave-text';

export const MINORITY_HINT = 'Record the concerns and reasons of the minority view';

/** The third answer beside the two views: the chair records that the agency gave none. */
export const NO_VIEW = 'none';
export const NO_VIEW_LABEL = 'Gives no view';

interface ViewRowProps {
  child: LiveChild;
  invitation: Invitation;
  labels: Record<View, string>;
  /** The agency's view differs from the decision: its concerns and reasons are required. */
  minority: boolean;
  /** Errors from the register for the radios, the reasons and the reason no view is given. */
  viewError: string | undefined;
  reasonsError: string | undefined;
  noViewError: string | undefined;
  /** Sends the view and reasons; resolves to whether the register took them. */
  onSave(view: View | null, reasons: string): Promise<boolean>;
  /** Records (or, with null, withdraws) that the agency gives no view, with the chair's reason. */
  onSaveNoView(reason: string | null): Promise<boolean>;
  markDirty(key: string, dirty: boolean): void;
}

function isView(value: string): value is View {
  return value === 'plan' || value === 'no-plan';
}

/**
 * One agency's view for one child, and its reasons; or the chair's record that the agency, though
 * it attended, gives no view, and why (every attending agency is consulted: one or the other is
 * needed before the decision). Choosing a view saves it at once (with any reasons typed so far);
 * the reasons save as they are typed. "Gives no view" is saved once its reason is typed, and then
 * replaces any view the agency gave. Text the register refuses (too long) stays in its box,
 * marked as not saved.
 */
export function ViewRow({
  child,
  invitation,
  labels,
  minority,
  viewError,
  reasonsError,
  noViewError,
  onSave,
  onSaveNoView,
  markDirty,
}: ViewRowProps) {
  const key = `${child.id}-${invitation.agencyId}`;
  const given = child.views.find((v) => v.agencyId === invitation.agencyId);
  const noView = child.noViews.find((v) => v.agencyId === invitation.agencyId);
  // "Gives no view" chosen, its reason not yet saved: the register still holds what it had.
  const [choosingNone, setChoosingNone] = useState(false);
  const reasons = useAutosaveText(
    given?.reasons ?? '',
    (text) => (given ? onSave(given.view, text) : null),
    (dirty) => markDirty(`reasons-${key}`, dirty),
  );
  const saveNoView = (text: string) =>
    onSaveNoView(text).then((ok) => {
      // Once recorded, the register's record decides what is shown.
      if (ok) setChoosingNone(false);
      return ok;
    });
  const why = useAutosaveText(
    noView?.reason ?? '',
    (text) => (text.trim() === '' ? null : saveNoView(text)),
    (dirty) => markDirty(`no-view-${key}`, dirty),
  );
  const chosen = choosingNone || (!given && noView) ? NO_VIEW : (given?.view ?? '');
  const missing = minority && chosen !== NO_VIEW && reasons.value.trim() === '';
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
            { value: NO_VIEW, label: NO_VIEW_LABEL },
          ]}
          value={chosen}
          onChange={(value) => {
            if (value === NO_VIEW) {
              setChoosingNone(true);
              // A reason already typed (or kept from before) is sent at once.
              if (why.value.trim() !== '' && !noView) why.sendWith(saveNoView);
              return;
            }
            if (!isView(value)) return;
            setChoosingNone(false);
            reasons.sendWith((text) => onSave(value, text));
          }}
          error={viewError}
          small
        />
      </div>
      <div>
        {chosen === NO_VIEW ? (
          <Textarea
            id={`no-view-${key}`}
            label={
              <>
                Why no view is given
                <span className="govuk-visually-hidden">
                  {' '}
                  by {invitation.agencyName} {forChild}
                </span>
              </>
            }
            hint={
              noView
                ? `Recorded: ${invitation.agencyName} attended and gives no view.`
                : `The chair’s record that ${invitation.agencyName} attended but gives no view. It is saved once the reason is entered.`
            }
            value={why.value}
            onChange={why.onChange}
            onBlur={why.onBlur}
            rows={2}
            characterLimit={MAX_REASON}
            error={withNotSaved(noViewError, why.refused)}
          />
        ) : (
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
            rows={2}
            characterLimit={MAX_REASONS}
            error={withNotSaved(reasonsError, reasons.refused) ?? (missing ? MINORITY_HINT : undefined)}
          />
        )}
        {given && !choosingNone && (
          <button
            type="button"
            className="app-link-button govuk-link app-view-row__withdraw"
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
        {noView && chosen === NO_VIEW && (
          <button
            type="button"
            className="app-link-button govuk-link app-view-row__withdraw"
            onClick={() => {
              why.cancel();
              setChoosingNone(false);
              void onSaveNoView(null);
            }}
          >
            Withdraw the record of no view
            <span className="govuk-visually-hidden">
              {' '}
              from {invitation.agencyName} {forChild}
            </span>
          </button>
        )}
      </div>
    </div>
  );
}
