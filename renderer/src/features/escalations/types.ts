import type { Result } from '../../../../shared/ipc/result';
import type { Escalation } from '../../../../shared/schemas/escalation';
import type { FieldRef, FormError } from '../../components/form-errors';

export type Stage = Escalation['stages'][number];

/** What each form on the escalation page needs from the page: the page's errors, and a way to send a change. */
export interface FormProps {
  escalation: Escalation;
  errors: readonly FormError[];
  /** Sends a change; on success the page shows `done` in its success banner and answers true. */
  send(call: () => Promise<Result<Escalation>>, fieldFor: (path: string) => FieldRef, done: string): Promise<boolean>;
}
