/**
 * The longest free text the register keeps in each kind of field, in characters as zod's
 * `.max()` and `String.length` count them. The contract's schemas refuse anything longer; the
 * renderer's text boxes count down to the same numbers (GOV.UK character count), so both sides
 * take the limit from here.
 */

/** An agency's view's reasons, on the chair's screen (`live.setView`). */
export const MAX_REASONS = 20_000;

/** The chair's reason for going ahead without a quorum (`live.setInquorateReason`). */
export const MAX_INQUORATE_REASON = 5_000;

/**
 * The long texts of a professional escalation: details, outcome sought, concerns at a stage,
 * a response's summary, key learning, the restorative debrief.
 */
export const MAX_LONG_TEXT = 20_000;

/** An agency's response to an Appendix 3 return (`returns.recordResponse`). */
export const MAX_RETURN_RESPONSE = 20_000;

/** An escalation's agreed action. */
export const MAX_ACTION = 2_000;

/** The child's or family's address on an escalation. */
export const MAX_ADDRESS = 500;

/** Why records are shared, in the sharing log. */
export const MAX_SHARING_PURPOSE = 500;

/**
 * Reasons recorded in a sentence or two: why an agency gave no view, why a record is corrected,
 * cancelled or withdrawn, why an escalation starts at a later stage.
 */
export const MAX_REASON = 5_000;

/** The partnership's same-day contact for a child at immediate risk (Settings). */
export const MAX_SAME_DAY_CONTACT = 500;

/** Who attended a Principal Officer review meeting. */
export const MAX_ATTENDEES = 2_000;

/** The most items any list in one call may hold (children, views, agencies, closure days). */
export const MAX_LIST = 500;
