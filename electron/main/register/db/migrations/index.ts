import { migration001 } from './001-initial';
import { migration002 } from './002-live-conference';
import { migration003 } from './003-agency-escalations';
import { migration004 } from './004-professional-escalations';
import { migration005 } from './005-documents-and-sharing';
import { migration006 } from './006-per-child-and-corrections';
import { migration007 } from './007-audit-chain';
import { migration008 } from './008-users';
import { migration009 } from './009-sharing-log-status';
import { migration010 } from './010-retention';
import { migration011 } from './011-record-versions';
import { migration012 } from './012-search-and-report-indexes';
import { migration013 } from './013-usual-agencies';
import type { Migration } from './types';

/** Every migration, in order, imported explicitly (no directory scanning at run time). */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
];
