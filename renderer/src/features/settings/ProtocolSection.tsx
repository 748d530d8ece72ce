import { useState } from 'react';
import {
  clockedStages,
  limitWords,
  mayStartAt,
  START_ROUTE_LABELS,
  type Protocol,
  type ProtocolStage,
} from '../../../../shared/escalation-protocols';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Checkboxes } from '../../components/Checkboxes';
import { errorFor, errorsFromApi, pathToId } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';

type Listed = ChannelOutput<'protocols.list'>[number];

interface StageDraft {
  name: string;
  /** The limit as typed; unused for a stage that follows resolution (it has no limit). */
  limit: string;
  formalRecord: boolean;
}
interface CopyDraft {
  key: string;
  name: string;
  initialsOnly: boolean;
  stages: StageDraft[];
}

/** Where an escalation may start at a stage: the first always; a later one only where the procedure allows it. */
function startWords(protocol: Protocol, s: ProtocolStage): string {
  if (!mayStartAt(protocol, s.number)) return '';
  if (s.number === clockedStages(protocol)[0]?.number) return 'Yes: the first stage';
  const routes = s.startFor.map((r) => START_ROUTE_LABELS[r]);
  return routes.length > 0 ? `Yes, from ${routes.join(' or ')}` : 'Yes, with the reason recorded';
}

/** The formal record a protocol keeps, by its own name. */
function recordName(protocol: Protocol): string {
  return protocol.formalRecordName || 'Record on the child’s file';
}

