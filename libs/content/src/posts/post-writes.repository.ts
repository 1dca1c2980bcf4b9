import { randomUUID } from 'crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { PostHistoryEntity } from '../entities/post-history.entity';
import { PostMediaEntity } from '../entities/post-media.entity';
import { PostTargetEntity } from '../entities/post-target.entity';
import { PostVariantEntity } from '../entities/post-variant.entity';
import { Language, PostEntity } from '../entities/post.entity';
import type { ResolvedPost } from './post-input.resolver';

export interface VariantRow {
  language: Language;
  platform: string | null;
  text: string;
  hashtags: string[];
  link: string | null;
}

export interface TargetPlan {
  accountId: string;
  language: Language;
  scheduledAt: Date | null;
}

export interface HistoryEntry {
  postId: string;
  actorId: string | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string | null;
  details?: Record<string, unknown>;
}

/** Not-yet-published target states: the only ones content may change. */
export const OPEN_TARGET_STATES = ['pending', 'scheduled', 'held'] as const;

/** Writes of the post aggregate; every method runs inside the caller's transaction. */
@Injectable()
export class PostWrites {
  async insertPost(em: EntityManager, row: Partial<PostEntity>): Promise<PostEntity> {
    const repo = em.getRepository(PostEntity);
    return repo.save(repo.create({ ...row, version: 1 }));
  }

  /** A new draft with its variants, media and pending targets, and the first history row. */
  async insertDraft(
    em: EntityManager,
    unitId: string,
    authorId: string,
    post: ResolvedPost,
    action = 'create',
    details: Record<string, unknown> = {},
  ): Promise<string> {
    const row = await this.insertPost(em, {
      unitId,
      authorId,
      pillar: post.pillarKey,
      programId: post.programId,
      campaignId: post.campaignId,
      status: 'draft',
      scheduledAt: post.scheduledAt,
      timeZone: post.timeZone,
    });
    await this.replaceVariants(em, row.id, post.variants);
    await this.replaceMedia(
      em,
      row.id,
      post.media.map((m) => m.id),
    );
    await this.syncTargets(em, row.id, post.targets);
    await this.addHistory(em, { postId: row.id, actorId: authorId, action, toStatus: 'draft', details });
    return row.id;
  }

  /** Applies `patch` and bumps the version only if the post still has `version`. */
  async updatePost(em: EntityManager, id: string, version: number, patch: Partial<PostEntity>): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(PostEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (res.affected ?? 0) > 0;
  }

  async replaceVariants(em: EntityManager, postId: string, variants: VariantRow[]): Promise<void> {
    await em.getRepository(PostVariantEntity).delete({ postId });
    if (variants.length) await em.getRepository(PostVariantEntity).insert(variants.map((v) => ({ ...v, postId })));
    const main = variants.find((v) => v.language === 'id' && !v.platform) ?? variants[0];
    await em.getRepository(PostEntity).update({ id: postId }, { excerpt: (main?.text ?? '').slice(0, 160) });
  }

  async replaceMedia(em: EntityManager, postId: string, mediaIds: string[]): Promise<void> {
    await em.getRepository(PostMediaEntity).delete({ postId });
    if (mediaIds.length) await em.getRepository(PostMediaEntity).insert(mediaIds.map((mediaId, position) => ({ postId, mediaId, position })));
  }

  /**
   * Makes the post's targets those of `plans`: removed accounts are deleted, kept ones updated, new ones
   * inserted as pending. The idempotency key is the target's own id (stable across retries).
   */
  async syncTargets(em: EntityManager, postId: string, plans: TargetPlan[]): Promise<void> {
    const repo = em.getRepository(PostTargetEntity);
    const existing = await repo.find({ where: { postId } });
    const wanted = new Set(plans.map((p) => p.accountId));
    const gone = existing.filter((t) => !wanted.has(t.accountId)).map((t) => t.id);
    if (gone.length) await repo.delete({ id: In(gone) });
    // created_at keeps the author's order of accounts (one transaction would give them all the same now())
    const base = Date.now();
    for (const [i, plan] of plans.entries()) {
      const old = existing.find((t) => t.accountId === plan.accountId);
      if (old) await repo.update({ id: old.id }, { language: plan.language, scheduledAt: plan.scheduledAt });
      else {
        const id = randomUUID();
        await repo.insert({
          id,
          postId,
          accountId: plan.accountId,
          language: plan.language,
          scheduledAt: plan.scheduledAt,
          status: 'pending',
          idempotencyKey: id,
          createdAt: new Date(base + i),
        });
      }
    }
    await em.query(
      `UPDATE posts SET platforms = coalesce((SELECT array_agg(DISTINCT a.platform ORDER BY a.platform) FROM post_targets t JOIN social_accounts a ON a.id = t.account_id WHERE t.post_id = $1), '{}') WHERE id = $1`,
      [postId],
    );
  }

  /** Hands the targets to publishing: each open target becomes `scheduled` at its time. Returns how many moved. */
  async scheduleTargets(em: EntityManager, postId: string, times: Map<string, Date>): Promise<number> {
    if (!times.size) return 0;
    // One statement for all targets; TypeORM answers an UPDATE with [rows, affectedCount].
    const [, moved] = (await em.query(
      `UPDATE post_targets t SET status = 'scheduled', scheduled_at = x.at, fingerprint = NULL, next_attempt_at = NULL, budget_wait = NULL, version = t.version + 1, updated_at = now()
         FROM unnest($2::uuid[], $3::timestamptz[]) AS x(account_id, at)
        WHERE t.post_id = $1 AND t.account_id = x.account_id AND t.status = ANY($4::varchar[])`,
      [postId, [...times.keys()], [...times.values()].map((d) => d.toISOString()), OPEN_TARGET_STATES],
    )) as [unknown[], number];
    return moved;
  }

  /** Takes back scheduled targets (content changed): publishing will not pick them up. */
  async resetTargets(em: EntityManager, postId: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(PostTargetEntity)
      .set({ status: 'pending', version: () => 'version + 1' })
      .where('post_id = :postId AND status IN (:...open)', { postId, open: OPEN_TARGET_STATES })
      .execute();
  }

  async cancelTargets(em: EntityManager, postId: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(PostTargetEntity)
      .set({ status: 'cancelled', version: () => 'version + 1' })
      .where('post_id = :postId AND status IN (:...open)', { postId, open: OPEN_TARGET_STATES })
      .execute();
  }

  async addHistory(em: EntityManager, e: HistoryEntry): Promise<void> {
    await em.getRepository(PostHistoryEntity).insert({
      postId: e.postId,
      actorId: e.actorId,
      action: e.action,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      comment: e.comment ?? null,
      details: (e.details ?? {}) as never,
    });
  }
}
