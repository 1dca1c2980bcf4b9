import { Injectable } from '@nestjs/common';
import { AppError, ErrorDetail, currentContext } from '@kabar/common';
import { AccessPolicy, Principal, Role, UnitEntity, UnitsRepository } from '@kabar/org';
import { PostEntity } from '../entities/post.entity';
import { allowedActions } from './allowed-actions';
import { PostAggregate, mapPost } from './post.mapper';
import { PostDto } from './post-response.dto';
import { PostInput, TimeInput } from './post-input.resolver';
import { PostsRepository } from './posts.repository';

export const locale = (): 'id' | 'en' => currentContext()?.locale ?? 'id';

export function failIf(errors: ErrorDetail[]): void {
  if (errors.length) throw AppError.validation(errors.map(({ field, code, params }) => ({ field, code, params })));
}

/** Finds a post the caller may see (404 otherwise, existence not revealed) and checks their role on its unit (403). */
@Injectable()
export class PostLoader {
  constructor(
    private readonly posts: PostsRepository,
    private readonly units: UnitsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async load(p: Principal, id: string, roles?: readonly Role[]): Promise<{ post: PostEntity; unit: UnitEntity }> {
    const post = await this.posts.findById(id);
    const unit = post ? await this.units.findById(post.unitId) : null;
    if (!post || !unit || !this.access.covers(p, unit)) throw AppError.notFound('content.post.notFound');
    if (roles && !this.access.covers(p, unit, roles)) throw AppError.forbidden(roles.includes('reviewer') ? 'content.post.reviewersOnly' : 'errors.forbidden');
    return { post, unit };
  }

  async aggregate(post: PostEntity, unitName?: string): Promise<PostAggregate> {
    const [variants, media, targets, history, unit] = await Promise.all([
      this.posts.variantsOf(post.id),
      this.posts.mediaOf(post.id),
      this.posts.targetsOf(post.id),
      this.posts.historyOf(post.id),
      unitName ? Promise.resolve(null) : this.units.findById(post.unitId),
    ]);
    return { post, unitName: unitName ?? unit?.name ?? '', variants, media, targets, history };
  }

  /** The post as the API answers it, with the actions `p` may take on it now (`allowedActions`). */
  async dto(id: string, p: Principal): Promise<PostDto> {
    const post = await this.posts.findById(id);
    const unit = post ? await this.units.findById(post.unitId) : null;
    if (!post || !unit) throw AppError.notFound('content.post.notFound');
    const agg = await this.aggregate(post, unit.name);
    const actions = allowedActions({
      status: post.status,
      isAdmin: this.access.covers(p, unit, ['admin']),
      isReviewer: this.access.covers(p, unit, ['reviewer']),
      isAuthor: post.authorId === p.userId,
      targetStatuses: agg.targets.map((t) => t.target.status),
    });
    return { ...mapPost(agg), allowedActions: actions };
  }

  /** The stored post as resolver input, overlaid with what a PATCH changes. Stored times are Dates (not re-checked). */
  inputOf(a: PostAggregate, patch: Partial<Omit<PostInput, 'scheduledAt'>> & { scheduledAt?: string | null } = {}): PostInput {
    const timeChanged = patch.scheduledAt !== undefined;
    return {
      pillar: patch.pillar ?? a.post.pillar,
      programId: patch.programId !== undefined ? patch.programId : a.post.programId,
      campaignId: patch.campaignId !== undefined ? patch.campaignId : a.post.campaignId,
      variants: patch.variants ?? a.variants.map((v) => ({ language: v.language, platform: v.platform, text: v.text, hashtags: v.hashtags, link: v.link })),
      mediaIds: patch.mediaIds ?? a.media.map((m) => m.id),
      targets:
        patch.targets ??
        a.targets.map((t) => ({
          accountId: t.target.accountId,
          language: t.target.language,
          scheduledAt: timeChanged ? undefined : (t.target.scheduledAt as TimeInput),
        })),
      scheduledAt: timeChanged ? patch.scheduledAt : a.post.scheduledAt,
      timeZone: patch.timeZone ?? a.post.timeZone,
    };
  }
}
