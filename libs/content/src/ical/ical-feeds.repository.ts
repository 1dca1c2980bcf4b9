import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IcalFeedEntity } from '../entities/planner.entities';

export interface FeedPostRow {
  id: string;
  status: string;
  pillar: string;
  scheduledAt: Date;
  updatedAt: Date;
  version: number;
  unitName: string;
  text: string | null;
  platforms: string[] | null;
}

@Injectable()
export class IcalFeedsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Revokes the unit's active feed and stores the new token's hash, in one transaction. */
  async replace(unitId: string, tokenHash: string, userId: string): Promise<IcalFeedEntity> {
    return this.ds.transaction(async (em) => {
      await em.query(`UPDATE ical_feeds SET revoked_at = now() WHERE unit_id = $1 AND revoked_at IS NULL`, [unitId]);
      const repo = em.getRepository(IcalFeedEntity);
      return repo.save(repo.create({ unitId, tokenHash, createdBy: userId }));
    });
  }

  async revoke(unitId: string): Promise<number> {
    const res = await this.ds.query(`UPDATE ical_feeds SET revoked_at = now() WHERE unit_id = $1 AND revoked_at IS NULL`, [unitId]);
    return Number(res?.[1] ?? 0);
  }

  active(tokenHash: string): Promise<IcalFeedEntity | null> {
    return this.ds.getRepository(IcalFeedEntity).createQueryBuilder('f').where('f.token_hash = :tokenHash AND f.revoked_at IS NULL', { tokenHash }).getOne();
  }

  /** Posts of the unit's subtree with a time in [from, to), except cancelled ones. */
  posts(unitId: string, from: Date, to: Date): Promise<FeedPostRow[]> {
    return this.ds.query(
      `SELECT p.id, p.status, p.pillar, p.scheduled_at AS "scheduledAt", p.updated_at AS "updatedAt", p.version, u.name AS "unitName", v.text,
              (SELECT array_agg(DISTINCT a.platform) FROM post_targets t JOIN social_accounts a ON a.id = t.account_id WHERE t.post_id = p.id) AS platforms
         FROM posts p
         JOIN units u ON u.id = p.unit_id
         LEFT JOIN post_variants v ON v.post_id = p.id AND v.language = 'id' AND v.platform IS NULL
        WHERE u.path LIKE (SELECT path FROM units WHERE id = $1) || '%'
          AND p.scheduled_at >= $2 AND p.scheduled_at < $3 AND p.status <> 'cancelled'
        ORDER BY p.scheduled_at
        LIMIT 5000`,
      [unitId, from, to],
    );
  }
}
