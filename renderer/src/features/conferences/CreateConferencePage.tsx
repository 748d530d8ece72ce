import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { isIsoDate, localIsoDate } from '../../../../shared/dates';
import { issuesFromZod, type FieldIssue } from '../../../../shared/ipc/result';
import { conferenceDateProblem, dateOfBirthProblem, expectedDateProblem } from '../../../../shared/record-dates';
import {
  conferenceInputSchema,
  type Child,
  type ConferenceFields,
  type Family,
} from '../../../../shared/schemas/conference';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatDate, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { useSettings } from '../../app/settings-context';
import { navigate } from '../../app/use-hash-route';
import { Checkboxes } from '../../components/Checkboxes';
import { EMPTY_DATE, datePartsToString, type DateParts } from '../../components/date-parts';
import { ErrorMessage } from '../../components/FieldParts';
import {
  errorFor,
  errorsFromApi,
  errorsFromIssues,
  pathToId,
  type FieldRef,
  type FormError,
} from '../../components/form-errors';
import { optionId, Radios, type RadioItem } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import {
  matchMessage,
  MatchOffer,
  movedOn,
  offerWords,
  useDuplicateOffers,
  type ChildToMatch,
  type Offer,
} from './duplicate-offers';
import { WhenAndWhereFields } from './WhenAndWhereFields';
import { NewChildFields, type NewChildDraft } from './NewChildFields';

const NEW_FAMILY = 'new';

/** A blur handler that runs `then` only when the user moves on from the element's fields. */
function leaving(then: () => void) {
  return (event: FocusEvent<HTMLElement>) => {
    if (movedOn(event)) then();
  };
}

function childLabel(child: Child): string {
  const name = `${child.givenName} ${child.familyName}`;
  if (child.dateOfBirth) return `${name}, born ${formatDate(child.dateOfBirth)}`;
  if (child.expectedDate) return `${name}, expected ${formatDate(child.expectedDate)}`;
  return name;
}

function familyHint(family: Family) {
  const children = family.children.map((c) => `${c.givenName} ${c.familyName}`).join(', ');
  return (
    <>
      {family.caseReference && <span className="govuk-!-display-block">Case reference {family.caseReference}</span>}
      <span className="govuk-!-display-block">{children ? `Children: ${children}` : 'No children recorded'}</span>
    </>
  );
}

/** A new child's fields as `families.matches` takes them, once names and a real date are given. */
function childToMatch(c: NewChildDraft): ChildToMatch | null {
  const date = datePartsToString(c.date);
  if (c.givenName.trim() === '' || c.familyName.trim() === '' || !isIsoDate(date)) return null;
  return {
    draftKey: c.key,
    givenName: c.givenName.trim(),
    familyName: c.familyName.trim(),
    dateOfBirth: c.unborn ? null : date,
    expectedDate: c.unborn ? date : null,
  };
}

/**
 * Dates the register would refuse, found before it is asked (the same rules, `record-dates.ts`,
 * with this computer's date): a conference more than two years ahead, a child born in the future
 * or 18 or over at the conference, an expected date far from today.
 */
function dateIssues(input: ConferenceFields): FieldIssue[] {
  const today = localIsoDate(new Date());
  const issues: FieldIssue[] = [];
  const conference = conferenceDateProblem(input.date, today);
  if (conference) issues.push({ path: 'date', message: conference });
  input.newChildren.forEach((c, i) => {
    const born = c.dateOfBirth ? dateOfBirthProblem(c.dateOfBirth, today, input.date) : null;
    if (born) issues.push({ path: `newChildren.${i}.dateOfBirth`, message: born });
    const expected = c.expectedDate ? expectedDateProblem(c.expectedDate, today) : null;
    if (expected) issues.push({ path: `newChildren.${i}.expectedDate`, message: expected });
  });
  return issues;
}

