import { ScopeUnit } from './units';
import { LEADERBOARD_KINDS } from './LeaderboardSection';

/** Whom to rank the unit against: its own children when it has some in view, else its siblings (the API's default is the caller's top unit). */
export function leaderboardParent(unit: ScopeUnit | undefined, units: ScopeUnit[], byId: Map<string, ScopeUnit>): string | undefined {
  if (!unit) return undefined;
  if (units.some((u) => u.parentId === unit.id)) return unit.id;
  return unit.parentId && byId.has(unit.parentId) ? unit.parentId : undefined;
}

/** The wilayah level right below a unit of this kind (its own children), as a leaderboard kind. */
const LEVEL_BELOW: Record<string, string> = { nasional: 'provinsi', provinsi: 'kabupaten_kota', kabupaten: 'kecamatan', kecamatan: 'desa_kelurahan' };

/**
 * The tab to open: the level right below the unit (a province ranks its kabupaten/kota, a kabupaten its kecamatan);
 * a kota ranks its kelurahan (the city's most watched level); a unit without children ranks its own kind.
 */
export function defaultKind(unit: ScopeUnit | undefined, units: ScopeUnit[]): string {
  if (!unit) return 'kelurahan';
  const children = units.filter((u) => u.parentId === unit.id);
  if (children.length) {
    if (unit.kind === 'kota') return 'kelurahan';
    if (LEVEL_BELOW[unit.kind]) return LEVEL_BELOW[unit.kind];
    const kinds: readonly string[] = LEADERBOARD_KINDS;
    return children.find((c) => kinds.includes(c.kind))?.kind ?? 'kelurahan';
  }
  return groupOf(unit.kind);
}

function groupOf(kind: string): string {
  return kind === 'kabupaten' || kind === 'kota' ? 'kabupaten_kota' : kind;
}

/**
 * The leaderboard's tabs under a parent: the levels and agencies that exist inside it, top down. Villages are one
 * tab: desa/kelurahan where both exist, else whichever does. Without a parent in view: the city's tabs.
 */
export function leaderboardKinds(parentId: string | undefined, units: ScopeUnit[]): string[] {
  if (!parentId) return [...LEADERBOARD_KINDS];
  const children = new Map<string, ScopeUnit[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const present = new Set<string>();
  const stack = [...(children.get(parentId) ?? [])];
  while (stack.length) {
    const u = stack.pop()!;
    present.add(u.kind);
    stack.push(...(children.get(u.id) ?? []));
  }
  const villages = present.has('desa') && present.has('kelurahan') ? 'desa_kelurahan' : present.has('desa') ? 'desa' : 'kelurahan';
  const order = ['provinsi', 'kabupaten_kota', 'kecamatan', villages, 'opd', 'bumd', 'puskesmas'];
  const has = (k: string) =>
    k === 'kabupaten_kota'
      ? present.has('kabupaten') || present.has('kota')
      : k === 'desa_kelurahan'
        ? present.has('desa') || present.has('kelurahan')
        : present.has(k);
  const kinds = order.filter(has);
  return kinds.length ? kinds : [...LEADERBOARD_KINDS];
}
