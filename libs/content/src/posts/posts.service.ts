import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccessPolicy, Principal, UnitEntity } from '@kabar/org';
import { translate } from '@kabar/i18n';
import { Finding, PostChecks } from '../checks/post-checks.service';
import { PostStatus } from '../entities/post.entity';
import { parseLocal } from '../time/local-time';
import { PostInput, PostInputResolver } from './post-input.resolver';
import { PostLoader, failIf, locale } from './post-loader';
import { CreatePostDto, UpdatePostDto, ValidatePostDto } from './post.dto';
import { ListPostsQuery } from './post-query.dto';
import { PostDto, PostPageDto, ProblemDto, ValidationResultDto } from './post-response.dto';
import { mapSummary } from './post.mapper';
import { PostWrites } from './post-writes.repository';
import { PostsRepository } from './posts.repository';

const EDITABLE: PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'];

/** A new post's fields as the resolver reads them (create and the composer's dry run); the unit's zone by default. */
function draftInput(dto: CreatePostDto | ValidatePostDto, unit: UnitEntity): PostInput {
  return {
    pillar: dto.pillar ?? '',
    programId: dto.programId ?? null,
    campaignId: dto.campaignId ?? null,
    variants: dto.variants ?? [],
    mediaIds: dto.mediaIds ?? [],
    targets: dto.targets ?? [],
    scheduledAt: dto.scheduledAt,
    timeZone: dto.timeZone ?? unit.timeZone,
  };
}

export function toProblem(f: Finding): ProblemDto {
  return {
    field: f.field,
    code: f.code,
    params: f.params ?? {},
    message: translate(locale(), f.code, f.params),
    ...(f.accountId ? { accountId: f.accountId } : {}),
  };
}

/** Drafting: create, read, list, edit and dry-run validation of posts. The workflow steps are in PostWorkflow. */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly posts: PostsRepository,
    private readonly writes: PostWrites,
    private readonly loader: PostLoader,
    private readonly resolver: PostInputResolver,
    private readonly checks: PostChecks,
    private readonly access: AccessPolicy,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
  ) {}

  async create(p: Principal, dto: CreatePostDto): Promise<PostDto> {
    const unit = await this.access.requireUnit(p, dto.unitId, ['admin']);
    const { post, errors } = await this.resolver.resolve(p, unit, draftInput(dto, unit));
    failIf(errors);
    const id = await this.ds.transaction((em) => this.writes.insertDraft(em, unit.id, p.userId, post));
    return this.loader.dto(id, p);
  }

  async get(p: Principal, id: string): Promise<PostDto> {
    await this.loader.load(p, id);
    return this.loader.dto(id, p);
  }

  async list(p: Principal, q: ListPostsQuery): Promise<PostPageDto> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 25;
    const zone = this.config.defaultTimeZone;
    const day = (s: string | undefined) => (s ? (parseLocal(s.length === 10 ? `${s}T00:00` : s, zone) ?? undefined) : undefined);
    const { rows, total } = await this.posts.list(p, { ...q, from: day(q.from), to: day(q.to) }, page, pageSize);
    return { items: rows.map(mapSummary), total, page, pageSize };
  }

  async update(p: Principal, id: string, dto: UpdatePostDto): Promise<PostDto> {
    const { post, unit } = await this.loader.load(p, id, ['admin']);
    if (post.version !== dto.version) throw AppError.conflict('content.post.staleVersion', { version: post.version });
    if (!EDITABLE.includes(post.status)) throw AppError.conflict('content.post.notEditable', { status: post.status });
    const agg = await this.loader.aggregate(post, unit.name);
    const busy = agg.targets.find((t) => ['publishing', 'published'].includes(t.target.status));
    if (busy) throw AppError.conflict('content.post.targetPublished', { account: busy.handle ?? busy.platform });
    const { version, ...patch } = dto;
    void version;
    const { post: next, errors } = await this.resolver.resolve(p, unit, this.loader.inputOf(agg, patch));
    failIf(errors);
    const backToReview = post.status === 'approved' || post.status === 'scheduled';
    const status: PostStatus = backToReview ? (unit.reviewRequired ? 'in_review' : 'approved') : post.status;
    await this.ds.transaction(async (em) => {
      const ok = await this.writes.updatePost(em, id, dto.version, {
        pillar: next.pillarKey,
        programId: next.programId,
        campaignId: next.campaignId,
        scheduledAt: next.scheduledAt,
        timeZone: next.timeZone,
        status,
        ...(backToReview ? { approvedBy: null, approvedAt: null } : {}),
      });
      if (!ok) throw AppError.conflict('content.post.staleVersion', { version: post.version });
      if (backToReview) await this.writes.resetTargets(em, id);
      await this.writes.replaceVariants(em, id, next.variants);
      await this.writes.replaceMedia(
        em,
        id,
        next.media.map((m) => m.id),
      );
      await this.writes.syncTargets(em, id, next.targets);
      await this.writes.addHistory(em, {
        postId: id,
        actorId: p.userId,
        action: 'edit',
        fromStatus: post.status,
        toStatus: status,
        details: backToReview ? { reason: 'content.history.editedAfterApproval' } : {},
      });
    });
    return this.loader.dto(id, p);
  }

  /** The composer's live check: problems per target and field, warnings, and the server's character counts. */
  async validate(p: Principal, dto: ValidatePostDto): Promise<ValidationResultDto> {
    const unit = await this.access.requireUnit(p, dto.unitId);
    const { post, errors } = await this.resolver.resolve(p, unit, draftInput(dto, unit));
    const result = await this.checks.check(post, { postId: dto.postId ?? null, locale: locale() });
    return { problems: [...errors, ...result.errors].map(toProblem), warnings: result.warnings.map(toProblem), counters: result.counters };
  }
}
