import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { plural } from '../../app/format';
import { errorFor } from '../../components/form-errors';
import type { FocusAfterRender } from './types';
import type { LiveConferenceState } from './use-live-conference';

/**
 * The usual set of agencies (chosen in Settings) not yet invited, invited in one step through
 * `live.inviteMany`, as the last conference's agencies are. Nothing is shown when there are none.
 */
export function InviteUsualSet({
  live,
  state,
  focusAfterRender,
}: {
  live: LiveConference;
  state: LiveConferenceState;
  focusAfterRender: FocusAfterRender;
}) {
  const usual = live.usualAgencies;
  if (usual.length === 0) return null;

  function invite() {
    const agencyIds = usual.map((a) => a.id);
    void state
      .change(() => invoke('live.inviteMany', { conferenceId: live.conference.id, agencyIds }), {
        fieldFor: () => 'invite-usual',
        action: true,
      })
      .then((result) => {
        if (result) focusAfterRender('invitations-heading');
      });
  }

  const message = errorFor(state.errors, 'invite-usual');
  return (
    <div className="app-invite-last" data-testid="invite-usual">
      <p className="govuk-body">
        The usual agencies for conferences not yet invited: {usual.map((a) => a.name).join(', ')}.
      </p>
      <button type="button" id="invite-usual" className="govuk-button govuk-button--secondary" onClick={invite}>
        Invite the usual set ({plural(usual.length, 'agency', 'agencies')})
      </button>
      {message && (
        <p className="govuk-error-message govuk-!-margin-top-2">
          <span className="govuk-visually-hidden">Error:</span> {message}
        </p>
      )}
    </div>
  );
}
