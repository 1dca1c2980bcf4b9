import { Inject, Injectable } from '@nestjs/common';
import { AppError, currentContext } from '@kabar/common';
import { translate } from '@kabar/i18n';
import { AccessPolicy, Principal } from '@kabar/org';
import { loadPlatformLimits, NO_REPLY_PLATFORMS, Platform, ReplyTo, textLength } from '@kabar/platforms';
import { ADUAN_ANSWERED_HOOK, AnsweredHook } from './answered-hook';
import { detectLanguage } from './reply-language';
import { addressOf, renderTemplate, replyTemplatesFor, ReplyLanguage, templateKeysFor } from './reply-templates';
import { windowWarning } from './reply-windows';
import { CreatedReplyDto, CreateReplyDto, ReplyDto, ReplyListDto, ReplyWarningDto } from './replies.dto';
import { CommentForReply, RepliesRepository, ReplyRow } from './replies.repository';

/** Longest reply each platform takes under a comment (its comment or status limit). */
const REPLY_MAX: Record<Platform, number> = {
  facebook: 8000,
  instagram: 2200,
  x: 280,
  mastodon: 500,
  youtube: 10_000,
  threads: 500,
  telegram: 4096,
  tiktok: 150,
};

const locale = () => currentContext()?.locale ?? 'id';

/**
 * Replies to citizens on the platform, under their comment or mention, published by the exactly-once engine
 * (a post of kind `reply`, no content review: like an inbox reply in Hootsuite or Meta Business Suite). Only admins
 * of the comment's account's unit (or above) reply; anyone who sees the unit reads the replies.
 */
@Injectable()
export class RepliesService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repo: RepliesRepository,
    @Inject(ADUAN_ANSWERED_HOOK) private readonly hook: AnsweredHook,
  ) {}

  async create(p: Principal, commentId: string, dto: CreateReplyDto, now = new Date()): Promise<CreatedReplyDto> {
    const c = await this.visibleComment(p, commentId);
    if (!this.access.covers(p, { path: c.unitPath }, ['admin'])) throw AppError.forbidden();
    if (NO_REPLY_PLATFORMS.includes(c.platform)) throw AppError.badRequest('aduan.replies.platformCannotReply', { platform: c.platform });
    if (!!dto.text === !!dto.template) throw AppError.badRequest('aduan.replies.textOrTemplate');
    const language: ReplyLanguage = dto.language ?? detectLanguage(c.text);
    let text = dto.text?.trim() ?? '';
    if (dto.template) {
      const rendered = await this.render(c, dto.template, language);
      if (rendered === null) throw AppError.badRequest('aduan.replies.unknownTemplate', { template: dto.template });
      text = rendered;
    }
    // Mastodon notifies only the accounts a status mentions: the citizen is mentioned first unless already.
    if (c.platform === 'mastodon' && c.authorHandle && !text.includes(`@${c.authorHandle.replace(/^@/, '')}`))
      text = `@${c.authorHandle.replace(/^@/, '')} ${text}`;
    this.checkLength(c.platform, text);
    const id = await this.repo.create({ comment: c, text, language, templateKey: dto.template ?? null, userId: p.userId, replyTo: replyToOf(c) });
    if (!id) throw AppError.conflict('aduan.replies.duplicate');
    const row = (await this.repo.byId(id))!;
    return { ...mapReply(row), unitId: c.unitId, warnings: this.warnings(c, now) };
  }

  async list(p: Principal, commentId: string, now = new Date()): Promise<ReplyListDto> {
    const c = await this.visibleComment(p, commentId);
    const rows = await this.repo.listForComment(commentId);
    const language = detectLanguage(c.text);
    const templates = [];
    for (const key of templateKeysFor(replyTemplatesFor(c.rootCode), c.category))
      templates.push({ key, language, text: (await this.render(c, key, language))! });
    return { items: rows.map(mapReply), templates, detectedLanguage: language, warnings: this.warnings(c, now) };
  }

  /** A template filled for this comment: the citizen's address, the routed agency, the ticket number. */
  private async render(c: CommentForReply, key: string, language: ReplyLanguage): Promise<string | null> {
    const ticket = (await this.hook.ticketNumberOf?.(c.id)) ?? fallbackTicket(c.id);
    const rendered = renderTemplate(replyTemplatesFor(c.rootCode), key, language, {
      handle: addressOf(c.platform, c.authorHandle),
      agency: c.agencyName,
      ticket,
    });
    return rendered?.replace(/^(Halo|Hello) ,/, '$1,') ?? null;
  }

  private async visibleComment(p: Principal, commentId: string): Promise<CommentForReply> {
    const c = await this.repo.comment(commentId);
    if (!c || !this.access.covers(p, { path: c.unitPath })) throw AppError.notFound('aduan.replies.commentNotFound');
    return c;
  }

  private checkLength(platform: Platform, text: string): void {
    const counting = ['x', 'mastodon', 'threads'].includes(platform) ? loadPlatformLimits()[platform].text.counting : 'utf16';
    const length = textLength(text, counting);
    if (length > REPLY_MAX[platform])
      throw AppError.validation([{ field: 'text', code: 'platform.tooLong', params: { platform, length, max: REPLY_MAX[platform] } }]);
  }

  private warnings(c: CommentForReply, now: Date): ReplyWarningDto[] {
    const out: ReplyWarningDto[] = [];
    const w = windowWarning(c.platform, new Date(c.writtenAt), now);
    if (w) out.push({ ...w, message: translate(locale(), w.code, w.params) });
    if (c.accountStatus !== 'active') {
      const params = { platform: c.platform };
      out.push({ code: 'aduan.replies.warnings.accountInactive', params, message: translate(locale(), 'aduan.replies.warnings.accountInactive', params) });
    }
    return out;
  }
}

/** What the reply answers, as the adapters need it. Telegram ids are `<discussion group>_<message id>` (collection) or `…:…`. */
export function replyToOf(c: Pick<CommentForReply, 'externalId' | 'postExternalId' | 'parentExternalId' | 'authorHandle' | 'platform' | 'kind'>): ReplyTo {
  const out: ReplyTo = { externalId: c.externalId, authorHandle: c.authorHandle, kind: c.kind as ReplyTo['kind'] };
  if (c.postExternalId) out.postExternalId = c.postExternalId;
  if (c.parentExternalId) out.parentExternalId = c.parentExternalId;
  const tg = c.platform === 'telegram' ? /^(-?\d+)[:_]\d+$/.exec(c.externalId) : null;
  if (tg) out.chatId = tg[1];
  return out;
}

/** Until the comment has a ticket: a stable short reference from the comment's id. */
export function fallbackTicket(commentId: string): string {
  return `ADU-${commentId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

function mapReply(r: ReplyRow): ReplyDto {
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id,
    commentId: r.commentId,
    postId: r.postId,
    targetId: r.targetId,
    text: r.text,
    language: r.language,
    templateKey: r.templateKey,
    status: r.status,
    externalId: r.externalId,
    url: r.externalUrl,
    publishedAt: iso(r.publishedAt),
    problem: r.status === 'unconfirmed' ? r.unconfirmedReason : r.status === 'published' ? null : r.lastErrorMessage,
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    createdAt: iso(r.createdAt)!,
  };
}
