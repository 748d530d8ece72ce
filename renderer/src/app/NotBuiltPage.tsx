import { Page } from './Page';

/** A section of the navigation whose screens come in a later release: said plainly, no sample data. */
export function NotBuiltPage({ title, what }: { title: string; what: string }) {
  return (
    <Page title={title}>
      <p className="govuk-body">{what} arrive in a later release of the register. Nothing is recorded here yet.</p>
    </Page>
  );
}
