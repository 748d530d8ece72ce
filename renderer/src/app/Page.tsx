import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorSummary } from '../components/ErrorSummary';
import type { FormError } from '../components/form-errors';
import { NotificationBanner } from '../components/NotificationBanner';
import { usePageContext } from './page-context';

export const PRODUCT_NAME = 'CP Conference Register';

const NO_ERRORS: readonly FormError[] = [];

interface PageProps {
  /** The window title's first part; the heading by default. */
  title: string;
  /** The h1, when it differs from the title. */
  heading?: ReactNode;
  /** A caption above the h1, such as the agency being edited. */
  caption?: ReactNode;
  /** Wide pages (tables) use the full width; forms use two thirds. */
  width?: 'full' | 'two-thirds';
  /** The form's errors: an error summary at the top of the page, and "Error:" in the window title. */
  errors?: readonly FormError[];
  /**
   * Follows an error summary link whose field is not on screen (on another step of the chair's
   * screen): true when it has taken the user there.
   */
  onFollowError?: (error: FormError) => boolean;
  /** A banner of the page's own (such as "Settings saved"), shown above the heading. */
  banner?: ReactNode;
  children?: ReactNode;
}

/**
 * One screen: its window title, its one h1 and, after a save, the success banner. When the
 * user navigates here, focus moves to the banner if there is one, else to the h1, so screen
 * reader users hear where they are (as on a page load).
 */
export function Page({
  title,
  heading,
  caption,
  width = 'two-thirds',
  errors = NO_ERRORS,
  onFollowError,
  banner,
  children,
}: PageProps) {
  const { moveFocus, flash } = usePageContext();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const hasErrors = errors.length > 0;
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${PRODUCT_NAME}`;
  }, [title, hasErrors]);

  useEffect(() => {
    if (moveFocus && !flash) headingRef.current?.focus();
  }, [moveFocus, flash]);

  return (
    <div className="govuk-grid-row">
      <div className={width === 'full' ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds'}>
        {flash && (
          <NotificationBanner heading={flash.heading} autoFocus={moveFocus}>
            {flash.body}
          </NotificationBanner>
        )}
        {banner}
        <ErrorSummary errors={errors} onFollow={onFollowError} />
        <h1 className="govuk-heading-l" tabIndex={-1} ref={headingRef}>
          {caption && <span className="govuk-caption-l">{caption}</span>}
          {heading ?? title}
        </h1>
        {children}
      </div>
    </div>
  );
}
