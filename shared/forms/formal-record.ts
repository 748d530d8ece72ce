import type { FormalRecord } from '../escalation-protocols';
import type { IssueLike } from './problems';

const RECORD_NAMES: Record<FormalRecord, string> = {
  appendix5: 'the Appendix 5 Professional Difference Escalation Record (Kirklees)',
  'croydon-notification': 'the Escalation Notification Form (Croydon)',
  'review-meeting-record': 'the written record of the Principal Officer review meeting (North Lincolnshire)',
  'child-file': 'records on the child’s file',
};

/**
 * Each protocol produces its own formal record, and an adjusted copy keeps its source's: a form
 * asked for an escalation under another protocol is refused, naming the record that protocol keeps.
 */
export function formalRecordProblem(
  wanted: FormalRecord,
  protocol: { name: string; record: FormalRecord },
): IssueLike | null {
  if (protocol.record === wanted) return null;
  return {
    path: 'protocol',
    message: `This escalation is under ${protocol.name}, which keeps ${RECORD_NAMES[protocol.record]}, not ${RECORD_NAMES[wanted]}`,
  };
}
