import { MediaEntity } from '../entities/media.entity';
import { PostVariantEntity } from '../entities/post-variant.entity';
import { PostEntity } from '../entities/post.entity';
import { formatLocal } from '../time/local-time';
import { mapTarget } from './map-target';
import { HistoryDto, PostDto, PostMediaDto, PostSummaryDto, VariantDto } from './post-response.dto';
import { HistoryRow, PostListRow, TargetRow } from './posts.repository';

export const mediaFileUrl = (id: string) => `/api/v1/media/${id}/file`;

export function mapMedia(m: MediaEntity): PostMediaDto {
  return { id: m.id, kind: m.kind, mimeType: m.mimeType, width: m.width, height: m.height, bytes: m.bytes, altText: m.altText, url: mediaFileUrl(m.id) };
}

export function mapVariant(v: PostVariantEntity): VariantDto {
  return { language: v.language, platform: v.platform, text: v.text, hashtags: v.hashtags, link: v.link };
}

function mapHistory(h: HistoryRow): HistoryDto {
  return {
    at: h.at.toISOString(),
    actorId: h.actorId,
    actorName: h.actorName,
    action: h.action,
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    comment: h.comment,
    details: h.details,
  };
}

export function mapSummary(r: PostListRow): PostSummaryDto {
  const at = r.scheduled_at ? new Date(r.scheduled_at) : null;
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    authorId: r.author_id,
    pillar: r.pillar,
    programId: r.program_id,
    campaignId: r.campaign_id,
    status: r.status as PostSummaryDto['status'],
    scheduledAt: at?.toISOString() ?? null,
    scheduledAtLocal: at ? formatLocal(at, r.time_zone) : null,
    timeZone: r.time_zone,
    excerpt: r.excerpt ?? '',
    platforms: r.platforms ?? [],
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface PostAggregate {
  post: PostEntity;
  unitName: string;
  variants: PostVariantEntity[];
  media: MediaEntity[];
  targets: TargetRow[];
  history: HistoryRow[];
}

export function mapPost(a: PostAggregate): Omit<PostDto, 'allowedActions'> {
  const { post } = a;
  const toLocal = (d: Date) => formatLocal(d, post.timeZone);
  const idText = a.variants.find((v) => v.language === 'id' && !v.platform)?.text ?? a.variants[0]?.text ?? '';
  return {
    ...mapSummary({
      id: post.id,
      unit_id: post.unitId,
      unit_name: a.unitName,
      author_id: post.authorId,
      pillar: post.pillar,
      program_id: post.programId,
      campaign_id: post.campaignId,
      status: post.status,
      scheduled_at: post.scheduledAt,
      time_zone: post.timeZone,
      version: post.version,
      updated_at: post.updatedAt,
      excerpt: idText.slice(0, 160),
      platforms: post.platforms,
    }),
    approvedBy: post.approvedBy,
    approvedAt: post.approvedAt?.toISOString() ?? null,
    createdAt: post.createdAt.toISOString(),
    variants: a.variants.map(mapVariant),
    media: a.media.map(mapMedia),
    targets: a.targets.map((t) => mapTarget(t.target, t, toLocal)),
    history: a.history.map(mapHistory),
  };
}
