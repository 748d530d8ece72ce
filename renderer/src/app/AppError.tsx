import { useEffect, useRef } from 'react';
import { PRODUCT_NAME } from './Page';

const TITLE = 'Sorry, the app could not be shown';

/**
 * The last resort, if the app shell itself (header, navigation) fails while it is drawn: a plain
 * page with a way to start again, instead of a blank window. A screen's own failure is shown
 * inside the shell (`ScreenError`).
 */
export function AppError({ error }: { error: Error }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${TITLE} – ${PRODUCT_NAME}`;
    heading.current?.focus();
  }, []);
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
          {TITLE}
        </h1>
        <p className="govuk-body">
          Something went wrong in {PRODUCT_NAME}: {(error.message || 'no details were given').replace(/\.$/, '')}.
        </p>
        <p className="govuk-body">Nothing you had already saved has been lost: it is in the register.</p>
        <button
          type="button"
          className="govuk-button"
          onClick={() => {
            window.location.hash = '#/';
            window.location.reload();
          }}
        >
          Start again from the home page
        </button>
      </main>
    </div>
  );
}
