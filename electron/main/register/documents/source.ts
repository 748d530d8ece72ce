import type { IssueLike } from '../../../../shared/forms/problems';
import type { DocumentKind, RecordEntity } from '../../../../shared/schemas/documents';
import type { Settings } from '../../../../shared/schemas/settings';
import type { AgencyEscalationsService } from '../services/agency-escalations-service';
import type { ServiceContext } from '../services/context';
import type { EscalationsService } from '../services/escalations-service';
import type { LiveConferenceService } from '../services/live-conference-service';

/** What a document source may read: the repositories named here and the services (read-only use). */
export interface SourceDeps {
  ctx: ServiceContext<'agencies' | 'agencyEscalations' | 'conferenceLetters' | 'conferences' | 'escalations'>;
  settings: () => Promise<Settings>;
  live: LiveConferenceService;
  escalations: EscalationsService;
  agencyEscalations: AgencyEscalationsService;
}

/** One document a source can make: the record it belongs to, its title and its file name. */
export interface Candidate {
  entity: RecordEntity;
  entityId: number;
  /** For per-period documents (Appendix 3); null otherwise. */
  periodFrom: string | null;
  periodTo: string | null;
  /** Shown in the app and recorded; may name the family (it stays inside the register). */
  title: string;
  /** Never a child's or family's name: file listings leave the register. ASCII, ends `.pdf`. */
  fileName: string;
}

export interface MakeOptions {
  /** YYYY-MM-DD: printed as the date of the document and fixed as the PDF's creation date. */
  generatedOn: string;
  /** Children's and families' names as initials. */
  initialsOnly: boolean;
  /** Encrypts the PDF; never stored. */
  password: string | null;
}

/**
 * A kind of form or letter: which records it is made for in a period, what stops one being made
 * (named before anything is written), and the PDF itself. Each kind keeps its model pure in
 * `shared/forms/` and its layout in `pdf/`; the source is the glue to the register.
 */
export interface DocumentSource {
  kind: DocumentKind;
  candidates(from: string, to: string): Promise<Candidate[]>;
  /** One record as a candidate (for a single form from the CLI or a record's page); undefined if none. */
  candidate(entityId: number, from: string | null, to: string | null): Promise<Candidate | undefined>;
  problems(candidate: Candidate, options: MakeOptions): Promise<IssueLike[]>;
  render(candidate: Candidate, options: MakeOptions): Promise<Buffer>;
}
