import type { ReactNode } from 'react';
import { Header } from '../../app/Header';
import { SkipLink } from '../../app/SkipLink';

/** The page around signing in and creating the register: the header without a menu, and the main content. */
export function PlainLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <Header partnershipName="" section={null} atSectionRoot={false} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
    </>
  );
}
