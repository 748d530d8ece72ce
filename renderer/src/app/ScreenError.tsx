import { useEffect, useRef } from 'react';
import { PRODUCT_NAME } from './Page';
import { navigate } from './use-hash-route';

const TITLE = 'Sorry, this page could not be shown';

/**
 * Shown in place of a screen that failed while it was drawn, inside the app shell so the header,
 * navigation and skip link stay. Focus moves to its heading, as on any new page, so keyboard and
 * screen reader users land on the explanation. The error's own message is shown (it names what
 * failed, not what a record holds); nothing from the screen's data is.
 */
export function ScreenError({ error, onRetry }: { error: Error; onRetry(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${TITLE} – ${PRODUCT_NAME}`;
    heading.current?.focus();
  }, []);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
          {TITLE}
        </h1>
        <p className="govuk-body">Something went wrong in the app while it was showing this page.</p>
        <div className="govuk-inset-text">
          <span className="govuk-visually-hidden">What went wrong: </span>
          {error.message || 'No details were given.'}
        </div>
        <p className="govuk-body">
          Nothing you had already saved has been lost: it is in the register. Anything typed on this page and not yet
          saved may need to be entered again.
        </p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={onRetry}>
            Try again
          </button>
          <a
            href="#/"
            className="govuk-link"
            onClick={(event) => {
              // Also when the home page is the one that failed: going there again starts it afresh.
              event.preventDefault();
              navigate('/');
            }}
          >
            Go to the home page
          </a>
        </div>
        <p className="govuk-body">
          If the page still cannot be shown, use the navigation above to go on with other work.
        </p>
      </div>
    </div>
  );
}
