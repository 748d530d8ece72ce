/**
 * The chair's screen in steps (issue 14, "One place at a time"): invitations and reports, then
 * attendance, then one step per child, then the decisions. Pure: given the conference as the
 * register holds it, which steps there are, which are done, and which one a plain
 * `#/conferences/12` opens. No DOM, no React, so it is unit-tested on its own.
 */

/** One step, as its route names it: `/before`, `/attendance`, `/children/34`, `/decisions`. */
export type ChairStepRef =
  { kind: 'before' } | { kind: 'attendance' } | { kind: 'child'; childId: number } | { kind: 'decisions' };

export interface ChairStep {
  ref: ChairStepRef;
  /** The step's name: in the step list, the Previous/Next links and the window title. */
  name: string;
  /** The path after `#`, e.g. `/conferences/12/children/34`. */
  path: string;
  done: boolean;
  /** The id of the step's heading (tabIndex -1), focused when the chair moves to the step. */
  headingId: string;
}

/** What the rules read: a narrow shape of `LiveConference`, so tests build it in a line. */
export interface StepsInput {
  conference: {
    id: number;
    status: 'scheduled' | 'concluded' | 'adjourned' | 'cancelled';
    future: boolean;
    reconvenedById: number | null;
  };
  invitations: readonly { attendance: string | null }[];
  children: readonly { id: number; givenName: string; familyName: string; recorded: unknown }[];
}

export function stepPath(conferenceId: number, ref: ChairStepRef): string {
  const base = `/conferences/${conferenceId}`;
  switch (ref.kind) {
    case 'before':
      return `${base}/before`;
    case 'attendance':
      return `${base}/attendance`;
    case 'child':
      return `${base}/children/${ref.childId}`;
    case 'decisions':
      return `${base}/decisions`;
  }
}

export function sameStep(a: ChairStepRef, b: ChairStepRef): boolean {
  return a.kind === b.kind && (a.kind !== 'child' || (b.kind === 'child' && a.childId === b.childId));
}

/**
 * What counts as done:
 * - before: at least one agency is invited;
 * - attendance: agencies are invited and every one has its attendance recorded;
 * - a child: the child's decision is recorded (the views alone are not the step's purpose);
 * - decisions: the conference is concluded, or adjourned with its reconvened conference
 *   scheduled (nothing more is left to do on this conference). A cancelled conference has
 *   nothing left to do either, but nothing was done: its decisions step stays "To do".
 */
export function chairSteps(live: StepsInput): ChairStep[] {
  const id = live.conference.id;
  const make = (ref: ChairStepRef, name: string, done: boolean, headingId: string): ChairStep => ({
    ref,
    name,
    path: stepPath(id, ref),
    done,
    headingId,
  });
  const { invitations, conference } = live;
  return [
    make({ kind: 'before' }, 'Invitations and reports', invitations.length > 0, 'invitations-heading'),
    make(
      { kind: 'attendance' },
      'Attendance',
      invitations.length > 0 && invitations.every((i) => i.attendance !== null),
      'attendance-heading',
    ),
    ...live.children.map((child) =>
      make(
        { kind: 'child', childId: child.id },
        `${child.givenName} ${child.familyName}`,
        child.recorded !== null,
        `child-${child.id}-heading`,
      ),
    ),
    make(
      { kind: 'decisions' },
      'Decisions',
      conference.status === 'concluded' || (conference.status === 'adjourned' && conference.reconvenedById !== null),
      'decisions-heading',
    ),
  ];
}

/**
 * The step a plain `#/conferences/12` opens: the decisions once the conference is decided
 * (concluded or adjourned) or cancelled; invitations while it is still to come; otherwise the
 * first step not done (the decisions when every other step is).
 */
export function defaultStep(live: StepsInput): ChairStepRef {
  const { status, future } = live.conference;
  if (status !== 'scheduled') return { kind: 'decisions' };
  if (future) return { kind: 'before' };
  return chairSteps(live).find((s) => !s.done)?.ref ?? { kind: 'decisions' };
}

/** The step shown for a route's step (null: the default), falling back to the default for a child not on this conference. */
export function resolveStep(live: StepsInput, requested: ChairStepRef | null): ChairStepRef {
  if (requested === null) return defaultStep(live);
  if (requested.kind === 'child' && !live.children.some((c) => c.id === requested.childId)) return defaultStep(live);
  return requested;
}

/**
 * The step holding a field an error summary links to (ids as the sections name them), or null
 * when the field is on every step or the step cannot be told.
 */
export function stepOfField(fieldId: string): ChairStepRef | null {
  if (fieldId.startsWith('reconvene-')) return { kind: 'decisions' };
  if (/^(?:attendance|all-attended|redate|inquorate|quoracy|other-issue|agency-escalation)/.test(fieldId))
    return { kind: 'attendance' };
  if (/^(?:invit|report-state|received-|remove-)/.test(fieldId)) return { kind: 'before' };
  const child =
    /^(?:all-views|copy|category|chair-decision|record|view-row|view|reasons|no-view|decision-summary|decision|child|preview)-(\d+)(?:-|$)/.exec(
      fieldId,
    );
  if (child?.[1] !== undefined) return { kind: 'child', childId: Number(child[1]) };
  return null;
}
