/**
 * What a leaderboard ranks: one unit kind, or a group of kinds that are siblings in the wilayah tree
 * (a province's kabupaten and kota; a kecamatan's desa and kelurahan).
 */
export const LEADERBOARD_KINDS = [
  'provinsi',
  'kabupaten_kota',
  'kabupaten',
  'kota',
  'kecamatan',
  'desa_kelurahan',
  'kelurahan',
  'desa',
  'opd',
  'bumd',
  'puskesmas',
] as const;
export type LeaderboardKind = (typeof LEADERBOARD_KINDS)[number];

const GROUPS: Partial<Record<LeaderboardKind, string[]>> = {
  kabupaten_kota: ['kabupaten', 'kota'],
  desa_kelurahan: ['desa', 'kelurahan'],
};

export function unitKindsOf(kind: LeaderboardKind): string[] {
  return GROUPS[kind] ?? [kind];
}

/** The default of a leaderboard under `parentKind`: the wilayah level right below it (its own children). */
export function childLevelOf(parentKind: string): LeaderboardKind {
  switch (parentKind) {
    case 'nasional':
      return 'provinsi';
    case 'provinsi':
      return 'kabupaten_kota';
    case 'kabupaten':
    case 'kota':
      return 'kecamatan';
    case 'kecamatan':
      return 'desa_kelurahan';
    default:
      return 'opd';
  }
}

/** What a unit is ranked among in its parent's leaderboard (the monthly report's position). */
export function siblingKindOf(kind: string): LeaderboardKind {
  return kind === 'kabupaten' || kind === 'kota' ? 'kabupaten_kota' : (kind as LeaderboardKind);
}
