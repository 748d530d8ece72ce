import { useEffect, useId, useRef } from 'react';
import { NAV_ITEMS, parseRoute, sectionOf } from '../../app/routes';
import type { SectionKey } from './types';
import { SECTION_LABELS } from './use-unsaved-sections';

/** "Agencies": the navigation's name for where a path leads. */
function destinationOf(path: string): string {
  const section = sectionOf(parseRoute(path));
  return NAV_ITEMS.find((item) => item.section === section)?.text ?? 'the page you chose';
}

interface UnsavedChangesWarningProps {
  keys: readonly SectionKey[];
  /** The path the user tried to go to, while the page keeps them; null after they saved another section. */
  leavingTo: string | null;
  onGoTo(key: SectionKey): void;
  onSave(): void;
  onDiscard(): void;
  onStay(): void;
}

/**
 * GOV.UK "important" notification banner naming the sections with unsaved changes, with a link
 * to each, and the choices: save them, discard them, or (when leaving) stay on the page. When
 * it stops the user leaving, it takes focus so the question is heard.
 */
export function UnsavedChangesWarning({
  keys,
  leavingTo,
  onGoTo,
  onSave,
  onDiscard,
  onStay,
}: UnsavedChangesWarningProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const leaving = leavingTo !== null;

  useEffect(() => {
    if (leaving) ref.current?.focus();
  }, [leaving, leavingTo]);

  return (
    <div ref={ref} className="govuk-notification-banner" role="region" aria-labelledby={titleId} tabIndex={-1}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">You have unsaved changes</p>
        <p className="govuk-body">
          {keys.length === 1
            ? 'This section has changes that are not saved:'
            : 'These sections have changes that are not saved:'}
        </p>
        <ul className="govuk-list govuk-list--bullet">
          {keys.map((key) => (
            <li key={key}>
              <a
                className="govuk-notification-banner__link"
                href={`#${key}`}
                onClick={(event) => {
                  // The hash holds the route, so the link focuses the change instead of navigating.
                  event.preventDefault();
                  onGoTo(key);
                }}
              >
                {SECTION_LABELS[key]}
              </a>
            </li>
          ))}
        </ul>
        <p className="govuk-body">
          {leaving
            ? `Save or discard them before you go to ${destinationOf(leavingTo)}.`
            : 'They stay on this page until you save or discard them.'}
        </p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={onSave}>
            Save changes
          </button>
          <button type="button" className="govuk-button govuk-button--warning" onClick={onDiscard}>
            Discard changes
          </button>
          {leaving && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onStay}>
              Stay on this page
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
