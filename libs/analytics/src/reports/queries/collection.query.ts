import { Queryable } from '../../storage/queryable';

export interface CollectionRow {
  accountId: string;
  handle: string | null;
  platform: string;
  unitName: string;
  status: string;
  lastSnapshotAt: Date | null;
  collectionError: string | null;
  collectionFailures: number;
}

/** Accounts of the unit's subtree that collection skips (not active) or that fail to be collected. */
export async function collectionProblems(db: Queryable, q: { unitPath: string }): Promise<CollectionRow[]> {
  return db.query(
    `SELECT a.id AS "accountId", a.handle, a.platform, u.name AS "unitName", a.status, a.last_snapshot_at AS "lastSnapshotAt",
            a.collection_error AS "collectionError", a.collection_failures AS "collectionFailures"
       FROM social_accounts a JOIN units u ON u.id = a.unit_id
      WHERE u.path LIKE $1 || '%' AND (a.status <> 'active' OR a.collection_failures > 0 OR a.collection_error IS NOT NULL)
      ORDER BY a.collection_failures DESC, u.name, a.handle, a.id`,
    [q.unitPath],
  );
}
