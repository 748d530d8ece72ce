import type { ConferenceLetterInput } from '../../../../shared/forms/conference-letter';
import { formatDate } from '../../../../shared/forms/frame';
import type { LetterConferenceRow } from '../db/repositories/conference-letters-repository';
import type { Candidate, MakeOptions, SourceDeps } from './source';

/** What the three conference documents (decision letter, reconvene notice, dissent record) share. */

type ConferenceDocumentKind = 'decision-letter' | 'reconvene-notice' | 'dissent-record';

const NAMES: Record<ConferenceDocumentKind, string> = {
  'decision-letter': 'Decision letter',
  'reconvene-notice': 'Adjournment and reconvene notice',
  'dissent-record': 'Record of minority views',
};

/**
 * A conference document as a candidate. The title may name the family (it stays in the register);
 * the file name never does: kind, conference id and date only.
 */
export function conferenceCandidate(kind: ConferenceDocumentKind, row: LetterConferenceRow): Candidate {
  return {
    entity: 'conference',
    entityId: row.id,
    periodFrom: null,
    periodTo: null,
    title: `${NAMES[kind]}: ${row.familyName}, ${row.type} conference on ${formatDate(row.date)}`,
    fileName: `${kind}-conference-${row.id}-${row.date}.pdf`,
  };
}

/**
 * Everything the conference documents are made from, read through the live-conference service
 * (the conference as the chair's screen shows it) and the conference-letters repository (what
 * the conference scheduled afterwards).
 */
export async function conferenceLetterInput(
  deps: SourceDeps,
  conferenceId: number,
  options: MakeOptions,
): Promise<ConferenceLetterInput> {
  const { repos } = deps.ctx;
  const live = await deps.live.get(conferenceId);
  const s = await deps.settings();
  const original = live.conference.reconvenesId
    ? await repos.conferenceLetters.conference(live.conference.reconvenesId)
    : undefined;
  const reconvened = live.conference.reconvenedById
    ? await repos.conferences.get(live.conference.reconvenedById)
    : undefined;
  return {
    partnership: s.partnershipName,
    marking: s.protectiveMarking,
    generatedOn: options.generatedOn,
    unit: { name: s.unitName, email: s.unitEmail, phone: s.unitPhone },
    live,
    reconvenes: original ? { date: original.date } : null,
    reconvened: reconvened
      ? { date: reconvened.date, time: reconvened.time, venue: reconvened.venue, chairName: reconvened.chairName }
      : null,
    tasks: await repos.conferenceLetters.tasks(conferenceId),
    principalOfficerReviews: await repos.conferenceLetters.principalOfficerReviews(conferenceId),
    initialsOnly: options.initialsOnly,
  };
}
