// Org's read model for other contexts: SQL over units, memberships and users embedded in their statements.

/** User ids (column `user_id`) of the enabled admins of the unit and of every unit above it. */
export const unitAdminsSql = (unitId: string) =>
  `SELECT m.user_id FROM units u JOIN memberships m ON m.role = 'admin' JOIN units mu ON mu.id = m.unit_id AND u.path LIKE mu.path || '%'
    JOIN users us ON us.id = m.user_id AND NOT us.disabled WHERE u.id = ${unitId}`;

/** User ids (column `user_id`) of the enabled user `userId` (none when absent or disabled). */
export const enabledUserSql = (userId: string) => `SELECT id AS user_id FROM users WHERE id = ${userId} AND NOT disabled`;

/** The unit's name. */
export const unitNameSql = (unitId: string) => `(SELECT name FROM units WHERE id = ${unitId})`;
