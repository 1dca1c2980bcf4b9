import type { Membership } from '../../auth/session';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: 'id' | 'en';
  disabled: boolean;
  memberships: Membership[];
}

export interface UnitOption {
  id: string;
  name: string;
  code: string | null;
  kind: string;
}

export const ROLES = ['admin', 'reviewer', 'viewer'] as const;
