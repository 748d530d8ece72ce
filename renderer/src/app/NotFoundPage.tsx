import { Page } from './Page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p className="govuk-body">
        There is no page at this address.{' '}
        <a href="#/" className="govuk-link">
          Go to the home page
        </a>
        .
      </p>
    </Page>
  );
}
