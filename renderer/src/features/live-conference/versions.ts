import type { LiveConference } from '../../../../shared/schemas/live-conference';

/*
 * The versions the chair's screen sends back with each change, read from the conference as the
 * register last answered this screen (`state.latest()` inside a queued change): the chair's own
 * changes follow one another, and a change someone else made in between is refused, showing it.
 */

/** An agency's invitation (its attendance and report); 0 if it is not (or no longer) invited. */
export function invitationVersion(live: LiveConference | null, agencyId: number): number {
  return live?.invitations.find((i) => i.agencyId === agencyId)?.version ?? 0;
}

/** What an agency said for a child: its view or the record that it gave none; 0 for neither. */
export function slotVersion(live: LiveConference | null, childId: number, agencyId: number): number {
  const child = live?.children.find((c) => c.id === childId);
  return (
    child?.views.find((v) => v.agencyId === agencyId)?.version ??
    child?.noViews.find((v) => v.agencyId === agencyId)?.version ??
    0
  );
}
