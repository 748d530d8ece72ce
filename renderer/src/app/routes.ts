import type { Channel } from '../../../shared/ipc/contract';
import { REPORT_NAMES, type ReportName } from '../../../shared/reports';
import type { ChairStepRef } from '../features/live-conference/chair-steps';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/schemas/documents';

/**
 * The choices on the Letters screen, kept in its route so that a trip to Settings to fix a
 * problem comes back to the same preview: the kind, the period, the documents the user unticked
 * (of those ready to make) and the output folder.
 */
export interface LettersChoices {
  kind: DocumentKind | null;
  from: string | null;
  to: string | null;
  unticked: readonly string[];
  folder: string | null;
}

/** The choices on the Export screen, kept in its route for the same reason: the agency and the period. */
export interface ExportChoices {
  agencyId: number | null;
  from: string | null;
  to: string | null;
}

/**
 * The app's screens, addressed by the URL hash (`#/agencies/12/edit`): the desktop app serves
 * the renderer from app://renderer/, which answers only real files, so only the hash can change
 * without a reload (and browser mode and a unit server serve the same one page).
 */
export type Route =
  | { name: 'home' }
  | { name: 'conferences' }
  | { name: 'conference-new' }
  /** The chair's screen at one of its steps (null: the default step for the conference's state). */
  | { name: 'conference'; id: number; step: ChairStepRef | null; focus?: 'reconvene' }
  | { name: 'conference-edit'; id: number }
  | { name: 'conference-cancel'; id: number }
  | { name: 'conference-delete'; id: number }
  | { name: 'decision-amend'; id: number; childId: number }
  | { name: 'adjournments' }
  | { name: 'due' }
  | { name: 'reports-outstanding' }
  | { name: 'escalations' }
  | { name: 'escalation-new'; conferenceId: number | null; childId: number | null; agencyId: number | null }
  | { name: 'escalation'; id: number; action: EscalationAction | null }
  | { name: 'returns'; from: string | null; to: string | null }
  | { name: 'agency-return'; agencyId: number; from: string | null; to: string | null }
  | { name: 'letters'; choices: LettersChoices }
  | { name: 'letters-export'; choices: ExportChoices }
  | { name: 'sharing-log' }
  | { name: 'agencies' }
  | { name: 'agency-new' }
  | { name: 'agency-edit'; id: number }
  | { name: 'reports'; report: ReportName | null; from: string | null; to: string | null }
  | { name: 'retention' }
  | { name: 'retention-action'; familyId: number; action: 'hold' | 'lift' | 'erase' }
  /** `field`: the field to focus on arrival; `returnTo`: the preview to go back to (a letters route). */
  | { name: 'settings'; field: string | null; returnTo: string | null }
  | { name: 'audit' }
  | { name: 'users' }
  | { name: 'user-new' }
  | { name: 'user'; userName: string }
  | { name: 'change-password' }
  | { name: 'not-found' };

/**
 * The one form an escalation's page shows (`#/escalations/12?action=respond`): each action has
 * its own address, so it can be linked to and Back leaves it.
 */
export const ESCALATION_ACTIONS = ['respond', 'escalate', 'close', 'add-action'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** The address of an escalation's page, or of one of its actions. */
export function escalationPath(id: number, action: EscalationAction | null = null): string {
  return `/escalations/${id}${action === null ? '' : `?action=${action}`}`;
}

export type Section =
  | 'home'
  | 'conferences'
  | 'escalations'
  | 'letters'
  | 'agencies'
  | 'reports'
  | 'retention'
  | 'settings'
  | 'audit'
  | 'users';

export interface NavItem {
  section: Section;
  text: string;
  href: string;
  /** The channel the section's page reads: shown only to users who may call it. */
  channel?: Channel;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'home', text: 'Home', href: '#/' },
  { section: 'conferences', text: 'Conferences', href: '#/conferences' },
  { section: 'escalations', text: 'Escalations', href: '#/escalations' },
  { section: 'letters', text: 'Letters and forms', href: '#/letters' },
  { section: 'agencies', text: 'Agencies', href: '#/agencies' },
  { section: 'reports', text: 'Reports', href: '#/reports', channel: 'reports.get' },
  { section: 'retention', text: 'Retention', href: '#/retention', channel: 'retention.list' },
  { section: 'settings', text: 'Settings', href: '#/settings' },
  { section: 'audit', text: 'Audit', href: '#/audit', channel: 'audit.list' },
  { section: 'users', text: 'Users', href: '#/users', channel: 'users.list' },
];

function toId(segment: string | undefined): number | null {
  if (segment === undefined || !/^[1-9]\d{0,15}$/.test(segment)) return null;
  return Number(segment);
}

/** A user's name in a path (`/users/Sam%20Okafor`), or null when it is not a valid escape. */
function decodeSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded.trim() === '' ? null : decoded;
  } catch {
    return null;
  }
}

/** The path of a user's page: names may hold spaces and apostrophes. */
export function userPath(name: string): string {
  return `/users/${encodeURIComponent(name)}`;
}

