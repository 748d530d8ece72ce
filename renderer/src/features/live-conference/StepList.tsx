import type { ChairStep } from './chair-steps';

/**
 * The chair's screen's steps, in order, each a link with whether it is done: the current one is
 * marked `aria-current="step"`. Each link changes only the step shown (the page stays mounted).
 */
export function StepList({ steps, current }: { steps: readonly ChairStep[]; current: number }) {
  return (
    <nav className="app-step-list" aria-label="Conference steps" data-testid="step-list">
      <ol className="app-step-list__items">
        {steps.map((step, i) => (
          <li key={step.path} className={`app-step-list__item${i === current ? ' app-step-list__item--current' : ''}`}>
            <span className="app-step-list__number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="app-step-list__text">
              <a
                className="govuk-link govuk-link--no-visited-state"
                href={`#${step.path}`}
                aria-current={i === current ? 'step' : undefined}
              >
                {step.name}
              </a>
              <strong
                className={`govuk-tag app-step-list__status ${step.done ? 'govuk-tag--green' : 'govuk-tag--grey'}`}
                data-testid="step-status"
              >
                {step.done ? 'Done' : 'To do'}
              </strong>
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Previous and Next at the foot of each step (GOV.UK's block pagination). */
export function StepPagination({ steps, current }: { steps: readonly ChairStep[]; current: number }) {
  const previous = steps[current - 1];
  const next = steps[current + 1];
  if (!previous && !next) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Previous and next step">
      {previous && <StepPaginationLink step={previous} rel="prev" />}
      {next && <StepPaginationLink step={next} rel="next" />}
    </nav>
  );
}

function StepPaginationLink({ step, rel }: { step: ChairStep; rel: 'prev' | 'next' }) {
  return (
    <div className={`govuk-pagination__${rel}`}>
      <a className="govuk-link govuk-pagination__link" href={`#${step.path}`} rel={rel}>
        <span className="govuk-pagination__link-title">
          {rel === 'prev' ? 'Previous' : 'Next'}
          <span className="govuk-visually-hidden"> step</span>
        </span>
        <span className="govuk-visually-hidden">:</span>
        <span className="govuk-pagination__link-label">{step.name}</span>
      </a>
    </div>
  );
}
