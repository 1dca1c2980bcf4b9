import { Injectable } from '@nestjs/common';
import { ErrorDetail } from '@kabar/common';
import { AccessPolicy, Principal, Role, UnitEntity } from '@kabar/org';
import { MediaEntity } from '../entities/media.entity';
import { Language } from '../entities/post.entity';
import { PillarEntity } from '../entities/planner.entities';
import { parseLocal } from '../time/local-time';
import { VariantRow } from './post-writes.repository';
import { AccountRef, PostRefsRepository } from './post-refs.repository';

/** A time from the request (a string, checked not to be past) or one already stored (a Date, kept as is). */
export type TimeInput = string | Date | null | undefined;

export interface PostInput {
  pillar: string;
  programId: string | null;
  campaignId: string | null;
  variants: Array<{ language: Language; platform?: string | null; text: string; hashtags?: string[]; link?: string | null }>;
  mediaIds: string[];
  targets: Array<{ accountId: string; language?: Language; scheduledAt?: TimeInput }>;
  scheduledAt: TimeInput;
  timeZone: string;
}

export interface ResolvedTarget {
  accountId: string;
  language: Language;
  scheduledAt: Date | null;
  account: AccountRef;
}

export interface ResolvedPost {
  pillar: PillarEntity | null;
  pillarKey: string;
  programId: string | null;
  campaignId: string | null;
  variants: VariantRow[];
  media: MediaEntity[];
  targets: ResolvedTarget[];
  scheduledAt: Date | null;
  timeZone: string;
}

/** Checks what a post refers to and reads its times; every problem is named by field. */
@Injectable()
export class PostInputResolver {
  constructor(
    private readonly refs: PostRefsRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** `accountRoles`: the roles that let `p` post to an account (a reviewer scheduling an approved post: admin or reviewer). */
  async resolve(
    p: Principal,
    unit: UnitEntity,
    input: PostInput,
    now = new Date(),
    accountRoles: readonly Role[] = ['admin'],
  ): Promise<{ post: ResolvedPost; errors: ErrorDetail[] }> {
    const errors: ErrorDetail[] = [];
    const pillar = await this.refs.pillar(input.pillar);
    if (!pillar) errors.push({ field: 'pillar', code: 'content.pillar.unknown', params: { pillar: input.pillar } });
    if (input.programId && !(await this.refs.program(input.programId))) errors.push({ field: 'programId', code: 'content.program.unknown' });
    if (input.campaignId) {
      const c = await this.refs.campaign(input.campaignId);
      const path = c ? await this.refs.unitPath(c.unitId) : null;
      if (!c || !path || !unit.path.startsWith(path)) errors.push({ field: 'campaignId', code: 'content.campaign.unknown' });
    }
    const seen = new Set<string>();
    const variants: VariantRow[] = [];
    input.variants.forEach((v, i) => {
      const key = `${v.language}:${v.platform ?? ''}`;
      if (seen.has(key)) errors.push({ field: `variants[${i}]`, code: 'content.variant.duplicate', params: { language: v.language } });
      seen.add(key);
      const hashtags = (v.hashtags ?? []).map((h) => h.trim()).filter(Boolean);
      variants.push({ language: v.language, platform: v.platform ?? null, text: v.text, hashtags, link: v.link || null });
    });
    const mediaIds = [...new Set(input.mediaIds)];
    const media = await this.refs.media(mediaIds);
    mediaIds.forEach((id, i) => {
      if (!media.some((m) => m.id === id && m.unitId === unit.id)) errors.push({ field: `mediaIds[${i}]`, code: 'content.media.notInLibrary' });
    });
    const ordered = mediaIds.map((id) => media.find((m) => m.id === id)).filter((m): m is MediaEntity => !!m);
    const zone = input.timeZone;
    const scheduledAt = this.time(input.scheduledAt, zone, 'scheduledAt', now, errors);
    const accounts = await this.refs.accounts(input.targets.map((t) => t.accountId));
    const targets: ResolvedTarget[] = [];
    const seenAccounts = new Set<string>();
    input.targets.forEach((t, i) => {
      const account = accounts.find((a) => a.id === t.accountId);
      // an account the caller cannot see is "not found", whatever unit it belongs to (nothing about it is told)
      if (!account || !this.access.covers(p, { path: account.unitPath })) {
        errors.push({ field: `targets[${i}].accountId`, code: 'content.target.accountNotAllowed' });
        return;
      }
      // A unit's post goes out on its own accounts and its subtree's, never on another unit's (not a side door).
      if (!account.unitPath.startsWith(unit.path)) {
        errors.push({
          field: `targets[${i}].accountId`,
          code: 'content.target.otherUnit',
          params: { account: account.handle ?? account.platform, platform: account.platform, accountUnit: account.unitName, unit: unit.name },
          accountId: account.id,
        } as ErrorDetail);
        return;
      }
      if (!this.access.covers(p, { path: account.unitPath }, accountRoles)) {
        errors.push({ field: `targets[${i}].accountId`, code: 'content.target.accountNotAllowed' });
        return;
      }
      if (seenAccounts.has(t.accountId))
        errors.push({ field: `targets[${i}].accountId`, code: 'content.target.duplicate', params: { handle: account.handle ?? '' } });
      seenAccounts.add(t.accountId);
      const at = t.scheduledAt === undefined || t.scheduledAt === null ? scheduledAt : this.time(t.scheduledAt, zone, `targets[${i}].scheduledAt`, now, errors);
      targets.push({ accountId: t.accountId, language: t.language ?? 'id', scheduledAt: at, account });
    });
    const earliest = targets.reduce<Date | null>((m, t) => (t.scheduledAt && (!m || t.scheduledAt < m) ? t.scheduledAt : m), null);
    return {
      post: {
        pillar,
        pillarKey: input.pillar,
        programId: input.programId,
        campaignId: input.campaignId,
        variants,
        media: ordered,
        targets,
        scheduledAt: scheduledAt ?? earliest,
        timeZone: zone,
      },
      errors,
    };
  }

  private time(value: TimeInput, zone: string, field: string, now: Date, errors: ErrorDetail[]): Date | null {
    if (value === undefined || value === null || value === '') return null;
    if (value instanceof Date) return value;
    const at = parseLocal(value, zone);
    if (!at) {
      errors.push({ field, code: 'content.time.invalid', params: { value } });
      return null;
    }
    if (at.getTime() <= now.getTime()) errors.push({ field, code: 'content.time.past', params: { value } });
    return at;
  }
}
