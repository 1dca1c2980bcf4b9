import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, Principal } from '@kabar/org';
import { MediaEntity } from '../entities/media.entity';
import { PostHistoryEntity } from '../entities/post-history.entity';
import { PostTargetEntity } from '../entities/post-target.entity';
import { PostVariantEntity } from '../entities/post-variant.entity';
import { PostEntity } from '../entities/post.entity';

export interface TargetRow {
  target: PostTargetEntity;
  platform: string;
  handle: string | null;
  accountUnitId: string;
}

export interface HistoryRow extends PostHistoryEntity {
  actorName: string | null;
}

export interface PostFilter {
  unitId?: string;
  status?: string;
  pillar?: string;
  programId?: string;
  campaignId?: string;
  accountId?: string;
  from?: Date;
  to?: Date;
  q?: string;
}

export interface PostListRow {
  id: string;
  unit_id: string;
  unit_name: string;
  author_id: string | null;
  pillar: string;
  program_id: string | null;
  campaign_id: string | null;
  status: string;
  scheduled_at: Date | null;
  time_zone: string;
  version: number;
  updated_at: Date;
  excerpt: string | null;
  platforms: string[] | null;
}

/** Reads of the post aggregate. Writes are in PostWrites. */
@Injectable()
export class PostsRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  findById(id: string, em: EntityManager = this.ds.manager): Promise<PostEntity | null> {
    return em.getRepository(PostEntity).findOne({ where: { id } });
  }

  /** The post row locked for the rest of the transaction: concurrent workflow steps queue up. */
  lock(em: EntityManager, id: string): Promise<PostEntity | null> {
    return em.getRepository(PostEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  variantsOf(postId: string, em: EntityManager = this.ds.manager): Promise<PostVariantEntity[]> {
    return em.getRepository(PostVariantEntity).find({ where: { postId }, order: { language: 'DESC', platform: 'ASC' } });
  }

  async mediaOf(postId: string, em: EntityManager = this.ds.manager): Promise<MediaEntity[]> {
    return em
      .getRepository(MediaEntity)
      .createQueryBuilder('m')
      .innerJoin('post_media', 'pm', 'pm.media_id = m.id')
      .where('pm.post_id = :postId', { postId })
      .orderBy('pm.position')
      .getMany();
  }

  async targetsOf(postId: string, em: EntityManager = this.ds.manager): Promise<TargetRow[]> {
    const { entities, raw } = await em
      .getRepository(PostTargetEntity)
      .createQueryBuilder('t')
      .innerJoin('social_accounts', 'a', 'a.id = t.account_id')
      .addSelect(['a.platform AS a_platform', 'a.handle AS a_handle', 'a.unit_id AS a_unit_id'])
      .where('t.post_id = :postId', { postId })
      .orderBy('t.created_at')
      .addOrderBy('t.id')
      .getRawAndEntities();
    return entities.map((target) => {
      const r = raw.find((x: Record<string, unknown>) => x.t_id === target.id) as Record<string, string>;
      return { target, platform: r.a_platform, handle: r.a_handle, accountUnitId: r.a_unit_id };
    });
  }

  async historyOf(postId: string): Promise<HistoryRow[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT h.*, u.name AS actor_name FROM post_history h LEFT JOIN users u ON u.id = h.actor_id WHERE h.post_id = $1 ORDER BY h.at, h.id`,
      [postId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      postId: r.post_id as string,
      at: r.at as Date,
      actorId: r.actor_id as string | null,
      actorName: r.actor_name as string | null,
      action: r.action as string,
      fromStatus: r.from_status as string | null,
      toStatus: r.to_status as string | null,
      comment: r.comment as string | null,
      details: r.details as Record<string, unknown>,
    }));
  }

  /** One page of the posts the caller sees, newest plan first, with the Indonesian text's start. */
  async list(p: Principal, f: PostFilter, page: number, pageSize: number): Promise<{ rows: PostListRow[]; total: number }> {
    const qb = this.ds
      .createQueryBuilder()
      .from('posts', 'p')
      .innerJoin('units', 'u', 'u.id = p.unit_id')
      .leftJoin('post_variants', 'v', "v.post_id = p.id AND v.platform IS NULL AND v.language = 'id'");
    this.access.scope(qb, p, 'p.unit_id');
    qb.andWhere("p.kind = 'post'"); // replies to citizens are listed under their comment (aduan), not here
    if (f.unitId)
      qb.andWhere("p.unit_id IN (SELECT fu.id FROM units fu WHERE fu.path LIKE (SELECT pu.path FROM units pu WHERE pu.id = :unitId) || '%')", {
        unitId: f.unitId,
      });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.pillar) qb.andWhere('p.pillar = :pillar', { pillar: f.pillar });
    if (f.programId) qb.andWhere('p.program_id = :programId', { programId: f.programId });
    if (f.campaignId) qb.andWhere('p.campaign_id = :campaignId', { campaignId: f.campaignId });
    if (f.accountId) qb.andWhere('EXISTS (SELECT 1 FROM post_targets ft WHERE ft.post_id = p.id AND ft.account_id = :accountId)', { accountId: f.accountId });
    if (f.from) qb.andWhere('p.scheduled_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('p.scheduled_at < :to', { to: f.to });
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('EXISTS (SELECT 1 FROM post_variants qv WHERE qv.post_id = p.id AND qv.text ILIKE :like)', { like });
    }
    const total = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
    const rows = await qb
      .select([
        'p.id AS id',
        'p.unit_id AS unit_id',
        'u.name AS unit_name',
        'p.author_id AS author_id',
        'p.pillar AS pillar',
        'p.program_id AS program_id',
        'p.campaign_id AS campaign_id',
        'p.status AS status',
        'p.scheduled_at AS scheduled_at',
        'p.time_zone AS time_zone',
        'p.version AS version',
        'p.updated_at AS updated_at',
        'left(v.text, 160) AS excerpt',
        'p.platforms AS platforms',
      ])
      .orderBy('p.scheduled_at', 'DESC', 'NULLS FIRST')
      .addOrderBy('p.updated_at', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<PostListRow>();
    return { rows, total: total?.n ?? 0 };
  }
}
