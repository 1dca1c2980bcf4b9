import { DataSource } from 'typeorm';
import { SeededCity } from './analytics-seed';

/** The two report queries the benchmark times; each returns its number of rows. */
export interface BenchReportQueries {
  citySeriesOneYear(): Promise<number>;
  kelurahanLeaderboardMonth(): Promise<number>;
}

export async function reportQueries(ds: DataSource, city: SeededCity): Promise<BenchReportQueries> {
  // TODO(lead): call the reports' own query code once it lands
  void ds;
  void city;
  return { citySeriesOneYear: async () => 0, kelurahanLeaderboardMonth: async () => 0 };
}