/**
 * Creates an initial or review conference: when and where, the chair, the family (found in the
 * register or new) and the children it considers (picked from the family, or added here).
 * Reconvened conferences are scheduled from the adjourned conference, so they are not offered
 * here. A new family or child that matches one already in the register is offered in its place
 * ("Use Cara Jones, born 1 June 2018, Jones family"), or confirmed as someone else, as the user
 * moves on from its fields and again before the conference is created.
 */
export function CreateConferencePage() {
  const { settings } = useSettings();
  const [type, setType] = useState('');
  const [date, setDate] = useState<DateParts>(EMPTY_DATE);
  const [time, setTime] = useState('');
  const [venue, setVenue] = useState('');
  // null until edited: the chair defaults to the register's user, who may load after this page.
  const [chairName, setChairName] = useState<string | null>(null);

  const [familySearch, setFamilySearch] = useState('');
  const [searchNow, setSearchNow] = useState<string | null>(null);
  const [familyChoice, setFamilyChoice] = useState('');
  const [chosenFamily, setChosenFamily] = useState<Family | null>(null);
  const [newFamily, setNewFamily] = useState({ name: '', caseReference: '' });
  const [childIds, setChildIds] = useState<string[]>([]);
  const [newChildren, setNewChildren] = useState<NewChildDraft[]>([]);
  const [focusChildKey, setFocusChildKey] = useState<number | null>(null);
  const nextKey = useRef(1);
  const addChildButton = useRef<HTMLButtonElement>(null);

  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const duplicates = useDuplicateOffers();
  // What the user answered about each offer: said in place of it, and focused.
  const [different, setDifferent] = useState<ReadonlyMap<number | 'family', string>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  // Focus moves once the render that shows its target is done (every answer changes some state).
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    const element = document.getElementById(focusNext.current);
    if (element) {
      focusNext.current = null;
      element.focus();
    }
  });
  const setFocusId = (id: string) => {
    focusNext.current = id;
  };

  const typed = useDebouncedValue(familySearch.trim(), 250);
  const search = searchNow !== null && searchNow === familySearch.trim() ? searchNow : typed;
  const families = useApi('families.search', { search });
  const found = search ? (families.data ?? []) : [];

  const existingFamily = familyChoice !== NEW_FAMILY ? chosenFamily : null;
  const familyChildren = existingFamily?.children ?? [];

  // The chosen family stays listed while the user searches for something else.
  const listed = chosenFamily && !found.some((f) => f.id === chosenFamily.id) ? [chosenFamily, ...found] : found;
  const familyItems: RadioItem[] = [
    ...listed.map((family) => ({ value: String(family.id), label: family.name, hint: familyHint(family) })),
    {
      value: NEW_FAMILY,
      label: 'New family',
      hint: 'A family not yet in the register',
      dividerBefore: listed.length > 0 ? 'or' : undefined,
      conditional: (
        <div onBlur={leaving(() => void refreshMatches())}>
          <TextInput
            id="family-name"
            label="Family name"
            value={newFamily.name}
            onChange={(name) => setNewFamily((f) => ({ ...f, name }))}
            error={errorFor(errors, 'family-name')}
            widthClassName="govuk-input--width-20"
            spellCheck={false}
          />
          <TextInput
            id="family-caseReference"
            label="Family case reference (optional)"
            value={newFamily.caseReference}
            onChange={(caseReference) => setNewFamily((f) => ({ ...f, caseReference }))}
            error={errorFor(errors, 'family-caseReference')}
            widthClassName="govuk-input--width-10"
            spellCheck={false}
          />
        </div>
      ),
    },
  ];

  /** The new family as `families.matches` takes it, when one is being added. */
  function familyToMatch(): { name: string; caseReference: string | null } | null {
    if (familyChoice !== NEW_FAMILY || newFamily.name.trim() === '') return null;
    return { name: newFamily.name.trim(), caseReference: newFamily.caseReference.trim() || null };
  }

  function refreshMatches(children: readonly NewChildDraft[] = newChildren) {
    return duplicates.check(
      familyToMatch(),
      children.map(childToMatch).filter((c) => c !== null),
    );
  }

  /** Switches to the family in the register, with the matching child selected in place of the new one. */
  async function chooseExisting(offer: Offer) {
    const { family, child } = offer.match;
    const searched = await invoke('families.search', { search: family.caseReference ?? family.name });
    const full: Family = (searched.ok ? searched.value.find((f) => f.id === family.id) : undefined) ?? {
      ...family,
      children: child ? [child] : [],
    };
    const sameFamily = existingFamily?.id === full.id;
    setChosenFamily(full);
    setFamilyChoice(String(full.id));
    const remaining = offer.draftKey === null ? newChildren : newChildren.filter((c) => c.key !== offer.draftKey);
    setNewChildren(remaining);
    setErrors([]);
    duplicates.drop((o) => o.draftKey === null || o.draftKey === offer.draftKey);
    if (child) {
      const id = String(child.id);
      setChildIds((previous) => (sameFamily ? [...previous.filter((v) => v !== id), id] : [id]));
      const at = Math.max(
        0,
        full.children.findIndex((c) => c.id === child.id),
      );
      setAnnouncement(`${offerWords(offer.match)}: selected for this conference.`);
      setFocusId(optionId('childIds', at));
    } else {
      if (!sameFamily) setChildIds([]);
      setAnnouncement(`The ${family.name} family is chosen.`);
      setFocusId(optionId('family', 0));
    }
  }

  function differentFrom(draftKey: number | null, offers: readonly Offer[], index?: number) {
    duplicates.dismiss(offers.map((o) => o.key));
    setErrors((list) => list.filter((e) => !e.fieldId.endsWith('-match')));
    const names = offers.map((o) => offerWords(o.match)).join('; ');
    setDifferent((previous) =>
      new Map(previous).set(draftKey ?? 'family', `Noted: not the same as ${names}. A new record will be made.`),
    );
    setFocusId(draftKey === null ? 'family-different' : `newChildren-${index ?? 0}-different`);
  }

  function chooseFamily(value: string) {
    setFamilyChoice(value);
    setChildIds([]);
    if (value !== NEW_FAMILY) setChosenFamily(listed.find((f) => String(f.id) === value) ?? null);
  }

  function addChild() {
    const key = nextKey.current;
    nextKey.current += 1;
    const lastName = existingFamily?.name ?? (familyChoice === NEW_FAMILY ? newFamily.name.trim() : '');
    setNewChildren((list) => [
      ...list,
      { key, givenName: '', familyName: lastName, unborn: false, date: EMPTY_DATE, caseReference: '' },
    ]);
    setFocusChildKey(key);
  }

  function removeChild(key: number) {
    setNewChildren((list) => list.filter((c) => c.key !== key));
    duplicates.drop((o) => o.draftKey === key);
    // Ids of the later children shift down, so their messages would point at the wrong child.
    setErrors((list) => list.filter((e) => !e.fieldId.startsWith('newChildren-')));
    addChildButton.current?.focus();
  }

  const childrenTarget = familyChildren.length > 0 ? 'childIds' : 'add-child';
  function fieldFor(path: string): FieldRef {
    if (path === 'date') return { fieldId: 'date', targetId: 'date-day' };
    if (path === 'family' || path === 'family.id') return 'family';
    if (path === 'children' || path.startsWith('childIds')) return { fieldId: 'children', targetId: childrenTarget };
    const child = /^newChildren\.(\d+)\.(dateOfBirth|expectedDate)$/.exec(path);
    if (child) return { fieldId: `newChildren-${child[1]}-date`, targetId: `newChildren-${child[1]}-date-day` };
    const whole = /^newChildren\.(\d+)$/.exec(path);
    if (whole) return { fieldId: `newChildren-${whole[1]}`, targetId: `newChildren-${whole[1]}-givenName` };
    return pathToId(path);
  }

  /** An offer not yet answered, as a problem: in the summary, and beside the offer. */
  function offerErrors(open: readonly Offer[]): FormError[] {
    const errorsFound: FormError[] = [];
    const seen = new Set<string>();
    for (const o of open) {
      const index = o.draftKey === null ? -1 : newChildren.findIndex((c) => c.key === o.draftKey);
      const id = index < 0 ? 'family-match' : `newChildren-${index}-match`;
      if (seen.has(id)) continue;
      seen.add(id);
      errorsFound.push({ fieldId: id, targetId: `${id}-use-0`, message: matchMessage(o.match) });
    }
    return errorsFound;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const draft = {
      type: type || undefined,
      date: datePartsToString(date),
      time,
      venue,
      chairName: chairName ?? settings?.userName ?? '',
      family: familyChoice === NEW_FAMILY ? newFamily : existingFamily ? { id: existingFamily.id } : undefined,
      childIds: existingFamily ? childIds.map(Number) : [],
      newChildren: newChildren.map((c) => ({
        givenName: c.givenName,
        familyName: c.familyName,
        dateOfBirth: c.unborn ? null : datePartsToString(c.date),
        expectedDate: c.unborn ? datePartsToString(c.date) : null,
        caseReference: c.caseReference,
      })),
    };
    // The same schema the register applies: its messages at once, without a round trip.
    const parsed = conferenceInputSchema.safeParse(draft);
    setBusy(true);
    // Records the register already holds are asked about whatever else is wrong, so every
    // problem (and every offer) shows at once.
    const found = await refreshMatches();
    const open = (found ?? []).filter((o) => !duplicates.dismissed.has(o.key));
    if (!parsed.success) {
      setBusy(false);
      setErrors([...errorsFromIssues(issuesFromZod(parsed.error), fieldFor), ...offerErrors(open)]);
      return;
    }
    // Dates the register would refuse, and records it already holds, shown together.
    const problems = [...errorsFromIssues(dateIssues(parsed.data), fieldFor), ...offerErrors(open)];
    if (problems.length > 0) {
      setBusy(false);
      setErrors(problems);
      return;
    }
    // Every match shown has been answered "different": the register is told so.
    const result = await invoke('conferences.create', { ...parsed.data, confirmedNew: (found ?? []).length > 0 });
    setBusy(false);
    if (result.ok) {
      navigate(`/conferences/${result.value.id}`, { heading: 'Conference created' });
    } else if (result.error.code === 'conflict') {
      // The register found a match this screen had not been shown: offer it.
      const again = await refreshMatches();
      const unanswered = (again ?? []).filter((o) => !duplicates.dismissed.has(o.key));
      setErrors(unanswered.length > 0 ? offerErrors(unanswered) : errorsFromApi(result.error, fieldFor));
    } else {
      setErrors(errorsFromApi(result.error, fieldFor));
    }
  }

  const childrenError = errorFor(errors, 'children');
  return (
    <Page title="Create a conference" errors={errors}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Radios
          id="type"
          legend="Type of conference"
          legendClassName="govuk-fieldset__legend--m"
          legendAsHeading="h2"
          hint="A reconvened conference is scheduled from the adjourned conference’s page, so it is held within its limit."
          items={[
            { value: 'initial', label: 'Initial', hint: 'The first conference after a section 47 enquiry' },
            { value: 'review', label: 'Review', hint: 'A later conference for children with a plan' },
          ]}
          value={type}
          onChange={setType}
          error={errorFor(errors, 'type')}
        />

        <h2 className="govuk-heading-m">When and where</h2>
        <WhenAndWhereFields
          date={date}
          time={time}
          venue={venue}
          chairName={chairName ?? settings?.userName ?? ''}
          onDate={setDate}
          onTime={setTime}
          onVenue={setVenue}
          onChairName={setChairName}
          errors={errors}
          venueHint="For example, Civic Centre room 2, or Online"
          chairHint="The independent chair who leads the conference"
        />

        <h2 className="govuk-heading-m">Family</h2>
        <TextInput
          id="family-search"
          label="Find a family"
          labelClassName="govuk-label--s"
          hint="Family name, case reference or a child’s name"
          type="search"
          value={familySearch}
          onChange={setFamilySearch}
          widthClassName="govuk-input--width-20"
          onKeyDown={(event) => {
            // Enter searches here rather than submitting the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              setSearchNow(familySearch.trim());
            }
          }}
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setSearchNow(familySearch.trim())}
        >
          Search<span className="govuk-visually-hidden"> families</span>
        </button>
        <p className="govuk-body" role="status">
          {search && families.data && !families.loading
            ? found.length === 0
              ? `No families match “${search}”.`
              : `${plural(found.length, 'family', 'families')} found.`
            : ''}
        </p>
        <Radios
          id="family"
          legend="Choose the family"
          legendClassName="govuk-fieldset__legend--s"
          hint={listed.length === 0 ? 'Find a family already in the register, or add a new one.' : undefined}
          items={familyItems}
          value={familyChoice}
          onChange={chooseFamily}
          error={errorFor(errors, 'family')}
        />
        {familyChoice === NEW_FAMILY && (
          <>
            <MatchOffer
              id="family-match"
              offers={duplicates.open.filter((o) => o.draftKey === null)}
              subject="family"
              error={errorFor(errors, 'family-match')}
              onUse={(offer) => void chooseExisting(offer)}
              onDifferent={() =>
                differentFrom(
                  null,
                  duplicates.open.filter((o) => o.draftKey === null),
                )
              }
            />
            {different.get('family') && duplicates.open.every((o) => o.draftKey !== null) && (
              <p className="govuk-body app-secondary-text" id="family-different" tabIndex={-1}>
                {different.get('family')}
              </p>
            )}
          </>
        )}
        <p className="govuk-visually-hidden" role="status">
          {announcement}
        </p>

        <h2 className="govuk-heading-m">Children</h2>
        <div className={childrenError && familyChildren.length === 0 ? 'govuk-form-group govuk-form-group--error' : ''}>
          {familyChildren.length > 0 ? (
            <Checkboxes
              id="childIds"
              legend={`Children in the ${existingFamily?.name ?? ''} family`}
              legendClassName="govuk-fieldset__legend--s"
              hint="Select each child this conference considers, and add any child not listed."
              items={familyChildren.map((child) => ({ value: String(child.id), label: childLabel(child) }))}
              values={childIds}
              onChange={setChildIds}
              error={childrenError}
            />
          ) : (
            <>
              <p className="govuk-body">
                {existingFamily
                  ? 'No children are recorded for this family yet. Add each child this conference considers.'
                  : 'Add each child this conference considers.'}
              </p>
              <ErrorMessage id="children" message={childrenError} />
            </>
          )}
          {newChildren.map((child, index) => (
            <NewChildFields
              key={child.key}
              index={index}
              child={child}
              errors={errors}
              focusOnMount={focusChildKey === child.key}
              onChange={(changed) => setNewChildren((list) => list.map((c) => (c.key === child.key ? changed : c)))}
              onRemove={() => removeChild(child.key)}
              offers={duplicates.open.filter((o) => o.draftKey === child.key)}
              confirmedDifferent={different.get(child.key) ?? null}
              onLeave={() => void refreshMatches()}
              onUse={(offer) => void chooseExisting(offer)}
              onDifferent={() =>
                differentFrom(
                  child.key,
                  duplicates.open.filter((o) => o.draftKey === child.key),
                  index,
                )
              }
            />
          ))}
          <button
            type="button"
            id="add-child"
            ref={addChildButton}
            className="govuk-button govuk-button--secondary"
            aria-describedby={childrenError && familyChildren.length === 0 ? 'children-error' : undefined}
            onClick={addChild}
          >
            Add a child
          </button>
        </div>

        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Create conference
          </button>
          <a href="#/conferences" className="govuk-link">
            Cancel
          </a>
        </div>
      </form>
    </Page>
  );
}
