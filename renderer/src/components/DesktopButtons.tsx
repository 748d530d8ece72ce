import { useState } from 'react';
import type { FolderPurpose } from '../../../shared/ipc/desktop';
import { isAbsolutePathText } from '../../../shared/schemas/desktop';
import { desktopApi } from '../api/desktop';

/**
 * "Choose…" beside a typed folder path: opens the system's folder picker and puts the folder
 * chosen into the field. Shown only in the desktop app; in browser mode the typed path is the way.
 */
export function ChooseFolderButton({
  purpose,
  current,
  onChosen,
  what,
}: {
  purpose: FolderPurpose;
  /** The path typed so far: the picker starts there when it is a full path. */
  current: string;
  onChosen(path: string): void;
  /** For screen readers: "Choose… the folder to write the documents to". */
  what: string;
}) {
  const api = desktopApi();
  const [problem, setProblem] = useState<string | null>(null);
  if (!api) return null;
  async function choose() {
    if (!api) return;
    const start = current.trim();
    const answer = await api.chooseFolder({ purpose, ...(isAbsolutePathText(start) ? { defaultPath: start } : {}) });
    if (!answer.ok) {
      setProblem(answer.error.message);
      return;
    }
    setProblem(null);
    if (answer.value.path !== null) onChosen(answer.value.path);
  }
  return (
    <div className="govuk-form-group">
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-testid={`choose-folder-${purpose}`}
        onClick={() => void choose()}
      >
        Choose…<span className="govuk-visually-hidden"> {what}</span>
      </button>
      <DesktopProblem problem={problem} />
    </div>
  );
}

/** "Open folder" after something is written there: shows it in the file manager (desktop app only). */
export function OpenFolderButton({ path, testId }: { path: string; testId: string }) {
  const api = desktopApi();
  const [problem, setProblem] = useState<string | null>(null);
  if (!api || path.trim() === '') return null;
  async function open() {
    if (!api) return;
    const answer = await api.openFolder(path);
    setProblem(answer.ok ? null : answer.error.message);
  }
  return (
    <div className="govuk-!-margin-bottom-4">
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-testid={testId}
        onClick={() => void open()}
      >
        Open folder
      </button>
      <DesktopProblem problem={problem} />
    </div>
  );
}

/** What the desktop app said went wrong with a folder, under its button. */
function DesktopProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="govuk-body govuk-!-margin-top-2" role="alert">
      {problem}
    </p>
  );
}
