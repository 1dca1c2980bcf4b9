import { Role } from '../entities/membership.entity';

/** Who is calling: the user and every role they hold, with the path of the unit it is held on. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  locale: 'id' | 'en';
  /** `kind` of the unit the role is held on (absent where a caller builds a principal by hand: benches). */
  memberships: Array<{ unitId: string; role: Role; path: string; isRoot: boolean; kind?: string }>;
}
