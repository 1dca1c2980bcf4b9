import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { quotaDay, SharedLimits, YOUTUBE_QUOTA_ZONE } from '@kabar/platforms';
import { ResolvedPost } from '../posts/post-input.resolver';
import type { Finding } from './post-checks.service';

/**
 * "Says so before scheduling": a YouTube upload scheduled on a quota day (midnight to midnight Pacific time)
 * whose units are already spoken for — spent that day, plus the other YouTube uploads planned on it — gets a
 * warning; the upload would wait for the next day (KABAR_YOUTUBE_DAILY_UNITS, KABAR_YOUTUBE_UPLOAD_UNITS).
 */
@Injectable()
export class YouTubeQuotaCheck {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly limits: SharedLimits,
  ) {}

  async warnings(post: ResolvedPost, postId: string | null, locale: 'id' | 'en'): Promise<Finding[]> {
    if (this.limits.settings.youtubeDailyUnits <= 0) return [];
    const mine = post.targets.map((t, i) => ({ t, i })).filter((x) => x.t.account.platform === 'youtube' && x.t.scheduledAt);
    const byDay = new Map<string, typeof mine>();
    for (const x of mine) {
      const day = quotaDay(x.t.scheduledAt!, YOUTUBE_QUOTA_ZONE).day;
      byDay.set(day, [...(byDay.get(day) ?? []), x]);
    }
    const out: Finding[] = [];
    for (const [day, items] of byDay) {
      const d = await this.limits.youtubeDay(items[0].t.scheduledAt!);
      const [{ n: planned }] = await this.ds.query(
        `SELECT count(*)::int AS n FROM post_targets t JOIN social_accounts a ON a.id = t.account_id
          WHERE a.platform = 'youtube' AND t.status IN ('scheduled', 'publishing')
            AND coalesce(t.next_attempt_at, t.scheduled_at) >= $1 AND coalesce(t.next_attempt_at, t.scheduled_at) < $2
            AND ($3::uuid IS NULL OR t.post_id <> $3::uuid)`,
        [d.startsAt, d.resetsAt, postId],
      );
      const uploads = Math.floor(d.budget / d.uploadUnits);
      const free = Math.floor(Math.max(0, d.budget - d.spent) / d.uploadUnits) - planned;
      const date = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
      items.forEach((x, k) => {
        if (k < free) return;
        out.push({
          field: `targets[${x.i}].scheduledAt`,
          code: 'content.schedule.youtubeQuota',
          params: { date, uploads, planned: planned + Math.floor(d.spent / d.uploadUnits) + k },
          accountId: x.t.accountId,
        });
      });
    }
    return out;
  }
}
