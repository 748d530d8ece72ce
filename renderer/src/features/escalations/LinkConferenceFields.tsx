import { useState, type KeyboardEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { CONFERENCE_TYPE_LABELS, type ConferenceSummary } from '../../../../shared/schemas/conference';
import { invoke } from '../../api/client';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';

/** An escalation's link to the conference it concerns: the conference, its family and the child at it. */
export interface ConferenceLink {
  familyId: number;
  childId: number;
  conferenceId: number;
}

/** The paths the register names when a link does not hold together; each lands on the search box. */
export const LINK_PATHS = ['familyId', 'childId', 'conferenceId'] as const;

const PAGE_SIZE = 20;

/**
 * Links an escalation started by hand to a conference and a child considered at it: search the
 * conferences by family or child name, then choose one child at one conference. The register
 * checks the three belong together when the form is sent.
 */
export function LinkConferenceFields({
  id,
  value,
  onChange,
  error,
  hint = 'To link the escalation to the conference it concerns and the child at it',
}: {
  /** `<id>-search` is the search box (where the link's errors land); `<id>` the choices. */
  id: string;
  /** What the search is for (an escalation already linked is linked again, to correct it). */
  hint?: string;
  value: ConferenceLink | null;
  onChange(link: ConferenceLink | null): void;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<ConferenceSummary[] | null>(null);
  const [searched, setSearched] = useState('');

  async function find() {
    const words = search.trim();
    if (words === '') return;
    const result = await invoke('conferences.list', { search: words, pageSize: PAGE_SIZE });
    onChange(null);
    setSearched(words);
    setFound(result.ok ? result.value.items : []);
  }

  const choices = (found ?? []).flatMap((c) =>
    c.children.map((child) => ({
      value: `${c.id}:${child.id}`,
      label: `${child.givenName} ${child.familyName}: ${CONFERENCE_TYPE_LABELS[c.type]} conference, ${formatLongDate(c.date)}`,
      hint: `${c.familyName} family; chaired by ${c.chairName}`,
      link: { familyId: c.familyId, childId: child.id, conferenceId: c.id },
    })),
  );

  return (
    <div className="govuk-form-group" data-testid="link-conference">
      <TextInput
        id={`${id}-search`}
        label="Search conferences by family or child name"
        labelClassName="govuk-label--s"
        hint={hint}
        value={search}
        onChange={setSearch}
        error={error}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          // Enter searches, rather than sending the whole form.
          if (event.key === 'Enter') {
            event.preventDefault();
            void find();
          }
        }}
      />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void find()}>
        Search conferences
      </button>
      {found !== null &&
        (choices.length === 0 ? (
          <p className="govuk-body" role="status">
            No conference matches “{searched}”.
          </p>
        ) : (
          <Radios
            id={id}
            legend="Which child, at which conference?"
            legendClassName="govuk-fieldset__legend--s"
            items={[{ value: '', label: 'Do not link it' }, ...choices]}
            value={value ? `${value.conferenceId}:${value.childId}` : ''}
            onChange={(chosen) => onChange(choices.find((c) => c.value === chosen)?.link ?? null)}
            small
          />
        ))}
    </div>
  );
}
