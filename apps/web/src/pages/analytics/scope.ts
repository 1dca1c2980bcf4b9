import { ScopeUnit } from './units';
import { LEADERBOARD_KINDS } from './LeaderboardSection';

/** Whom to rank the unit against: its own children when it has some in view, else its siblings (the API's default is the city). */
export function leaderboardParent(unit: ScopeUnit | undefined, units: ScopeUnit[], byId: Map<string, ScopeUnit>): string | undefined {
  if (!unit) return undefined;
  if (units.some((u) => u.parentId === unit.id)) return unit.id;
  return unit.parentId && byId.has(unit.parentId) ? unit.parentId : undefined;
}

/** The tab to open: kelurahan (the most numerous) for a unit with children, else the unit's own kind. */
export function defaultKind(unit: ScopeUnit | undefined, units: ScopeUnit[]): string {
  const kinds: readonly string[] = LEADERBOARD_KINDS;
  if (!unit) return 'kelurahan';
  const children = units.filter((u) => u.parentId === unit.id && kinds.includes(u.kind));
  if (children.length) return children.some((u) => u.kind === 'kecamatan' || u.kind === 'kelurahan') ? 'kelurahan' : children[0].kind;
  return kinds.includes(unit.kind) ? unit.kind : 'kelurahan';
}