/** The route for a path such as `/conferences/12` (the hash without its `#`). */
export function parseRoute(fullPath: string): Route {
  // A few screens take a query after the path, such as `/escalations/new?conference=3&child=4`.
  const queryAt = fullPath.indexOf('?');
  const path = queryAt === -1 ? fullPath : fullPath.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : fullPath.slice(queryAt + 1));
  const parts = path.split('/').filter((p) => p !== '');
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'home' };
  // A report chosen on the Reports screen: `/reports?report=attendance&from=2025-12-01&to=2026-11-30`.
  if (first === 'reports' && parts.length === 1) {
    const report = REPORT_NAMES.find((r) => r === query.get('report')) ?? null;
    return { name: 'reports', report, from: isoOrNull(query.get('from')), to: isoOrNull(query.get('to')) };
  }
  if (first === 'letters' && parts.length === 1) return { name: 'letters', choices: lettersChoices(query) };
  if (first === 'letters' && parts.length === 2 && second === 'export')
    return { name: 'letters-export', choices: exportChoices(query) };
  if (first === 'settings' && parts.length === 1) return settingsRoute(query);
  if (parts.length === 1) {
    switch (first) {
      case 'conferences':
      case 'escalations':
      case 'agencies':
      case 'retention':
      case 'audit':
      case 'adjournments':
      case 'due':
      case 'reports-outstanding':
      case 'users':
        return { name: first };
      default:
        return { name: 'not-found' };
    }
  }
  if (first === 'account' && parts.length === 2 && second === 'password') return { name: 'change-password' };
  if (first === 'users' && parts.length === 2 && second !== undefined) {
    if (second === 'new') return { name: 'user-new' };
    const userName = decodeSegment(second);
    return userName === null ? { name: 'not-found' } : { name: 'user', userName };
  }
  if (first === 'conferences' && parts.length === 2) {
    if (second === 'new') return { name: 'conference-new' };
    const id = toId(second);
    return id === null ? { name: 'not-found' } : { name: 'conference', id, step: null };
  }
  if (first === 'conferences' && parts.length === 3) {
    const id = toId(second);
    if (id !== null) {
      switch (third) {
        // The chair's screen, opened at its form for scheduling the reconvened conference.
        case 'reconvene':
          return { name: 'conference', id, step: { kind: 'decisions' }, focus: 'reconvene' };
        // The chair's screen, one step at a time.
        case 'before':
        case 'attendance':
        case 'decisions':
          return { name: 'conference', id, step: { kind: third } };
        // Corrections to a scheduled conference, each on its own page.
        case 'edit':
          return { name: 'conference-edit', id };
        case 'cancel':
          return { name: 'conference-cancel', id };
        case 'delete':
          return { name: 'conference-delete', id };
      }
    }
  }
  // The chair's screen at one child's step: `/conferences/12/children/34`.
  if (first === 'conferences' && parts.length === 4 && third === 'children') {
    const id = toId(second);
    const childId = toId(parts[3]);
    if (id !== null && childId !== null) return { name: 'conference', id, step: { kind: 'child', childId } };
  }
  // Amending one child's recorded decision: `/conferences/12/children/34/amend`.
  if (first === 'conferences' && parts.length === 5 && third === 'children' && parts[4] === 'amend') {
    const id = toId(second);
    const childId = toId(parts[3]);
    if (id !== null && childId !== null) return { name: 'decision-amend', id, childId };
  }
  if (first === 'escalations') {
    const escalationRoute = parseEscalationRoute(parts.slice(1), query);
    if (escalationRoute) return escalationRoute;
  }
  if (first === 'letters' && parts.length === 2 && second === 'sharing-log') return { name: 'sharing-log' };
  if (first === 'retention' && parts.length === 3) {
    const familyId = toId(second);
    if (familyId !== null && (third === 'hold' || third === 'lift' || third === 'erase'))
      return { name: 'retention-action', familyId, action: third };
  }
  if (first === 'agencies') {
    if (parts.length === 2 && second === 'new') return { name: 'agency-new' };
    const id = toId(second);
    if (parts.length === 3 && third === 'edit' && id !== null) return { name: 'agency-edit', id };
  }
  return { name: 'not-found' };
}

