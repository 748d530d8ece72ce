import { useState } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import type { DueItemRow } from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { plural } from '../../app/format';
import { Page } from '../../app/Page';
import { NotificationBanner } from '../../components/NotificationBanner';

type CompletableKind = Exclude<DueItemRow['kind'], 'principal-officer-review'>;

function completable(kind: DueItemRow['kind']): kind is CompletableKind {
  return kind !== 'principal-officer-review';
}

/** Whose item it is: the child's name for a child's item, else the family's conference. */
function whose(item: DueItemRow): string {
  return item.childName ?? `the ${item.familyName} family`;
}

function When({ item }: { item: DueItemRow }) {
  if (item.overdue) {
    return (
      <strong className="govuk-tag govuk-tag--red">
        Overdue{item.workingDays < 0 ? ` by ${plural(-item.workingDays, 'working day', 'working days')}` : ''}
      </strong>
    );
  }
  if (item.workingDays === 0) return <strong className="govuk-tag govuk-tag--orange">Due today</strong>;
  return <>In {plural(item.workingDays, 'working day', 'working days')}</>;
}

/**
 * What falls due after conferences, soonest first: decision letters, minutes and reconvened
 * conferences (the conference's), first core groups, next reviews and Principal Officer reviews
 * (each child's own, named). Overdue items are marked; each can be marked done here, except
 * Principal Officer reviews, which the escalations work closes.
 */
export function DuePage() {
  const { data, error } = useApi('due.list', { limit: 200 });
  const [items, setItems] = useState<DueItemRow[] | null>(null);
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = items ?? data;

  async function complete(item: DueItemRow) {
    if (!completable(item.kind)) return;
    const result = await invoke('due.complete', {
      conferenceId: item.conferenceId,
      kind: item.kind,
      childId: item.childId,
    });
    if (result.ok) {
      setItems(result.value);
      setProblem(null);
      setDone((previous) => ({ n: (previous?.n ?? 0) + 1, text: `${item.label} for ${whose(item)}` }));
    } else {
      setProblem(result.error.message);
    }
  }

  const overdue = list?.filter((i) => i.overdue).length ?? 0;
  return (
    <Page
      title="What falls due"
      width="full"
      banner={
        done && (
          <NotificationBanner key={done.n} heading="Marked done" autoFocus>
            {done.text}
          </NotificationBanner>
        )
      }
    >
      {(error ?? problem) && (
        <p className="govuk-error-message">
          {problem ?? `What falls due could not be loaded: ${error?.message ?? ''}`}
        </p>
      )}
      <p className="govuk-body" role="status">
        {list &&
          (list.length === 0
            ? 'Nothing is due.'
            : `${plural(list.length, 'item', 'items')} due, soonest first${overdue > 0 ? `; ${overdue} overdue` : ''}.`)}
      </p>
      {list && list.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">What falls due, soonest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Due
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                For
              </th>
              <th scope="col" className="govuk-table__header">
                Conference
              </th>
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {list.map((item) => (
              <tr
                className="govuk-table__row"
                key={`${item.conferenceId}-${item.kind}-${item.childId ?? 'conference'}-${item.due}`}
              >
                <td className="govuk-table__cell">{formatLongDate(item.due)}</td>
                <td className="govuk-table__cell">{item.label}</td>
                <td className="govuk-table__cell">{item.childName ?? 'The conference'}</td>
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`#/conferences/${item.conferenceId}`}>
                    {item.familyName} family
                  </a>
                  <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                    {CONFERENCE_TYPE_LABELS[item.conferenceType]}, {formatLongDate(item.conferenceDate)}
                  </span>
                </td>
                <td className="govuk-table__cell">
                  <When item={item} />
                </td>
                <td className="govuk-table__cell">
                  {completable(item.kind) && (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => void complete(item)}
                    >
                      Mark done
                      <span className="govuk-visually-hidden">
                        {' '}
                        ({[item.label, item.childName, `${item.familyName} family`].filter(Boolean).join(', ')})
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">
        <a href="#/conferences" className="govuk-link">
          Back to conferences
        </a>
      </p>
    </Page>
  );
}
