/**
 * An error no screen handled, said at the top of the page (as an alert, so it is announced)
 * without taking the screen away.
 */
export function UnexpectedErrorNotice({ message, onDismiss }: { message: string; onDismiss(): void }) {
  return (
    <div className="govuk-error-summary" role="alert" aria-labelledby="unexpected-error-title">
      <h2 className="govuk-error-summary__title" id="unexpected-error-title">
        Something went wrong
      </h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">The app hit a problem it did not expect: {message.replace(/\.$/, '')}.</p>
        <p className="govuk-body">
          Anything already saved is kept. Check that what you just did has taken effect; if the page stops responding,
          reload it.
        </p>
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={onDismiss}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
