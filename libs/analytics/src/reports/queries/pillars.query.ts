import { Queryable } from '../../storage/queryable';
import { PERFORMANCE_COLUMNS, performanceCtes, PerformanceSums } from './content-performance.sql';

export interface PillarRow extends PerformanceSums {
  pillar: string;
  label: string;
}

/**
 * Per pillar (every pillar of the city, plus any key posts carry that the table lacks): posts of the unit's
 * subtree with a target published in [start, end), and the sums of their targets' latest metrics.
 */
export async function pillarPerformance(db: Queryable, q: { unitPath: string; start: Date; end: Date; locale: 'id' | 'en' }): Promise<PillarRow[]> {
  return db.query(
    `WITH ${performanceCtes('pillar')},
     keys AS (SELECT key AS pillar FROM pillars UNION SELECT key FROM published)
     SELECT k.pillar, coalesce(CASE WHEN $4 = 'en' THEN pl.name_en ELSE pl.name_id END, k.pillar) AS label, ${PERFORMANCE_COLUMNS}
       FROM keys k LEFT JOIN pillars pl ON pl.key = k.pillar
       LEFT JOIN published pub ON pub.key = k.pillar LEFT JOIN perf ON perf.key = k.pillar
      ORDER BY posts DESC, pl.position NULLS LAST, k.pillar`,
    [q.unitPath, q.start, q.end, q.locale],
  );
}
