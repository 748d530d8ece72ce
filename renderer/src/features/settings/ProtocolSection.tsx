import { useState } from 'react';
import type { Protocol } from '../../../../shared/escalation-protocols';
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
  limit: string;
  formalRecord: boolean;
}
interface CopyDraft {
  key: string;
  name: string;
  initialsOnly: boolean;
  stages: StageDraft[];
}

function StagesTable({ protocol }: { protocol: Protocol }) {
  return (
    <table className="govuk-table govuk-!-font-size-16">
      <caption className="govuk-table__caption govuk-table__caption--s">Stages of {protocol.name}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Stage
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Limit (working days)
          </th>
          <th scope="col" className="govuk-table__header">
            Formal record
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {protocol.stages.map((s) => (
          <tr className="govuk-table__row" key={s.number}>
            <td className="govuk-table__cell">
              {s.number}. {s.name}
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{s.limitWorkingDays}</td>
            <td className="govuk-table__cell">{s.formalRecord ? protocol.formalRecordName || 'Yes' : 'No'}</td>
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
    stages: p.stages.map((s) => ({ name: s.name, limit: String(s.limitWorkingDays), formalRecord: s.formalRecord })),
  };
}

const fieldFor = (path: string) => `protocol-${pathToId(path)}`;

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
    const protocol = {
      ...base,
      key: copy.key.trim(),
      name: copy.name,
      version: 1,
      initialsOnly: copy.initialsOnly,
      stages: copy.stages.map((s, i) => ({
        number: i + 1,
        name: s.name,
        who: base.stages[i]?.who ?? '',
        what: base.stages[i]?.what ?? '',
        limitWorkingDays: s.limit.trim() === '' ? null : Number(s.limit),
        formalRecord: s.formalRecord,
      })),
    };
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
              hint: `${p.definition.stages.length} stages${p.definition.initialsOnly ? '; the record uses initials only' : ''}`,
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
          <Checkboxes
            id="protocol-initialsOnly"
            legend="The record"
            legendClassName="govuk-fieldset__legend--s"
            items={[{ value: 'yes', label: 'Initials only: the formal record does not name the family' }]}
            values={copy.initialsOnly ? ['yes'] : []}
            onChange={(values) => setCopy({ ...copy, initialsOnly: values.includes('yes') })}
            small
          />
          {copy.stages.map((s, i) => (
            <fieldset className="govuk-fieldset app-new-child" key={i}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Stage {i + 1}</legend>
              <TextInput
                id={`protocol-stages-${i}-name`}
                label={`Stage ${i + 1} name`}
                value={s.name}
                onChange={(name) => setStage(i, { name })}
                error={errorFor(errors, `protocol-stages-${i}-name`)}
              />
              <TextInput
                id={`protocol-stages-${i}-limitWorkingDays`}
                label={`Stage ${i + 1} limit in working days`}
                value={s.limit}
                onChange={(limit) => setStage(i, { limit })}
                error={errorFor(errors, `protocol-stages-${i}-limitWorkingDays`)}
                inputMode="numeric"
                widthClassName="govuk-input--width-3"
              />
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={`protocol-stages-${i}-formalRecord`}
                    type="checkbox"
                    checked={s.formalRecord}
                    onChange={(event) => setStage(i, { formalRecord: event.target.checked })}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`protocol-stages-${i}-formalRecord`}>
                    Stage {i + 1} needs the formal record
                  </label>
                </div>
              </div>
            </fieldset>
          ))}
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