function isoOrNull(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** At most this many unticked documents are carried in a route (a month's batch is a few dozen). */
const MAX_UNTICKED = 500;
/** A document's key (`agency:12:2025-10-01:2025-10-31`) is short; anything longer is not one. */
const MAX_KEY_LENGTH = 100;
/** A folder path longer than this is not one a user chose (Windows' long paths stop at 32,767). */
const MAX_FOLDER_LENGTH = 1000;

/** `/letters?kind=appendix3&from=…&to=…&untick=…&untick=…&folder=…`: anything not valid is dropped. */
function lettersChoices(query: URLSearchParams): LettersChoices {
  const kind = DOCUMENT_KINDS.find((k) => k === query.get('kind')) ?? null;
  const unticked = [...new Set(query.getAll('untick'))]
    .filter((key) => key !== '' && key.length <= MAX_KEY_LENGTH)
    .slice(0, MAX_UNTICKED);
  const folder = query.get('folder');
  return {
    kind,
    from: isoOrNull(query.get('from')),
    to: isoOrNull(query.get('to')),
    unticked,
    folder: folder === null || folder.trim() === '' || folder.length > MAX_FOLDER_LENGTH ? null : folder,
  };
}

/** `/letters/export?agency=3&from=…&to=…`. */
function exportChoices(query: URLSearchParams): ExportChoices {
  return {
    agencyId: toId(query.get('agency') ?? undefined),
    from: isoOrNull(query.get('from')),
    to: isoOrNull(query.get('to')),
  };
}

/**
 * `/settings?field=unitEmail&return=%2Fletters%3F…`. The field must look like an element id; the
 * return route must be the Letters or the Export screen, so the link back always says where it goes
 * ("Back to the preview") and a crafted address cannot send the user anywhere else.
 */
function settingsRoute(query: URLSearchParams): Route {
  const field = query.get('field');
  const returnTo = query.get('return');
  const returnName = returnTo !== null && returnTo.startsWith('/') ? parseRoute(returnTo).name : null;
  return {
    name: 'settings',
    field: field !== null && /^[A-Za-z][A-Za-z0-9-]{0,63}$/.test(field) ? field : null,
    returnTo: returnName === 'letters' || returnName === 'letters-export' ? returnTo : null,
  };
}

/** The Letters screen's path with its choices, the inverse of parsing it. */
export function lettersPath(choices: LettersChoices): string {
  const query = new URLSearchParams();
  if (choices.kind !== null) query.set('kind', choices.kind);
  if (choices.from !== null) query.set('from', choices.from);
  if (choices.to !== null) query.set('to', choices.to);
  for (const key of choices.unticked) query.append('untick', key);
  if (choices.folder !== null && choices.folder.trim() !== '') query.set('folder', choices.folder);
  return withQuery('/letters', query);
}

/** The Export screen's path with its choices. */
export function exportPath(choices: ExportChoices): string {
  const query = new URLSearchParams();
  if (choices.agencyId !== null) query.set('agency', String(choices.agencyId));
  if (choices.from !== null) query.set('from', choices.from);
  if (choices.to !== null) query.set('to', choices.to);
  return withQuery('/letters/export', query);
}

/** The Settings page opened at one field, with the way back to the preview that sent the user there. */
export function settingsFieldPath(field: string, returnTo: string | null): string {
  const query = new URLSearchParams({ field });
  if (returnTo !== null) query.set('return', returnTo);
  return withQuery('/settings', query);
}

function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** `/escalations/new`, `/escalations/12`, `/escalations/12?action=respond`, `/escalations/returns` and `/escalations/returns/3`. */
function parseEscalationRoute(rest: string[], query: URLSearchParams): Route | null {
  const [second, third] = rest;
  if (rest.length === 1 && second === 'new') {
    return {
      name: 'escalation-new',
      conferenceId: toId(query.get('conference') ?? undefined),
      childId: toId(query.get('child') ?? undefined),
      agencyId: toId(query.get('agency') ?? undefined),
    };
  }
  const from = isoOrNull(query.get('from'));
  const to = isoOrNull(query.get('to'));
  if (rest.length === 1 && second === 'returns') return { name: 'returns', from, to };
  if (rest.length === 2 && second === 'returns') {
    const agencyId = toId(third);
    return agencyId === null ? null : { name: 'agency-return', agencyId, from, to };
  }
  const id = toId(second);
  if (rest.length !== 1 || id === null) return null;
  // An unknown action shows the page itself, with what can be done next.
  const action = ESCALATION_ACTIONS.find((a) => a === query.get('action')) ?? null;
  return { name: 'escalation', id, action };
}

/**
 * Whether going from one route to the next keeps the screen mounted: a step of the chair's
 * screen to another step of the same conference keeps its data (the live conference, the save
 * queue, the refresh timer) and only the step shown changes.
 */
export function keepsScreen(from: Route, to: Route): boolean {
  return from.name === 'conference' && to.name === 'conference' && from.id === to.id;
}

/** Which item of the service navigation a route belongs to. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'home':
    case 'conferences':
    case 'escalations':
    case 'letters':
    case 'agencies':
    case 'reports':
    case 'retention':
    case 'settings':
    case 'audit':
      return route.name;
    case 'retention-action':
      return 'retention';
    case 'users':
      return route.name;
    case 'user-new':
    case 'user':
      return 'users';
    case 'change-password':
      return null;
    case 'conference-new':
    case 'conference':
    case 'conference-edit':
    case 'conference-cancel':
    case 'conference-delete':
    case 'decision-amend':
    case 'adjournments':
    case 'due':
    case 'reports-outstanding':
      return 'conferences';
    case 'agency-new':
    case 'agency-edit':
      return 'agencies';
    case 'letters-export':
    case 'sharing-log':
      return 'letters';
    case 'escalation-new':
    case 'escalation':
    case 'returns':
    case 'agency-return':
      return 'escalations';
    case 'not-found':
      return null;
  }
}
