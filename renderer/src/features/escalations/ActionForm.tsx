import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { escalationPath, type EscalationAction } from '../../app/routes';
import { navigate } from '../../app/use-hash-route';

/**
 * The escalation page shows one action's form at a time, each at its own address
 * (`#/escalations/12?action=respond`). Each visit to an address starts the screen afresh, so the
 * button that opened a form is remembered here for Cancel to put focus back on it (as
 * `navigate` carries its flash).
 */
let returnFocusTo: EscalationAction | null = null;
/** What a successful submit recorded, for the page's success banner. */
let recorded: string | null = null;

/** The id of the "What to do next" button that opens an action's form. */
export function actionButtonId(action: EscalationAction): string {
  return `next-${action}`;
}

/** Takes the button Cancel asked to focus, once: null when the page was reached another way. */
export function takeReturnFocus(): EscalationAction | null {
  const action = returnFocusTo;
  returnFocusTo = null;
  return action;
}

/**
 * After a successful submit: back to the page itself, which says what was recorded in its own
 * success banner (not `navigate`'s flash, so a later change on the page replaces it).
 */
export function returnRecorded(escalationId: number, heading: string): void {
  recorded = heading;
  navigate(escalationPath(escalationId));
}

/** Takes what a submit recorded, once: null when the page was reached another way. */
export function takeRecorded(): string | null {
  const heading = recorded;
  recorded = null;
  return heading;
}

/**
 * A link that opens one action's form, shown as a GOV.UK secondary button (it goes to an
 * address, so it is a link; like GOV.UK Frontend's button links, Space follows it too).
 */
export function ActionLink({
  escalationId,
  action,
  children,
  warning = false,
}: {
  escalationId: number;
  action: EscalationAction;
  children: ReactNode;
  warning?: boolean;
}) {
  return (
    <a
      id={actionButtonId(action)}
      href={`#${escalationPath(escalationId, action)}`}
      role="button"
      draggable="false"
      className={`govuk-button ${warning ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
      onKeyDown={(event: KeyboardEvent<HTMLAnchorElement>) => {
        if (event.key === ' ') {
          event.preventDefault();
          event.currentTarget.click();
        }
      }}
    >
      {children}
    </a>
  );
}

interface ActionFormProps {
  escalationId: number;
  action: EscalationAction;
  /** The form's heading (an h2), which also names the form. */
  heading: ReactNode;
  /** Ids for the heading; kept as each form had them, so field and test names stay put. */
  headingId: string;
  submitText: ReactNode;
  submitClassName?: string;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}

/**
 * One action's form on the escalation page: its heading (focused when the form opens, so
 * keyboard and screen reader users start there), its fields, the submit button and a Cancel
 * link back to the page, which puts focus back on the button that opened the form.
 */
export function ActionForm({
  escalationId,
  action,
  heading,
  headingId,
  submitText,
  submitClassName = 'govuk-button',
  onSubmit,
  children,
}: ActionFormProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={headingId} data-testid={`action-${action}`}>
      <h2 className="govuk-heading-m" id={headingId} tabIndex={-1} ref={headingRef}>
        {heading}
      </h2>
      {children}
      <div className="govuk-button-group">
        <button type="submit" className={submitClassName}>
          {submitText}
        </button>
        <a
          href={`#${escalationPath(escalationId)}`}
          className="govuk-link"
          onClick={() => {
            returnFocusTo = action;
          }}
        >
          Cancel
        </a>
      </div>
    </form>
  );
}
