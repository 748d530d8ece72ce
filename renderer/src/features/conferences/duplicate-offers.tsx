import { useCallback, useRef, useState, type FocusEvent } from 'react';
import type { DuplicateMatch } from '../../../../shared/schemas/conference';
import { invoke } from '../../api/client';
import { formatDate } from '../../app/format';
import { ErrorMessage } from '../../components/FieldParts';

/**
 * A record already in the register that a new child (or the new family) matches, offered in its
 * place: `draftKey` is the new child's form key, null for the family.
 */
export interface Offer {
  key: string;
  draftKey: number | null;
  match: DuplicateMatch;
}

/** A new child as `families.matches` takes it, with the form key it came from. */
export interface ChildToMatch {
  draftKey: number;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDate: string | null;
}

/**
 * Whether focus leaving `event`'s element means the user moved on from those fields: not while it
 * stays inside, and not when it goes to the form's submit button, which asks the register itself
 * (an offer appearing above the button as it is pressed would move the button from under the
 * pointer).
 */
export function movedOn(event: FocusEvent<HTMLElement>): boolean {
  const next = event.relatedTarget;
  if (next instanceof Node && event.currentTarget.contains(next)) return false;
  return !(next instanceof HTMLButtonElement && next.type === 'submit');
}

/** "Cara Jones, born 1 June 2018, Jones family (F-2002)": the record offered, as the button says it. */
export function offerWords(match: DuplicateMatch): string {
  const family = `${match.family.name} family${match.family.caseReference ? ` (${match.family.caseReference})` : ''}`;
  const child = match.child;
  if (!child) return `the ${family}`;
  const date = child.dateOfBirth
    ? `, born ${formatDate(child.dateOfBirth)}`
    : child.expectedDate
      ? `, expected ${formatDate(child.expectedDate)}`
      : '';
  return `${child.givenName} ${child.familyName}${date}, ${family}`;
}

/** The register's words for a match not yet answered (see `conferences.create`). */
export function matchMessage(match: DuplicateMatch): string {
  return `${match.why}: choose the existing record, or confirm this is someone else`;
}

/**
 * The records a new family and its new children match, asked of the register as the user moves
 * on from a child's fields and again before the conference is created; and which offers the user
 * has answered "different" to (those are sent as `confirmedNew`).
 */
export function useDuplicateOffers() {
  const [offers, setOffers] = useState<Offer[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const asked = useRef(0);

  /** Asks the register; resolves to every offer (answered or not), or null if it could not be asked. */
  const check = useCallback(
    async (
      family: { name: string; caseReference: string | null } | null,
      children: readonly ChildToMatch[],
    ): Promise<Offer[] | null> => {
      asked.current += 1;
      const mine = asked.current;
      if (family === null && children.length === 0) {
        setOffers([]);
        return [];
      }
      const result = await invoke('families.matches', {
        family,
        children: children.map(({ givenName, familyName, dateOfBirth, expectedDate }) => ({
          givenName,
          familyName,
          dateOfBirth,
          expectedDate,
        })),
      });
      if (!result.ok) return null;
      const found = result.value.map((match): Offer => {
        const draftKey = match.newChildIndex === null ? null : (children[match.newChildIndex]?.draftKey ?? null);
        const record = match.child ? `child-${match.child.id}` : `family-${match.family.id}`;
        return { key: `${draftKey ?? 'family'}:${record}`, draftKey, match };
      });
      // Only the latest question's answer is shown.
      if (mine === asked.current) setOffers(found);
      return found;
    },
    [],
  );

  const dismiss = useCallback((keys: readonly string[]) => {
    setDismissed((previous) => new Set([...previous, ...keys]));
  }, []);

  const drop = useCallback((test: (offer: Offer) => boolean) => {
    setOffers((previous) => previous.filter((o) => !test(o)));
  }, []);

  const open = offers.filter((o) => !dismissed.has(o.key));
  return { offers, open, dismissed, check, dismiss, drop };
}

/**
 * A new child (or family) that matches a record in the register: the existing record offered,
 * each as "Use ...", or "This is a different child". The first button is where the error summary
 * links to.
 */
export function MatchOffer({
  id,
  offers,
  subject,
  error,
  onUse,
  onDifferent,
}: {
  id: string;
  offers: readonly Offer[];
  subject: 'child' | 'family';
  error: string | undefined;
  onUse(offer: Offer): void;
  onDifferent(): void;
}) {
  if (offers.length === 0) return null;
  const headingId = `${id}-heading`;
  return (
    <div
      className={`app-match${error ? ' govuk-form-group--error' : ''}`}
      id={id}
      role="group"
      aria-labelledby={headingId}
      data-testid={id}
    >
      <h3 className="govuk-heading-s" id={headingId}>
        {subject === 'child'
          ? 'This child may already be in the register'
          : 'This family may already be in the register'}
      </h3>
      <ErrorMessage id={id} message={error} />
      <ul className="govuk-list">
        {offers.map((o) => (
          <li key={o.key}>{o.match.why}.</li>
        ))}
      </ul>
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        {offers.map((o, n) => (
          <button
            key={o.key}
            type="button"
            id={`${id}-use-${n}`}
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={() => onUse(o)}
          >
            Use {offerWords(o.match)}
          </button>
        ))}
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={onDifferent}
        >
          {subject === 'child' ? 'This is a different child' : 'This is a different family'}
        </button>
      </div>
    </div>
  );
}
