import { createHash } from 'crypto';
import { DataSource } from 'typeorm';
import { PLATFORMS, PlatformName } from '@kabar/config';

/** One demo unit's sandbox accounts: `<prefix>_<platform>` handles, followers around `audience`. */
export interface DemoAccountSpec {
  unitCode: string;
  platforms: readonly PlatformName[];
  prefix: string;
  audience: number;
}

/** Offices, utilities and clinics with accounts (codes from config/seed/units-extra.json). */
const OFFICES: DemoAccountSpec[] = [
  { unitCode: '32.71.OPD.DISKOMINFO', platforms: PLATFORMS, prefix: 'diskominfo_bogor', audience: 40_000 },
  { unitCode: '32.71.OPD.DISPARBUD', platforms: ['instagram', 'facebook', 'tiktok', 'youtube'], prefix: 'disparbud_bogor', audience: 25_000 },
  { unitCode: '32.71.OPD.DISHUB', platforms: ['instagram', 'x'], prefix: 'dishub_bogor', audience: 15_000 },
  { unitCode: '32.71.OPD.DLH', platforms: ['instagram', 'facebook'], prefix: 'dlh_bogor', audience: 8_000 },
  { unitCode: '32.71.OPD.DINKES', platforms: ['instagram', 'facebook'], prefix: 'dinkes_bogor', audience: 12_000 },
  { unitCode: '32.71.OPD.SATPOLPP', platforms: ['instagram'], prefix: 'satpolpp_bogor', audience: 9_000 },
  { unitCode: '32.71.BUMD.TIRTAPAKUAN', platforms: ['instagram', 'facebook'], prefix: 'tirtapakuan', audience: 10_000 },
  { unitCode: '32.71.PKM.SEMPUR', platforms: ['instagram'], prefix: 'pkm_sempur', audience: 1_500 },
  { unitCode: '32.71.PKM.BOGORTIMUR', platforms: ['instagram', 'facebook'], prefix: 'pkm_bogortimur', audience: 1_800 },
];

/** Kelurahan that also run a Facebook page and a Telegram channel (the demo's first two). */
const BUSY_KELURAHAN: Record<string, string> = { '32.71.03.1006': 'kel_sempur', '32.71.01.1001': 'kel_batutulis' };

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24);

/**
 * The demo's sandbox accounts: every kelurahan on Instagram, every kecamatan on Instagram and Facebook, some
 * offices on one to four platforms, Diskominfo on all eight. Units missing from the database are skipped.
 */
export async function demoAccountSpecs(ds: DataSource): Promise<DemoAccountSpec[]> {
  const units: Array<{ code: string; name: string; kind: string }> = await ds.query(
    `SELECT code, name, kind FROM units WHERE kind IN ('kecamatan', 'kelurahan') AND code IS NOT NULL ORDER BY code`,
  );
  const wilayah: DemoAccountSpec[] = units.map((u) =>
    u.kind === 'kecamatan'
      ? { unitCode: u.code, platforms: ['instagram', 'facebook'], prefix: `kec_${slug(u.name)}`, audience: 4_000 }
      : BUSY_KELURAHAN[u.code]
        ? { unitCode: u.code, platforms: ['instagram', 'facebook', 'telegram'], prefix: BUSY_KELURAHAN[u.code], audience: 2_000 }
        : { unitCode: u.code, platforms: ['instagram'], prefix: `kel_${slug(u.name)}`, audience: 1_200 },
  );
  return [...OFFICES, ...wilayah];
}

/** Platforms' relative audience of one office (Instagram first). */
export const PLATFORM_AUDIENCE: Record<PlatformName, number> = {
  instagram: 1,
  facebook: 0.8,
  x: 0.35,
  telegram: 0.15,
  mastodon: 0.03,
  tiktok: 0.5,
  youtube: 0.2,
  threads: 0.25,
};

/** A stable follower count for a new demo account: the unit's audience scaled by platform, ×0.5–2 by hash. */
export function demoFollowers(spec: DemoAccountSpec, platform: PlatformName): number {
  const h = createHash('sha256').update(`${spec.prefix}:${platform}`).digest().readUInt32BE(0) / 4_294_967_296;
  return Math.max(50, Math.round(spec.audience * PLATFORM_AUDIENCE[platform] * Math.pow(2, 2 * h - 1)));
}
