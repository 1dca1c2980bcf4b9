import { Role } from '../entities/membership.entity';

/** Who is calling: the user and every role they hold, with the path of the unit it is held on. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  locale: 'id' | 'en';
  memberships: Array<{ unitId: string; role: Role; path: string; isRoot: boolean }>;
}
