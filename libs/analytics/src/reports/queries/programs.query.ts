import { Queryable } from '../../storage/queryable';
import { PERFORMANCE_COLUMNS, performanceCtes, PerformanceSums } from './content-performance.sql';

export interface ProgramRow extends PerformanceSums {
  programId: string;
  name: string;
  priority: boolean;
}

/**
 * Per program the unit works with (active programs of the unit, its ancestors or its subtree, plus any
 * program its posts carried): posts published in [start, end) and their targets' latest metrics.
 * `priority` = a government's program (owned by a kota, kabupaten, province or the country: the mayor's, the
 * regent's, the governor's program prioritas), wherever the region sits in the tree.
 */
export async function programPerformance(db: Queryable, q: { unitPath: string; start: Date; end: Date; locale: 'id' | 'en' }): Promise<ProgramRow[]> {
  return db.query(
    `WITH ${performanceCtes('program_id')},
     progs AS (
       SELECT pr.id FROM programs pr JOIN units pu ON pu.id = pr.unit_id
        WHERE pr.active AND ($1 LIKE pu.path || '%' OR pu.path LIKE $1 || '%')
       UNION SELECT key FROM published)
     SELECT pr.id AS "programId", CASE WHEN $4 = 'en' THEN coalesce(pr.name_en, pr.name_id) ELSE pr.name_id END AS name,
            (pu.kind IN ('nasional', 'provinsi', 'kabupaten', 'kota')) AS priority, ${PERFORMANCE_COLUMNS}
       FROM progs g JOIN programs pr ON pr.id = g.id JOIN units pu ON pu.id = pr.unit_id
       LEFT JOIN published pub ON pub.key = pr.id LEFT JOIN perf ON perf.key = pr.id
      ORDER BY posts DESC, name, pr.id`,
    [q.unitPath, q.start, q.end, q.locale],
  );
}
