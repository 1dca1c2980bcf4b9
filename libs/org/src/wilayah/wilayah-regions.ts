import { NATIONAL_CODE, loadWilayah, timeZoneOf, zoneLabel } from './wilayah-file';

export interface WilayahRegion {
  code: string;
  name: string;
  kind: string;
  timeZone: string;
  zone: string | null;
  /** Rows of the file inside it, itself included. */
  units: number;
  kecamatan: number;
  /** desa + kelurahan inside it. */
  villages: number;
}

let sizes: Map<string, { units: number; kecamatan: number; villages: number }> | undefined;

/** Per province and kabupaten/kota (and the country): how many units, kecamatan and villages the file has inside. */
function regionSizes(): Map<string, { units: number; kecamatan: number; villages: number }> {
  if (sizes) return sizes;
  const out = new Map<string, { units: number; kecamatan: number; villages: number }>();
  const add = (code: string, kind: string) => {
    const s = out.get(code) ?? { units: 0, kecamatan: 0, villages: 0 };
    s.units++;
    if (kind === 'kecamatan') s.kecamatan++;
    if (kind === 'desa' || kind === 'kelurahan') s.villages++;
    out.set(code, s);
  };
  for (const r of loadWilayah().rows) {
    const parts = r.code.split('.');
    add(NATIONAL_CODE, r.kind);
    add(parts[0], r.kind);
    if (parts.length >= 2) add(parts.slice(0, 2).join('.'), r.kind);
  }
  sizes = out;
  return out;
}

/** The provinces (no parent) or the kabupaten/kota of one province, from the file, with their sizes. */
export function wilayahRegions(parent?: string): WilayahRegion[] {
  const all = regionSizes();
  const wanted = loadWilayah().rows.filter((r) => (parent ? r.parentCode === parent && (r.kind === 'kabupaten' || r.kind === 'kota') : r.kind === 'provinsi'));
  return wanted.map((r) => {
    const timeZone = timeZoneOf(r.code);
    return { code: r.code, name: r.name, kind: r.kind, timeZone, zone: zoneLabel(timeZone), ...all.get(r.code)! };
  });
}

/** The country's sizes, for the import page's "whole country" choice. */
export function nationalSize(): { units: number; kecamatan: number; villages: number } {
  return regionSizes().get(NATIONAL_CODE)!;
}