function StagesTable({ protocol }: { protocol: Protocol }) {
  return (
    <table className="govuk-table govuk-!-font-size-16" data-testid={`protocol-stages-${protocol.key}`}>
      <caption className="govuk-table__caption govuk-table__caption--s">
        Stages of {protocol.name}; formal record: {recordName(protocol)}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Stage
          </th>
          <th scope="col" className="govuk-table__header">
            Time limit, and who sets it
          </th>
          <th scope="col" className="govuk-table__header">
            Formal record
          </th>
          <th scope="col" className="govuk-table__header">
            An escalation may start here
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {protocol.stages.map((s) => (
          <tr className="govuk-table__row" key={s.number}>
            <td className="govuk-table__cell">
              {s.number}. {s.name}
            </td>
            <td className="govuk-table__cell">{limitWords(s)}</td>
            <td className="govuk-table__cell">{s.formalRecord ? 'Yes' : 'No'}</td>
            <td className="govuk-table__cell">{startWords(protocol, s) || 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The latest version of each protocol key. */
function latestOfEach(list: readonly Listed[]): Listed[] {
  const byKey = new Map<string, Listed>();
  for (const p of list) {
    const seen = byKey.get(p.key);
    if (!seen || seen.version < p.version) byKey.set(p.key, p);
  }
  return [...byKey.values()];
}

function copyOf(p: Protocol): CopyDraft {
  return {
    key: `${p.key}-local`.slice(0, 40),
    name: `${p.name} (adjusted)`,
    initialsOnly: p.initialsOnly,
    stages: p.stages.map((s) => ({
      name: s.name,
      limit: s.limitWorkingDays === null ? '' : String(s.limitWorkingDays),
      formalRecord: s.formalRecord,
    })),
  };
}

/** The limit as the register takes it: blank is none, a whole number is a number; anything else is not a limit (NaN). */
function limitOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * A copied stage as saved: its own name, limit and formal record, and everything else kept from
 * the stage it copies (who, what, where an escalation may start, whether it follows resolution).
 * A limit the procedure sets, once changed, is the partnership's own setting.
 */
function stageOf(base: ProtocolStage, draft: StageDraft, index: number) {
  const limit = base.followsResolution ? null : limitOf(draft.limit);
  return {
    number: index + 1,
    name: draft.name,
    who: base.who,
    what: base.what,
    limitWorkingDays: limit,
    limitSetBy:
      base.limitSetBy === 'procedure' && limit !== base.limitWorkingDays ? ('partnership' as const) : base.limitSetBy,
    formalRecord: draft.formalRecord,
    followsResolution: base.followsResolution,
    mayStartHere: base.mayStartHere,
    startFor: base.startFor,
  };
}

/** What a copied stage's limit box says about who sets the limit. */
function limitHint(base: ProtocolStage, typed: string): string {
  if (base.limitSetBy === 'partnership') {
    return 'The procedure sets no limit: this is your partnership’s own setting. 1 to 60 working days.';
  }
  const same = limitOf(typed) === base.limitWorkingDays;
  return same
    ? `${base.limitWorkingDays ?? ''} working days, as the procedure sets. A different number is your partnership’s own setting.`
    : `The procedure sets ${base.limitWorkingDays ?? ''} working days: this number is your partnership’s own setting. 1 to 60 working days.`;
}

/** `protocols.save` takes `{ protocol }`, so its issues are about `protocol.stages.0.name` and the like. */
const fieldFor = (path: string) => `protocol-${pathToId(path.replace(/^protocol\./, ''))}`;

/**
 * The partnership's escalation protocol: choose one of those held (each with its stages and
 * limits), or copy one and adjust it; a saved copy is a new version, so running escalations keep
 * the version they started under.
 */
export function ProtocolSection({ errors, onErrors, onSuccess, onUnsaved }: SectionProps) {
  const protocols = useApi('protocols.list', {});
  const list = latestOfEach(protocols.data ?? []);
  const chosen = list.find((p) => p.chosen)?.key ?? '';
  const [selected, setSelected] = useState<string | null>(null);
  const [copy, setCopy] = useState<CopyDraft | null>(null);
  // The user picked a protocol and has not yet used it (a copy just saved is selected for them, unpicked).
  const [picked, setPicked] = useState(false);
  const value = selected ?? chosen;
  const current = list.find((p) => p.key === value);

  async function choose(): Promise<boolean> {
    const result = await invoke('protocols.choose', { key: value });
    if (result.ok) {
      setPicked(false);
      protocols.reload();
      onSuccess('Escalation protocol chosen', current?.name);
      return true;
    } else {
      onErrors(errorsFromApi(result.error, () => ({ fieldId: 'protocol-choice', targetId: 'protocol-choice' })));
      return false;
    }
  }

  async function save(): Promise<boolean> {
    if (!copy || !current) return false;
    const base = current.definition;
    // Exactly the protocol's fields: its source, formal record name and record are the copied one's.
    const protocol = {
      key: copy.key.trim(),
      version: 1,
      name: copy.name,
      source: base.source,
      formalRecordName: base.formalRecordName,
      record: base.record,
      initialsOnly: copy.initialsOnly,
      stages: base.stages.map((b, i) =>
        stageOf(b, copy.stages[i] ?? { name: b.name, limit: '', formalRecord: false }, i),
      ),
    };
    // The register checks each limit's range; one that is not a whole number is named here, as it cannot be sent.
    const notNumbers = protocol.stages.flatMap((s, i) =>
      Number.isNaN(s.limitWorkingDays)
        ? [
            {
              fieldId: `protocol-stages-${i}-limitWorkingDays`,
              targetId: `protocol-stages-${i}-limitWorkingDays`,
              message: `Stage ${i + 1}: the limit must be a whole number of working days`,
            },
          ]
        : [],
    );
    if (notNumbers.length > 0) {
      onErrors(notNumbers);
      return false;
    }
    const result = await invoke('protocols.save', { protocol });
    if (result.ok) {
      setCopy(null);
      setSelected(result.value.key);
      setPicked(false);
      protocols.reload();
      onSuccess('Protocol saved', `${copy.name}, version ${result.value.version}. Choose it to use it.`);
      return true;
    }
    onErrors(errorsFromApi(result.error, fieldFor));
    return false;
  }

  // While the list reloads after a choice, "chosen" is not yet the new one: not a change.
  const unsavedChoice = picked && value !== chosen && !protocols.loading;
  useReportUnsaved(
    onUnsaved,
    'protocol',
    copy !== null || unsavedChoice
      ? {
          fieldId: copy !== null ? 'protocol-key' : 'protocol-choice',
          save: copy !== null ? save : choose,
          discard: () => {
            setCopy(null);
            setSelected(null);
            setPicked(false);
          },
        }
      : null,
  );

  const setStage = (index: number, change: Partial<StageDraft>) =>
    setCopy((c) => (c ? { ...c, stages: c.stages.map((s, i) => (i === index ? { ...s, ...change } : s)) } : c));

  return (
    <section aria-labelledby="protocol-heading">
      <h2 className="govuk-heading-m" id="protocol-heading">
        Escalation protocol
      </h2>
      {protocols.data === undefined ? (
        <p className="govuk-body">Loading…</p>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void choose();
          }}
        >
          <Radios
            id="protocol-choice"
            legend="The partnership’s protocol for professional disagreements"
            legendClassName="govuk-fieldset__legend--s"
            hint="New escalations start under it; running escalations keep the version they started under."
            items={list.map((p) => ({
              value: p.key,
              label: `${p.name} (version ${p.version})${p.chosen ? ', in use' : ''}`,
              hint: `${p.definition.stages.length} stages; formal record: ${recordName(p.definition)}${p.definition.initialsOnly ? ', initials only' : ''}`,
              conditional: <StagesTable protocol={p.definition} />,
            }))}
            value={value}
            onChange={(key) => {
              setSelected(key);
              setPicked(true);
              setCopy(null);
            }}
            error={errorFor(errors, 'protocol-choice')}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Use this protocol
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => current && setCopy(copyOf(current.definition))}
            >
              Copy and adjust
            </button>
          </div>
        </form>
      )}
      {copy && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          aria-labelledby="protocol-copy-heading"
        >
          <h3 className="govuk-heading-s" id="protocol-copy-heading">
            Adjust a copy of {current?.name}
          </h3>
          <TextInput
            id="protocol-key"
            label="Key"
            hint="2 to 40 lower-case letters, digits or hyphens"
            value={copy.key}
            onChange={(key) => setCopy({ ...copy, key })}
            error={errorFor(errors, 'protocol-key')}
            widthClassName="govuk-input--width-20"
            spellCheck={false}
          />
          <TextInput
            id="protocol-name"
            label="Name"
            value={copy.name}
            onChange={(name) => setCopy({ ...copy, name })}
            error={errorFor(errors, 'protocol-name')}
          />
          {current && (
            <div className="govuk-inset-text" data-testid="protocol-copy-record">
              Formal record: {recordName(current.definition)}. A copy keeps the formal record of the protocol it is
              copied from.
            </div>
          )}
          <Checkboxes
            id="protocol-initialsOnly"
            legend="The record"
            legendClassName="govuk-fieldset__legend--s"
            items={[{ value: 'yes', label: 'Initials only: the formal record does not name the family' }]}
            values={copy.initialsOnly ? ['yes'] : []}
            onChange={(values) => setCopy({ ...copy, initialsOnly: values.includes('yes') })}
            small
          />
          {copy.stages.map((s, i) => {
            const base = current?.definition.stages[i];
            return (
              <fieldset className="govuk-fieldset app-new-child" key={i}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Stage {i + 1}</legend>
                <TextInput
                  id={`protocol-stages-${i}-name`}
                  label={`Stage ${i + 1} name`}
                  value={s.name}
                  onChange={(name) => setStage(i, { name })}
                  error={errorFor(errors, `protocol-stages-${i}-name`)}
                />
                {base?.followsResolution ? (
                  <p className="govuk-body" data-testid={`protocol-stages-${i}-after-resolution`}>
                    Stage {i + 1} follows resolution: it has no time limit and is offered after an escalation is closed
                    as resolved, not reached by escalating.
                  </p>
                ) : (
                  <TextInput
                    id={`protocol-stages-${i}-limitWorkingDays`}
                    label={`Stage ${i + 1} limit in working days`}
                    hint={base ? limitHint(base, s.limit) : undefined}
                    value={s.limit}
                    onChange={(limit) => setStage(i, { limit })}
                    error={errorFor(errors, `protocol-stages-${i}-limitWorkingDays`)}
                    inputMode="numeric"
                    widthClassName="govuk-input--width-3"
                  />
                )}
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  <div className="govuk-checkboxes__item">
                    <input
                      className="govuk-checkboxes__input"
                      id={`protocol-stages-${i}-formalRecord`}
                      type="checkbox"
                      checked={s.formalRecord}
                      onChange={(event) => setStage(i, { formalRecord: event.target.checked })}
                    />
                    <label
                      className="govuk-label govuk-checkboxes__label"
                      htmlFor={`protocol-stages-${i}-formalRecord`}
                    >
                      Stage {i + 1} needs the formal record
                    </label>
                  </div>
                </div>
              </fieldset>
            );
          })}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Save the protocol
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setCopy(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
