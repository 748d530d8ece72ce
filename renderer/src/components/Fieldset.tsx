import type { ReactNode } from 'react';

interface FieldsetProps {
  legend: ReactNode;
  /** e.g. `govuk-fieldset__legend--m`. */
  legendClassName?: string;
  /** Legends of question pages are headings; others are not. */
  legendAsHeading?: 'h2' | 'h3';
  describedBy?: string | undefined;
  role?: 'group';
  id?: string;
  children: ReactNode;
}

/** GOV.UK fieldset: a legend grouping related controls. */
export function Fieldset({ legend, legendClassName, legendAsHeading, describedBy, role, id, children }: FieldsetProps) {
  const HeadingTag = legendAsHeading;
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy} role={role} id={id}>
      <legend className={['govuk-fieldset__legend', legendClassName].filter(Boolean).join(' ')}>
        {HeadingTag ? <HeadingTag className="govuk-fieldset__heading">{legend}</HeadingTag> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
