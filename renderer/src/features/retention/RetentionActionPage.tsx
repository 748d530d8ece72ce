import { useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { MAX_REASON } from '../../../../shared/schemas/limits';
import {
  eraseInputSchema,
  holdInputSchema,
  liftHoldInputSchema,
  type RetentionEntry,
} from '../../../../shared/schemas/retention';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatDate, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { errorFor, errorsFromApi, errorsFromIssues, type FieldRef, type FormError } from '../../components/form-errors';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { WarningText } from '../../components/WarningText';

type Action = 'hold' | 'lift' | 'erase';

const TITLES: Record<Action, string> = {
  hold: 'Place a legal hold',
  lift: 'Lift the legal hold',
  erase: 'Erase this family’s records',
};

const fieldFor = (path: string): FieldRef =>
  path === 'reason' || path === 'confirm' ? path : { fieldId: path, targetId: null };

function HoldForm({ entry, action }: { entry: RetentionEntry; action: 'hold' | 'lift' }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const schema = action === 'hold' ? holdInputSchema : liftHoldInputSchema;
    const parsed = schema.safeParse({ familyId: entry.familyId, reason });
    if (!parsed.success) {
      setErrors(errorsFromIssues(issuesFromZod(parsed.error), fieldFor));
      return;
    }
    setBusy(true);
    const result = await invoke(action === 'hold' ? 'retention.placeHold' : 'retention.liftHold', parsed.data);
    setBusy(false);
    if (!result.ok) {
      setErrors(errorsFromApi(result.error, fieldFor));
      return;
    }
    navigate('/retention', {
      heading: action === 'hold' ? 'Legal hold placed' : 'Legal hold lifted',
      body:
        action === 'hold'
          ? `${entry.familyName}: the records cannot be erased until the hold is lifted.`
          : `${entry.familyName}: the records are kept until ${formatDate(entry.retentionDate)}.`,
    });
  }

  return (
    <Page title={TITLES[action]} caption={entry.familyName} errors={errors}>
      {action === 'hold' ? (
        <p className="govuk-body">
          A legal hold keeps the family’s records past their retention date ({formatDate(entry.retentionDate)}) until it
          is lifted: for a claim, an inquiry, a complaint or a request for the records.
        </p>
      ) : (
        entry.hold && (
          <p className="govuk-body">
            Held since {formatDate(entry.hold.placedAt.slice(0, 10))} by {entry.hold.placedBy}: {entry.hold.reason}
          </p>
        )
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Textarea
          id="reason"
          label={action === 'hold' ? 'Why are the records held?' : 'Why is the hold lifted?'}
          labelClassName="govuk-label--m"
          value={reason}
          onChange={setReason}
          error={errorFor(errors, 'reason')}
          rows={3}
          characterLimit={MAX_REASON}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            {action === 'hold' ? 'Place the hold' : 'Lift the hold'}
          </button>
          <a href="#/retention" className="govuk-link">
            Back to retention
          </a>
        </div>
      </form>
    </Page>
  );
}

function EraseForm({ entry }: { entry: RetentionEntry }) {
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = eraseInputSchema.safeParse({ familyId: entry.familyId, confirm });
    if (!parsed.success) {
      setErrors(errorsFromIssues(issuesFromZod(parsed.error), fieldFor));
      return;
    }
    setBusy(true);
    const result = await invoke('retention.erase', parsed.data);
    setBusy(false);
    if (!result.ok) {
      setErrors(errorsFromApi(result.error, fieldFor));
      return;
    }
    const rows = Object.values(result.value.counts).reduce((a, b) => a + b, 0);
    navigate('/retention', {
      heading: 'Records erased',
      body:
        `${plural(rows, 'row', 'rows')} erased for good; the audit trail keeps that they were erased, with no names.` +
        (result.value.documentRecordsErased > 0
          ? ` ${plural(result.value.documentRecordsErased, 'letter or form was', 'letters or forms were')} made for these records: the files are outside the register and were not deleted.`
          : ''),
    });
  }

  if (entry.hold || !entry.pastRetention) {
    return (
      <Page title={TITLES.erase} caption={entry.familyName}>
        <p className="govuk-body">
          {entry.hold
            ? 'These records are on legal hold: lift the hold before erasing them.'
            : `These records are kept until ${formatDate(entry.retentionDate)}: they cannot be erased before then.`}
        </p>
        <a href="#/retention" className="govuk-link">
          Back to retention
        </a>
      </Page>
    );
  }

  return (
    <Page title={TITLES.erase} caption={entry.familyName} errors={errors}>
      <p className="govuk-body">
        Last record {formatDate(entry.lastRecordOn)}; kept until {formatDate(entry.retentionDate)}.
      </p>
      <WarningText>
        Everything the register holds about this family is erased for good: its children, conferences, views, decisions,
        escalations, corrections and the records of letters made for them. It cannot be undone. Letters and exports
        already saved as files are not deleted.
      </WarningText>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextInput
          id="confirm"
          label="Type the family name to confirm"
          labelClassName="govuk-label--m"
          hint={`Type ${entry.familyName}`}
          value={confirm}
          onChange={setConfirm}
          error={errorFor(errors, 'confirm')}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning">
            Erase for good
          </button>
          <a href="#/retention" className="govuk-link">
            Keep the records
          </a>
        </div>
      </form>
    </Page>
  );
}

/** One action on a family's retention: place a hold, lift it, or erase the records. */
export function RetentionActionPage({ familyId, action }: { familyId: number; action: Action }) {
  const { data, error } = useApi('retention.list', { pastOnly: false, offset: 0, limit: 500 });
  const entry = data?.families.find((f) => f.familyId === familyId);
  if (!entry) {
    return (
      <Page title={TITLES[action]}>
        {error ? (
          <p className="govuk-error-message">The family could not be loaded: {error.message}</p>
        ) : data ? (
          <p className="govuk-body">No family with number {familyId}.</p>
        ) : (
          <p className="govuk-body">Loading…</p>
        )}
        <a href="#/retention" className="govuk-link">
          Back to retention
        </a>
      </Page>
    );
  }
  if (action === 'erase') return <EraseForm entry={entry} />;
  return <HoldForm entry={entry} action={action} />;
}
