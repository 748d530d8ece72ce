import { useEffect, useId, useRef, type ReactNode } from 'react';

interface NotificationBannerProps {
  /** The banner's main line, such as "Agency added". */
  heading: ReactNode;
  children?: ReactNode;
  type?: 'success' | 'important';
  /** Move focus to the banner when it appears (success banners after an action). */
  autoFocus?: boolean;
}

/** GOV.UK notification banner. A success banner is an alert, so it is announced as it appears. */
export function NotificationBanner({
  heading,
  children,
  type = 'success',
  autoFocus = false,
}: NotificationBannerProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const success = type === 'success';

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children && <p className="govuk-body">{children}</p>}
      </div>
    </div>
  );
}
