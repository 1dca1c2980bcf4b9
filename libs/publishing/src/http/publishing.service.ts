import { Injectable } from '@nestjs/common';
import { AppError } from '@kabar/common';
import { PostLookup } from '@kabar/content';
import { AccessPolicy, Principal } from '@kabar/org';
import { PostTargetsDto, ProblemListDto, ProblemsQuery, PROBLEM_KINDS, PublishTargetDto, ResolveTargetDto, mapProblem, mapTarget } from '../dto/publishing.dto';
import { AttemptsRepository } from '../targets/attempts.repository';
import { PublishingQueries } from '../targets/publishing-queries.repository';
import { TargetsRepository } from '../targets/targets.repository';

/** The API side of publishing: what happened to each target, the problem list, manual retries. */
@Injectable()
export class PublishingService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly posts: PostLookup,
    private readonly queries: PublishingQueries,
    private readonly attempts: AttemptsRepository,
    private readonly targets: TargetsRepository,
  ) {}

  async postTargets(p: Principal, postId: string): Promise<PostTargetsDto> {
    const post = await this.visiblePost(p, postId);
    const targets = await this.queries.targetsOfPost(postId);
    const attempts = await this.attempts.listForTargets(targets.map((t) => t.id));
    return {
      postId,
      postStatus: post.status,
      targets: targets.map((t) =>
        mapTarget(
          t,
          attempts.filter((a) => a.targetId === t.id),
        ),
      ),
    };
  }

  /**
   * A failed or missed target is scheduled again now. The worker checks with the platform before sending,
   * so a retry never publishes twice.
   */
  async retry(p: Principal, postId: string, targetId: string): Promise<PublishTargetDto> {
    await this.adminTarget(p, postId, targetId);
    const moved = await this.targets.requeueForRetry(targetId);
    if (!moved) throw AppError.conflict('publishing.errors.notRetryable', { status: (await this.targets.findById(targetId))?.status ?? '' });
    return this.after(postId, targetId);
  }

  /**
   * A person's decision on an unconfirmed target (Kabar could not tell whether it was posted): it is on the
   * platform (`published`, with its link), it is not (`send_again`: sent now, no check), or ask once more.
   */
  async resolve(p: Principal, postId: string, targetId: string, dto: ResolveTargetDto): Promise<PublishTargetDto> {
    await this.adminTarget(p, postId, targetId);
    let moved;
    if (dto.action === 'published') {
      moved = await this.targets.resolvePublished(targetId, dto.url || null, null);
      if (moved === 'conflict') throw AppError.conflict('publishing.errors.linkTaken');
    } else if (dto.action === 'send_again') moved = await this.targets.resolveSendAgain(targetId);
    else moved = await this.targets.resolveCheckAgain(targetId);
    if (!moved) throw AppError.conflict('publishing.errors.notUnconfirmed', { status: (await this.targets.findById(targetId))?.status ?? '' });
    return this.after(postId, targetId);
  }

  private async adminTarget(p: Principal, postId: string, targetId: string): Promise<void> {
    const post = await this.visiblePost(p, postId);
    await this.access.requireUnit(p, post.unitId, ['admin']);
    const target = await this.targets.findById(targetId);
    if (!target || target.postId !== postId) throw AppError.notFound('publishing.errors.targetNotFound');
  }

  private async after(postId: string, targetId: string): Promise<PublishTargetDto> {
    await this.targets.rollUpPosts([postId]);
    const view = (await this.queries.targetsOfPost(postId)).find((t) => t.id === targetId)!;
    return mapTarget(view, await this.attempts.listForTargets([targetId]));
  }

  async problems(p: Principal, q: ProblemsQuery): Promise<ProblemListDto> {
    const kinds = q.kind ? [q.kind] : [...PROBLEM_KINDS];
    const { items, total } = await this.queries.problems(this.access.unitScope(p), kinds, q.limit ?? 50, q.offset ?? 0);
    const attempts = await this.attempts.listForTargets(items.map((t) => t.id));
    return {
      items: items.map((t) =>
        mapProblem(
          t,
          attempts.filter((a) => a.targetId === t.id),
        ),
      ),
      total,
    };
  }

  private async visiblePost(p: Principal, postId: string): Promise<{ unitId: string; status: string }> {
    const post = await this.posts.unitAndStatus(postId);
    if (!post || !(await this.access.seesUnit(p, post.unitId))) throw AppError.notFound('publishing.errors.postNotFound');
    return post;
  }
}
