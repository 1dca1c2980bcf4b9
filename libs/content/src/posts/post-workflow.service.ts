import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '@kabar/common';
import { Principal, Role, UnitEntity } from '@kabar/org';
import { PostChecks } from '../checks/post-checks.service';
import { PostEntity, PostStatus } from '../entities/post.entity';
import { formatLocal } from '../time/local-time';
import { PostInputResolver } from './post-input.resolver';
import { PostLoader, failIf, locale } from './post-loader';
import { ApproveDto, RequestChangesDto, ScheduleDto, VersionDto } from './post.dto';
import { PostDto } from './post-response.dto';
import { PostWrites } from './post-writes.repository';
import { PostsRepository } from './posts.repository';
import { toProblem } from './posts.service';
import { CANCELLABLE_STATUSES, DELETABLE_STATUSES, UNSENT_TARGET_STATES } from './allowed-actions';
import { ReviewNotices } from './review-notices';
import { formatDateTime } from '@kabar/i18n';

const CANCELLABLE = CANCELLABLE_STATUSES;

/** The review and scheduling steps. Each one locks the post, checks its state, writes, and records history. */
@Injectable()
export class PostWorkflow {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly posts: PostsRepository,
    private readonly writes: PostWrites,
    private readonly loader: PostLoader,
    private readonly resolver: PostInputResolver,
    private readonly checks: PostChecks,
    private readonly notices: ReviewNotices,
  ) {}

  async submit(p: Principal, id: string, dto: VersionDto): Promise<PostDto> {
    const { post, unit } = await this.loader.load(p, id, ['admin']);
    this.expect(post, ['draft', 'changes_requested'], dto);
    await this.mustPass(p, post, unit, false);
    const to: PostStatus = unit.reviewRequired ? 'in_review' : 'approved';
    await this.step(
      p,
      post,
      ['draft', 'changes_requested'],
      to,
      'submit',
      async (em) => {
        if (to === 'approved') await this.writes.updatePost(em, id, post.version + 1, { approvedBy: null, approvedAt: new Date() });
      },
      unit.reviewRequired ? {} : { reason: 'content.history.noReviewNeeded' },
    );
    const out = await this.loader.dto(id, p);
    if (to === 'in_review') {
      await this.notices.send({
        kind: 'post_submitted',
        postId: id,
        unitId: unit.id,
        version: out.version,
        actorId: p.userId,
        authorId: post.authorId,
        messageKey: 'content.notifications.submitted',
        params: { unit: unit.name, by: p.name },
      });
    }
    return out;
  }

  /** Approves exactly the version the reviewer read (`dto.version`); any change since is a 409. */
  async approve(p: Principal, id: string, dto: ApproveDto): Promise<PostDto> {
    const { post } = await this.loader.load(p, id, ['reviewer']);
    if (dto.version !== post.version) throw AppError.conflict('content.post.changedSinceRead', { version: post.version });
    this.expect(post, ['in_review'], dto);
    if (post.authorId === p.userId) throw AppError.forbidden('content.post.cannotApproveOwn');
    await this.step(
      p,
      post,
      ['in_review'],
      'approved',
      'approve',
      async (em) => {
        await this.writes.updatePost(em, id, post.version + 1, { approvedBy: p.userId, approvedAt: new Date() });
      },
      {},
      dto.comment,
    );
    const out = await this.scheduleOnApproval(p, id);
    const at = out.status === 'scheduled' && out.scheduledAt ? out.scheduledAt : null;
    await this.notices.send({
      kind: 'post_approved',
      postId: id,
      unitId: out.unitId,
      version: out.version,
      actorId: p.userId,
      authorId: post.authorId,
      messageKey: at ? 'content.notifications.approvedScheduled' : 'content.notifications.approvedNotScheduled',
      params: at ? { timeId: formatDateTime(at, out.timeZone, 'id'), timeEn: formatDateTime(at, out.timeZone, 'en') } : {},
    });
    return out;
  }

  /**
   * A post approved with its time still ahead goes on the schedule at once (the author asked for that time;
   * nobody has to come back and click "Schedule"). A time already past, or a schedule the checks refuse, leaves it
   * approved, with a warning saying why, for its admins to pick a time.
   */
  private async scheduleOnApproval(p: Principal, id: string): Promise<PostDto> {
    const { post, unit } = await this.loader.load(p, id, ['reviewer']);
    const notScheduled = async (code: string) => ({ ...(await this.loader.dto(id, p)), warnings: [toProblem({ field: 'scheduledAt', code })] });
    if (!post.scheduledAt) return this.loader.dto(id, p);
    if (post.scheduledAt.getTime() <= Date.now() + 60_000) return notScheduled('content.post.approvedTimePassed');
    try {
      // The reviewer puts on the schedule the accounts the author chose (the reviewer's scope covers them).
      return await this.scheduleLoaded(p, post, unit, { version: post.version }, ['admin', 'reviewer']);
    } catch (e) {
      if (e instanceof AppError) return notScheduled('content.post.approvedNotScheduled');
      throw e;
    }
  }

  async requestChanges(p: Principal, id: string, dto: RequestChangesDto): Promise<PostDto> {
    const { post } = await this.loader.load(p, id, ['reviewer']);
    this.expect(post, ['in_review', 'approved'], dto);
    await this.step(
      p,
      post,
      ['in_review', 'approved'],
      'changes_requested',
      'request_changes',
      async (em) => {
        await this.writes.updatePost(em, id, post.version + 1, { approvedBy: null, approvedAt: null });
      },
      {},
      dto.comment,
    );
    const out = await this.loader.dto(id, p);
    await this.notices.send({
      kind: 'post_changes_requested',
      postId: id,
      unitId: out.unitId,
      version: out.version,
      actorId: p.userId,
      authorId: post.authorId,
      messageKey: dto.comment ? 'content.notifications.changesRequestedWithComment' : 'content.notifications.changesRequested',
      params: { comment: dto.comment ?? '' },
    });
    return out;
  }

  /** Approved → scheduled (or a new time for a scheduled post): each target gets its time and goes to publishing. */
  async schedule(p: Principal, id: string, dto: ScheduleDto): Promise<PostDto> {
    const { post, unit } = await this.loader.load(p, id, ['admin']);
    return this.scheduleLoaded(p, post, unit, dto);
  }

  private async scheduleLoaded(
    p: Principal,
    post: PostEntity,
    unit: UnitEntity,
    dto: ScheduleDto,
    accountRoles: readonly Role[] = ['admin'],
  ): Promise<PostDto> {
    const id = post.id;
    this.expect(post, ['approved', 'scheduled'], dto);
    const agg = await this.loader.aggregate(post, unit.name);
    const busy = agg.targets.find((t) => !['pending', 'scheduled', 'held'].includes(t.target.status));
    if (busy) throw AppError.conflict('content.post.targetPublished', { account: busy.handle ?? busy.platform });
    const input = this.loader.inputOf(agg, { timeZone: dto.timeZone });
    // stored times are re-read as wall-clock strings so that a time now past is refused too
    const local = (d: Date | null) => (d ? formatLocal(d, input.timeZone) : null);
    const own = new Map((dto.targets ?? []).map((t) => [t.accountId, t.scheduledAt]));
    input.scheduledAt = dto.scheduledAt ?? local(post.scheduledAt);
    input.targets = agg.targets.map((t) => ({
      accountId: t.target.accountId,
      language: t.target.language,
      scheduledAt: own.get(t.target.accountId) ?? (dto.scheduledAt ? undefined : local(t.target.scheduledAt)),
    }));
    const { post: next, errors } = await this.resolver.resolve(p, unit, input, new Date(), accountRoles);
    const result = await this.checks.check(next, { postId: id, locale: locale(), schedule: true });
    failIf([...errors, ...result.errors]);
    const times = new Map(next.targets.map((t) => [t.accountId, t.scheduledAt!]));
    await this.step(
      p,
      post,
      ['approved', 'scheduled'],
      'scheduled',
      post.status === 'scheduled' ? 'reschedule' : 'schedule',
      async (em) => {
        await this.writes.updatePost(em, id, post.version + 1, { scheduledAt: next.scheduledAt, timeZone: next.timeZone });
        await this.writes.scheduleTargets(em, id, times);
      },
      { at: next.scheduledAt?.toISOString() },
    );
    return { ...(await this.loader.dto(id, p)), warnings: result.warnings.map(toProblem) };
  }

  /** Stops what has not gone out yet; targets already publishing or published stay as they are. */
  async cancel(p: Principal, id: string, dto: VersionDto): Promise<PostDto> {
    const { post } = await this.loader.load(p, id, ['admin']);
    this.expect(post, CANCELLABLE, dto);
    await this.ds.transaction(async (em) => {
      const locked = await this.posts.lock(em, id);
      if (!locked || !CANCELLABLE.includes(locked.status)) throw AppError.conflict('content.post.wrongStatus', { status: locked?.status ?? '' });
      await this.writes.cancelTargets(em, id);
      const rest = (await this.posts.targetsOf(id, em)).some((t) => ['publishing', 'published'].includes(t.target.status));
      const to: PostStatus = rest ? locked.status : 'cancelled';
      await this.writes.updatePost(em, id, locked.version, { status: to });
      await this.writes.addHistory(em, { postId: id, actorId: p.userId, action: 'cancel', fromStatus: locked.status, toStatus: to });
    });
    return this.loader.dto(id, p);
  }

  /** Scheduled → approved: the targets come off the schedule (none may have gone out) and keep their times. */
  async unschedule(p: Principal, id: string, dto: VersionDto): Promise<PostDto> {
    const { post } = await this.loader.load(p, id, ['admin']);
    this.expect(post, ['scheduled'], dto);
    await this.mustBeUnsent(id);
    await this.step(p, post, ['scheduled'], 'approved', 'unschedule', async (em) => {
      const sent = (await this.posts.targetsOf(id, em)).find((t) => !UNSENT_TARGET_STATES.includes(t.target.status));
      if (sent) throw AppError.conflict('content.post.targetPublished', { account: sent.handle ?? sent.platform });
      await this.writes.resetTargets(em, id);
    });
    return this.loader.dto(id, p);
  }

  /** Removes a post nothing went out from (its targets, history and notices go with it). */
  async remove(p: Principal, id: string, dto: VersionDto): Promise<void> {
    const { post } = await this.loader.load(p, id, ['admin']);
    if (!DELETABLE_STATUSES.includes(post.status)) throw AppError.conflict('content.post.notDeletable', { status: post.status });
    this.expect(post, DELETABLE_STATUSES, dto);
    await this.mustBeUnsent(id);
    await this.ds.transaction(async (em) => {
      const locked = await this.posts.lock(em, id);
      if (!locked || !DELETABLE_STATUSES.includes(locked.status)) throw AppError.conflict('content.post.notDeletable', { status: locked?.status ?? '' });
      const sent = (await this.posts.targetsOf(id, em)).find((t) => !UNSENT_TARGET_STATES.includes(t.target.status));
      if (sent) throw AppError.conflict('content.post.targetPublished', { account: sent.handle ?? sent.platform });
      await em.query(`DELETE FROM posts WHERE id = $1`, [id]);
    });
  }

  /** A new draft with the same texts, media, accounts and planning fields, without a time; the original stays as it is. */
  async duplicate(p: Principal, id: string): Promise<PostDto> {
    const { post, unit } = await this.loader.load(p, id, ['admin']);
    const agg = await this.loader.aggregate(post, unit.name);
    const input = this.loader.inputOf(agg, { scheduledAt: null });
    // Accounts the caller may no longer post to are left out rather than refused: the copy is a draft to edit.
    const { post: copy } = await this.resolver.resolve(p, unit, input);
    const newId = await this.ds.transaction((em) => this.writes.insertDraft(em, unit.id, p.userId, copy, 'duplicate', { from: id }));
    return this.loader.dto(newId, p);
  }

  private async mustBeUnsent(id: string) {
    const sent = (await this.posts.targetsOf(id)).find((t) => !UNSENT_TARGET_STATES.includes(t.target.status));
    if (sent) throw AppError.conflict('content.post.targetPublished', { account: sent.handle ?? sent.platform });
  }

  private expect(post: PostEntity, from: PostStatus[], dto: VersionDto) {
    if (dto.version !== undefined && dto.version !== post.version) throw AppError.conflict('content.post.staleVersion', { version: post.version });
    if (!from.includes(post.status)) throw AppError.conflict('content.post.wrongStatus', { status: post.status });
  }

  private async mustPass(p: Principal, post: PostEntity, unit: UnitEntity, schedule: boolean) {
    const agg = await this.loader.aggregate(post, unit.name);
    const { post: resolved, errors } = await this.resolver.resolve(p, unit, this.loader.inputOf(agg));
    const result = await this.checks.check(resolved, { postId: post.id, locale: locale(), schedule });
    failIf([...errors.filter((e) => e.code !== 'content.time.past'), ...result.errors]);
  }

  /** One move of the workflow under the row lock: status from one of `from` to `to`, plus `extra` writes and a history row. */
  private async step(
    p: Principal,
    post: PostEntity,
    from: PostStatus[],
    to: PostStatus,
    action: string,
    extra: (em: EntityManager) => Promise<void>,
    details: Record<string, unknown> = {},
    comment?: string,
  ) {
    await this.ds.transaction(async (em) => {
      const locked = await this.posts.lock(em, post.id);
      if (!locked || !from.includes(locked.status)) throw AppError.conflict('content.post.wrongStatus', { status: locked?.status ?? '' });
      if (locked.version !== post.version)
        throw AppError.conflict(action === 'approve' ? 'content.post.changedSinceRead' : 'content.post.staleVersion', { version: locked.version });
      await this.writes.updatePost(em, post.id, post.version, { status: to });
      await extra(em);
      await this.writes.addHistory(em, {
        postId: post.id,
        actorId: p.userId,
        action,
        fromStatus: post.status,
        toStatus: to,
        comment: comment ?? null,
        details,
      });
    });
  }
}
