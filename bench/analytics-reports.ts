import { DataSource } from 'typeorm';
import { loadConfig } from '@kabar/config';
import { Clock } from '@kabar/common';
import { AccessPolicy, Principal, UnitEntity, UnitsRepository } from '@kabar/org';
import { GrowthReportsService, ReportScope } from '@kabar/analytics';
import { SeededCity } from './analytics-seed';

/** The two reports the benchmark times, through the reports' own service (as the API calls it); each returns its row count. */
export interface BenchReportQueries {
  citySeriesOneYear(): Promise<number>;
  kelurahanLeaderboardMonth(): Promise<number>;
}

export function reportQueries(ds: DataSource, city: SeededCity): BenchReportQueries {
  const units = new UnitsRepository(ds.getRepository(UnitEntity));
  const scope = new ReportScope(ds, new AccessPolicy(units), units, { ...loadConfig({}), defaultTimeZone: 'Asia/Jakarta' });
  const reports = new GrowthReportsService(ds, scope, new Clock());
  const cityAdmin: Principal = {
    userId: '00000000-0000-0000-0000-000000000000',
    email: 'bench@kabar',
    name: 'Bench',
    locale: 'id',
    memberships: [{ unitId: city.rootId, role: 'admin', path: city.rootPath, isRoot: true }],
  };
  const yearFrom = new Date(new Date(`${city.lastDay}T00:00:00Z`).getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
  const month = city.lastDay.slice(0, 7);
  return {
    citySeriesOneYear: async () =>
      (await reports.followers(cityAdmin, { scope: 'subtree', id: city.rootId, from: yearFrom, to: city.lastDay, granularity: 'day' })).rows.length,
    kelurahanLeaderboardMonth: async () => (await reports.leaderboard(cityAdmin, { kind: 'kelurahan', month })).rows.length,
  };
}
