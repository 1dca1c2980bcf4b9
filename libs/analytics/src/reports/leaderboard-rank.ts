export const LEADERBOARD_SORTS = [
  'followers',
  'followersGrowthPct',
  'engagementRate',
  'postsPublished',
  'consistencyWeeks',
  'lastPostAt',
  'programShare',
  'unitName',
] as const;
export type LeaderboardSort = (typeof LEADERBOARD_SORTS)[number];

type Sortable = { unitId: string; unitName: string } & Partial<Record<LeaderboardSort, string | number | null>>;

/**
 * Rank 1..n by `sort` in `dir`; a missing value (no data) ranks after every value in either direction;
 * ties go by unit name, then id, so the order is total and stable between periods.
 */
export function rankBy<T extends Sortable>(rows: T[], sort: LeaderboardSort, dir: 'asc' | 'desc'): Map<string, number> {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: T, b: T) => a.unitName.localeCompare(b.unitName, 'id') || a.unitId.localeCompare(b.unitId);
  const sorted = [...rows].sort((a, b) => {
    const x = a[sort] ?? null;
    const y = b[sort] ?? null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const c = sort === 'unitName' ? String(x).localeCompare(String(y), 'id') : x < y ? -1 : x > y ? 1 : 0;
    return c ? sign * c : byName(a, b);
  });
  return new Map(sorted.map((r, i) => [r.unitId, i + 1]));
}
