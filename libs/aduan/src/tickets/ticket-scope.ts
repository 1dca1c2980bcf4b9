import { UnitScope } from '@kabar/org';

/**
 * Which tickets a caller sees, from the access policy's paths (a role on a unit covers its subtree): those routed
 * to a unit of theirs (an OPD), placed in it (a kelurahan, a kecamatan) or written on an account of it. Diskominfo,
 * on the city, sees all. Appends its parameters to `params`.
 */
export function ticketScopeSql(paths: string[], params: unknown[], alias = 't'): string {
  const scope = UnitScope.of(paths);
  if (scope.isEmpty) return 'false';
  params.push(scope.patterns);
  return `EXISTS (SELECT 1 FROM units su WHERE su.id IN (${alias}.agency_unit_id, ${alias}.place_unit_id, ${alias}.account_unit_id)
            AND ${scope.pathIn('su.path', `$${params.length}`)})`;
}
