import { Foundation1763800000000 } from './1763800000000-foundation';
import { Users1763800100000 } from './1763800100000-users';
import { Accounts1763800200000 } from './1763800200000-accounts';
import { ContentCore1763800300000 } from './1763800300000-content-core';
import { ContentPlanner1763800400000 } from './1763800400000-content-planner';
import { Publishing1763800500000 } from './1763800500000-publishing';
import { AccountSnapshots1763800600000 } from './1763800600000-account-snapshots';
import { Analytics1763800700000 } from './1763800700000-analytics';
import { ExactlyOnce1763800800000 } from './1763800800000-exactly-once';
import { SessionsAndRateLimits1764900000000 } from './1764900000000-sessions-and-rate-limits';
import { MediaFacts1765200000000 } from './1765200000000-media-facts';
import { AduanCorrections1765000000000 } from './1765000000000-aduan-corrections';
import { NationalUnits1765100000000 } from './1765100000000-national-units';
import { AduanComments1765300000000 } from './1765300000000-aduan-comments';
import { AduanTickets1765400000000 } from './1765400000000-aduan-tickets';
import { AduanReplies1765500000000 } from './1765500000000-aduan-replies';
import { SharedLimits1765600000000 } from './1765600000000-shared-limits';

/** Every migration, in order. Listed by hand so the same list works compiled, under jest and in the CLI. */
export const MIGRATIONS = [
  Foundation1763800000000,
  Users1763800100000,
  Accounts1763800200000,
  ContentCore1763800300000,
  ContentPlanner1763800400000,
  Publishing1763800500000,
  AccountSnapshots1763800600000,
  Analytics1763800700000,
  ExactlyOnce1763800800000,
  SessionsAndRateLimits1764900000000,
  AduanCorrections1765000000000,
  NationalUnits1765100000000,
  MediaFacts1765200000000,
  AduanComments1765300000000,
  AduanTickets1765400000000,
  AduanReplies1765500000000,
  SharedLimits1765600000000,
];
