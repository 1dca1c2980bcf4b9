import { Foundation1763800000000 } from './1763800000000-foundation';

/** Every migration, in order. Listed by hand so the same list works compiled, under jest and in the CLI. */
export const MIGRATIONS = [Foundation1763800000000];
