import { useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { settingsUpdateSchema, type Settings } from '../../../../shared/schemas/settings';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatBytes, formatDateTime } from '../../app/format';
import { useSaveSettings, useSettings } from '../../app/settings-context';
import { ChooseFolderButton, OpenFolderButton } from '../../components/DesktopButtons';
import { errorFor, errorsFromApi, errorsFromIssues } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';
import { useFormDraft } from '../../hooks/use-form-draft';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';

/**
 * Backups: where automatic backups go and how many are kept, a backup made now, and each backup
 * in the folder with its date and size, checked or restored (after a confirmation step that says
 * what restoring does). Only an administrator reaches the channels behind it.
 */
export function BackupsSection({
  settings,
  errors,
  onErrors,
  onSuccess,
  onUnsaved,
}: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const saveSettings = useSaveSettings();
  const status = useApi('backups.status', {});
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const draft = useFormDraft(() => ({
    backupFolder: settings.backupFolder ?? '',
    backupsKept: String(settings.backupsKept),
  }));
  const { values, set } = draft;

  async function save(): Promise<boolean> {
    const sent = values;
    const kept = Number(sent.backupsKept);
    const parsed = settingsUpdateSchema.safeParse({
      backupFolder: sent.backupFolder,
      backupsKept: sent.backupsKept.trim() === '' || Number.isNaN(kept) ? sent.backupsKept : kept,
    });
    if (!parsed.success) {
      onErrors(errorsFromIssues(issuesFromZod(parsed.error)));
      return false;
    }
    const result = await saveSettings(parsed.data);
    if (result.ok) {
      setSettings(result.value);
      draft.commit(sent);
      status.reload();
      onSuccess('Backup settings saved');
      return true;
    }
    onErrors(errorsFromApi(result.error));
    return false;
  }
  useReportUnsaved(
    onUnsaved,
    'backups',
    draft.dirty
      ? {
          fieldId: values.backupFolder !== (settings.backupFolder ?? '') ? 'backupFolder' : 'backupsKept',
          save,
          discard: draft.discard,
        }
      : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  async function backUpNow() {
    setBusy(true);
    const result = await invoke('backups.run', {});
    setBusy(false);
    status.reload();
    if (result.ok) onSuccess('Backup made and checked', `${result.value.file} (${formatBytes(result.value.size)})`);
    else onErrors(errorsFromApi(result.error));
  }

  async function check(file: string) {
    setBusy(true);
    const result = await invoke('backups.verify', { file });
    setBusy(false);
    if (result.ok) {
      onSuccess(
        'The backup passed its check',
        `${file}: made ${formatDateTime(result.value.createdAt)}; it opens, passes SQLite’s integrity check and holds what it held when it was made.`,
      );
    } else onErrors(errorsFromApi(result.error));
  }

  async function restore(file: string) {
    setBusy(true);
    const result = await invoke('backups.restore', { file });
    setBusy(false);
    setConfirming(null);
    if (result.ok) {
      onSuccess(
        'Backup restored',
        `The register now holds what it held on ${formatDateTime(result.value.createdAt)}. The register it replaced is kept as ${result.value.keptAside[0] ?? 'nothing (there was none)'}.`,
      );
    } else onErrors(errorsFromApi(result.error));
  }

  const backups = status.data?.backups ?? [];

  if (confirming !== null) {
    const chosen = backups.find((b) => b.file === confirming);
    return (
      <section aria-labelledby="restore-heading" id="backups">
        <h2 className="govuk-heading-m" id="restore-heading">
          Restore this backup?
        </h2>
        <p className="govuk-body">
          Backup {confirming}
          {chosen ? `, made ${formatDateTime(chosen.createdAt)}` : ''}.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>The backup is checked first; if it fails, nothing changes.</li>
          <li>
            The register is closed, and its file is kept beside it, renamed “before-restore” with today’s date and time,
            so nothing is lost.
          </li>
          <li>
            The register then holds exactly what it held when the backup was made: anything recorded since is not in it.
          </li>
        </ul>
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            disabled={busy}
            onClick={() => void restore(confirming)}
          >
            Restore the backup
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="backups-heading" id="backups">
      <h2 className="govuk-heading-m" id="backups-heading">
        Backups
      </h2>
      <p className="govuk-body">
        The register backs itself up each day when it opens and every time it closes. Each backup is one file, encrypted
        as the register is, and checked after it is written.
      </p>
      <form noValidate onSubmit={submit} aria-label="Backup settings">
        <TextInput
          id="backupFolder"
          label="Backup folder (optional)"
          hint={`Leave blank for a Backups folder beside the register${status.data ? `: ${status.data.folder}` : ''}`}
          value={values.backupFolder}
          onChange={set('backupFolder')}
          error={errorFor(errors, 'backupFolder')}
        />
        <ChooseFolderButton
          purpose="backups"
          current={values.backupFolder}
          onChosen={set('backupFolder')}
          what="the backup folder"
        />
        <TextInput
          id="backupsKept"
          label="Number of automatic backups kept"
          hint="Older automatic backups are deleted after each new one"
          inputMode="numeric"
          widthClassName="govuk-input--width-3"
          value={values.backupsKept}
          onChange={set('backupsKept')}
          error={errorFor(errors, 'backupsKept')}
        />
        <button type="submit" className="govuk-button">
          Save backup settings
        </button>
      </form>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        disabled={busy}
        onClick={() => void backUpNow()}
      >
        Back up now
      </button>
      {status.data && backups.length > 0 && <OpenFolderButton path={status.data.folder} testId="backups-open-folder" />}
      {status.error && <p className="govuk-body">{status.error.message}</p>}
      {status.data?.lastFailure && (
        <p className="govuk-body">
          The last automatic backup failed ({formatDateTime(status.data.lastFailure.at)}):{' '}
          {status.data.lastFailure.message}
        </p>
      )}
      {!status.data ? (
        status.error ? null : (
          <p className="govuk-body" role="status">
            Reading the backup folder…
          </p>
        )
      ) : backups.length === 0 ? (
        <p className="govuk-body" data-testid="no-backups">
          There are no backups in the folder yet.
        </p>
      ) : (
        <table className="govuk-table" data-testid="backups-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Backups in the folder, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Made
              </th>
              <th scope="col" className="govuk-table__header">
                File
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Size
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {backups.map((b) => (
              <tr className="govuk-table__row" key={b.file}>
                <td className="govuk-table__cell">{formatDateTime(b.createdAt)}</td>
                <td className="govuk-table__cell">{b.file}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatBytes(b.size)}</td>
                <td className="govuk-table__cell">
                  <div className="govuk-button-group">
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      disabled={busy}
                      onClick={() => void check(b.file)}
                    >
                      Check<span className="govuk-visually-hidden"> the backup made {formatDateTime(b.createdAt)}</span>
                    </button>
                    <button
                      type="button"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      disabled={busy}
                      onClick={() => setConfirming(b.file)}
                    >
                      Restore
                      <span className="govuk-visually-hidden"> the backup made {formatDateTime(b.createdAt)}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
