import { Injectable } from '@nestjs/common';
import { AppError } from '@kabar/common';
import { AccessPolicy } from '../access/access-policy.service';
import { Principal } from '../access/principal';
import { MembershipEntity, Role } from '../entities/membership.entity';
import { UnitEntity } from '../entities/unit.entity';
import { UserEntity } from '../entities/user.entity';
import { ScopeFn, UsersRepository } from './users.repository';

const ADMIN = ['admin'] as const;

/**
 * Who may manage users (decided for issue #3):
 * - City admins (admin on the root unit): every user and every unit.
 * - Unit admins: see users holding a role inside their admin subtrees, and only those roles; create users
 *   and grant or remove roles only on units inside those subtrees; change, deactivate or reset the password
 *   of a user only when ALL of that user's roles lie inside those subtrees (a kelurahan admin cannot lock
 *   out the kecamatan admin above them).
 * - Reviewers and viewers: no user management (403).
 * Separation of duties (issue #13), so that review cannot be bypassed:
 * - Nobody grants, changes or removes their own roles (403), city admins included.
 * - `reviewer` on a unit is granted or removed only from above it: by an admin of a strictly higher unit,
 *   or by a city admin. A kelurahan admin can neither make themselves nor a new user reviewer of the kelurahan.
 * A user the caller cannot see is 404, like any object outside the caller's scope.
 */
@Injectable()
export class UserAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly users: UsersRepository,
  ) {}

  requireManager(p: Principal): void {
    if (!this.policy.paths(p, ADMIN).length) throw AppError.forbidden();
  }

  /** Restricts a membership query to the caller's admin subtrees; null for city admins (everyone). */
  scope(p: Principal): ScopeFn | null {
    if (this.policy.isCityAdmin(p)) return null;
    return (qb, col) => this.policy.scope(qb, p, col, ADMIN);
  }

  /** Which of a user's memberships the caller may see. */
  visibleMembership(p: Principal): (m: MembershipEntity) => boolean {
    return (m) => this.policy.covers(p, m.unit, ADMIN);
  }

  async requireVisibleUser(p: Principal, userId: string): Promise<UserEntity> {
    this.requireManager(p);
    const user = await this.users.findWithMemberships(userId);
    if (!user) throw AppError.notFound('users.notFound');
    if (this.policy.isCityAdmin(p)) return user;
    if (!user.memberships.some(this.visibleMembership(p))) throw AppError.notFound('users.notFound');
    return user;
  }

  /** A visible user the caller may change as a whole (name, deactivation, password reset). */
  async requireControlledUser(p: Principal, userId: string): Promise<UserEntity> {
    const user = await this.requireVisibleUser(p, userId);
    if (!this.policy.isCityAdmin(p) && !user.memberships.every(this.visibleMembership(p))) throw AppError.forbidden();
    return user;
  }

  /**
   * A unit the caller may grant `role` on (for `userId`, or a user being created): 404 when unseen, 403 when
   * seen without admin, for the caller's own roles, and for `reviewer` unless granted from above the unit.
   */
  async requireGrantableUnit(p: Principal, unitId: string, role: Role, userId?: string): Promise<UnitEntity> {
    const unit = await this.policy.requireUnit(p, unitId, ADMIN);
    this.requireSeparateDuties(p, unit, role, userId);
    return unit;
  }

  /** The same rules for removing a role (the membership's unit is already known to be visible). */
  requireRemovable(p: Principal, m: MembershipEntity): void {
    this.requireSeparateDuties(p, m.unit, m.role, m.userId);
  }

  private requireSeparateDuties(p: Principal, unit: UnitEntity, role: Role, userId: string | undefined): void {
    if (userId === p.userId) throw AppError.forbidden('users.ownMemberships');
    if (role === 'reviewer' && !this.policy.isCityAdmin(p) && !this.policy.coversFromAbove(p, unit, ADMIN)) throw AppError.forbidden('users.reviewerFromAbove');
  }
}
