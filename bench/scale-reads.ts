import { Clock } from '@kabar/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@kabar/config';
import { AccessPolicy, AuditService, Principal, UnitEntity, UnitsRepository, UnitsService } from '@kabar/org';
import { CalendarRepository, CalendarService } from '@kabar/content';
import { GrowthReportsService, ReportScope } from '@kabar/analytics';

export interface ScaleRead {
  name: string;
  /** Runs the read as the API does (the services behind the routes); returns how many rows it answered. */
  run(): Promise<number>;
}

interface Place {
  id: string;
  path: string;
  name: string;
}

async function place(ds: DataSource, code: string): Promise<Place> {
  const [u] = await ds.query(`SELECT id, path, name FROM units WHERE code = $1`, [code]);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

/** An admin and reviewer of one unit (the province's Diskominfo, or the ministry at the country). */
function adminOf(unit: Place, kind: string, isRoot: boolean): Principal {
  const m = { unitId: unit.id, path: unit.path, isRoot, kind };
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    email: 'bench@kabar',
    name: 'Bench',
    locale: 'id',
    memberships: [
      { ...m, role: 'admin' },
      { ...m, role: 'reviewer' },
    ],
  };
}

/**
 * The reads of issue #17 for a provincial admin (and, on the whole country, the national admin's own):
 * the unit tree and unit pages, a kabupaten's month in the calendar, the province's leaderboard of its
 * kabupaten/kota and of one kabupaten's kecamatan, the province's follower series for a year.
 */
export function scaleReads(
  ds: DataSource,
  opts: { province: string; kabupaten: string; month: string; lastDay: string; national: boolean },
): Promise<ScaleRead[]> {
  return (async () => {
    const units = new UnitsRepository(ds.getRepository(UnitEntity));
    const policy = new AccessPolicy(units);
    const config = { ...loadConfig({}), defaultTimeZone: 'Asia/Jakarta' };
    const unitsService = new UnitsService(units, policy, undefined as unknown as AuditService, ds);
    const calendar = new CalendarService(new CalendarRepository(ds), policy, config);
    const reports = new GrowthReportsService(ds, new ReportScope(ds, policy, units, config), new Clock());
    const prov = await place(ds, opts.province);
    const kab = await place(ds, opts.kabupaten);
    const admin = adminOf(prov, 'provinsi', !opts.national);
    const yearFrom = new Date(new Date(`${opts.lastDay}T00:00:00Z`).getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
    const [y, m] = opts.month.split('-').map(Number);
    const monthEnd = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const reads: ScaleRead[] = [
      { name: `units: tree, top (${prov.name})`, run: async () => (await unitsService.tree(admin)).length },
      { name: 'units: tree, the province’s children', run: async () => (await unitsService.tree(admin, prov.id)).length },
      { name: 'units: unit page of the province', run: async () => (await unitsService.overview(admin, prov.id)).childCount },
      { name: `units: unit page of ${kab.name}`, run: async () => (await unitsService.overview(admin, kab.id)).childCount },
      { name: 'units: the whole list (GET /units)', run: async () => (await unitsService.listFor(admin, {})).length },
      {
        name: `calendar: ${kab.name}, ${opts.month}`,
        run: async () => (await calendar.range(admin, { from: `${opts.month}-01`, to: monthEnd, unitId: kab.id })).items.length,
      },
      {
        name: 'leaderboard: the province’s kabupaten/kota, a month',
        run: async () => (await reports.leaderboard(admin, { parentId: prov.id, month: opts.month })).rows.length,
      },
      {
        name: `leaderboard: ${kab.name}’s kecamatan, a month`,
        run: async () => (await reports.leaderboard(admin, { parentId: kab.id, month: opts.month })).rows.length,
      },
      {
        name: 'followers: the province, a year by day',
        run: async () => (await reports.followers(admin, { scope: 'subtree', id: prov.id, from: yearFrom, to: opts.lastDay, granularity: 'day' })).rows.length,
      },
    ];
    if (opts.national) {
      const root = await place(ds, 'ID');
      const minister = adminOf(root, 'nasional', true);
      reads.push(
        { name: 'national: unit page of the country', run: async () => (await unitsService.overview(minister, root.id)).childCount },
        {
          name: 'national: leaderboard of the 38 provinces, a month',
          run: async () => (await reports.leaderboard(minister, { month: opts.month })).rows.length,
        },
        {
          name: 'national: followers of the country, a year by day',
          run: async () =>
            (await reports.followers(minister, { scope: 'subtree', id: root.id, from: yearFrom, to: opts.lastDay, granularity: 'day' })).rows.length,
        },
      );
    }
    return reads;
  })();
}
