import { Foundation1763800000000 } from './1763800000000-foundation';
import { Users1763800100000 } from './1763800100000-users';
import { Accounts1763800200000 } from './1763800200000-accounts';

/** Every migration, in order. Listed by hand so the same list works compiled, under jest and in the CLI. */
export const MIGRATIONS = [Foundation1763800000000, Users1763800100000, Accounts1763800200000];
