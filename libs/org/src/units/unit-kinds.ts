import { UnitKind } from '../entities/unit.entity';

/** Governments with their own admins and Diskominfo: the country, a province, a kabupaten or kota. */
export const REGION_KINDS: readonly UnitKind[] = ['nasional', 'provinsi', 'kabupaten', 'kota'];
export const AGENCY_KINDS: readonly UnitKind[] = ['opd', 'bumd', 'puskesmas'];

/** The wilayah kinds a wilayah kind may hold directly; agencies may sit under any unit. */
const WILAYAH_CHILDREN: Partial<Record<UnitKind, readonly UnitKind[]>> = {
  nasional: ['provinsi'],
  provinsi: ['kabupaten', 'kota'],
  kabupaten: ['kecamatan'],
  kota: ['kecamatan'],
  kecamatan: ['kelurahan', 'desa'],
};

/** Whether a unit of `child` kind may be created under a unit of `parent` kind. */
export function mayHold(parent: UnitKind, child: UnitKind): boolean {
  if (child === 'nasional') return false;
  if (AGENCY_KINDS.includes(child)) return true;
  return (WILAYAH_CHILDREN[parent] ?? []).includes(child);
}

export function isRegion(kind: string): boolean {
  return (REGION_KINDS as readonly string[]).includes(kind);
}
