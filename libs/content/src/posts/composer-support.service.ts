import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@kabar/common';
import { AccessPolicy, Principal } from '@kabar/org';
import { formatLocal, parseLocal } from '../time/local-time';
import { BestTimeDto, TargetAccountDto } from './composer-support.dto';

/** A unit's own history counts once it has this many published posts in the window; before that, the city's. */
const MIN_OWN_POSTS = 20;
/** A slot counts with at least this many posts in it. */
const MIN_SLOT_POSTS = 3;
const WINDOW_DAYS = 180;

/** What the composer needs beside the post: the accounts a unit's post may target, and when the unit's posts do best. */
@Injectable()
export class ComposerSupport {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** Accounts of the unit and its subtree that the caller administers, not disabled, by platform and handle. */
  async targetAccounts(p: Principal, unitId: string): Promise<TargetAccountDto[]> {
    const unit = await this.access.requireUnit(p, unitId, ['admin']);
    const rows: Array<TargetAccountDto & { unitPath: string }> = await this.ds.query(
      `SELECT a.id, a.unit_id AS "unitId", u.name AS "unitName", u.path AS "unitPath", a.platform, a.handle, a.display_name AS "displayName", a.status
         FROM social_accounts a JOIN units u ON u.id = a.unit_id
        WHERE u.path LIKE $1 || '%' AND a.status <> 'disabled'
        ORDER BY a.platform, u.path = $1 DESC, lower(coalesce(a.handle, a.display_name, '')), a.id`,
      [unit.path],
    );
    return rows.filter((r) => this.access.covers(p, { path: r.unitPath }, ['admin'])).map(({ unitPath, ...r }) => (void unitPath, r));
  }

  /**
   * The best hours to post: interactions per follower of the unit's (and its subtree's) published posts over the
   * last 180 days, by weekday and hour in the unit's zone; the city's where the unit has too few posts. Each slot
   * comes with its next occurrence as a wall-clock time the composer can put in its fields.
   */
  async bestTime(p: Principal, unitId: string): Promise<BestTimeDto> {
    const unit = await this.access.requireUnit(p, unitId);
    const now = this.clock.now();
    const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
    const rows: Array<{ weekday: number; hour: number; own: boolean; posts: number; rate: number | null }> = await this.ds.query(
      `SELECT extract(isodow FROM tm.published_at AT TIME ZONE $3)::int AS weekday, extract(hour FROM tm.published_at AT TIME ZONE $3)::int AS hour,
              (u.path LIKE $4 || '%') AS own, count(*)::int AS posts,
              (sum(tm.interactions) FILTER (WHERE tm.followers_at_post > 0)::float8 / nullif(sum(tm.followers_at_post) FILTER (WHERE tm.followers_at_post > 0), 0)) AS rate
         FROM target_metrics tm JOIN units u ON u.id = tm.unit_id
        WHERE tm.published_at >= $1 AND tm.published_at < $2
        GROUP BY 1, 2, 3`,
      [since, now, unit.timeZone, unit.path],
    );
    const ownPosts = rows.filter((r) => r.own).reduce((n, r) => n + r.posts, 0);
    const source: 'unit' | 'city' = ownPosts >= MIN_OWN_POSTS ? 'unit' : 'city';
    const cells = new Map<string, { weekday: number; hour: number; posts: number; interactions: number; followers: number }>();
    for (const r of rows) {
      if (source === 'unit' && !r.own) continue;
      const key = `${r.weekday}:${r.hour}`;
      const c = cells.get(key) ?? { weekday: r.weekday, hour: r.hour, posts: 0, interactions: 0, followers: 0 };
      // rates of own and other units' rows are merged by weight (posts), close enough to rank hours
      c.interactions += (r.rate ?? 0) * r.posts;
      c.followers += r.posts;
      c.posts += r.posts;
      cells.set(key, c);
    }
    const slots = [...cells.values()]
      .filter((c) => c.posts >= MIN_SLOT_POSTS)
      .map((c) => ({ weekday: c.weekday, hour: c.hour, posts: c.posts, rate: c.followers ? c.interactions / c.followers : 0 }))
      .sort((a, b) => b.rate - a.rate || b.posts - a.posts || a.weekday - b.weekday || a.hour - b.hour)
      .slice(0, 3)
      .map((s) => ({ ...s, next: nextOccurrence(now, unit.timeZone, s.weekday, s.hour) }));
    return { source, posts: source === 'unit' ? ownPosts : rows.reduce((n, r) => n + r.posts, 0), timeZone: unit.timeZone, slots };
  }
}

/** The next wall-clock `weekday` (ISO, 1 = Monday) at `hour`:00 in `zone` that is at least an hour after `now`. */
export function nextOccurrence(now: Date, zone: string, weekday: number, hour: number): string {
  const today = formatLocal(now, zone).slice(0, 10);
  const base = new Date(`${today}T00:00:00Z`);
  for (let d = 0; d <= 7; d++) {
    const day = new Date(base.getTime() + d * 86_400_000);
    const iso = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    if (iso !== weekday) continue;
    const local = `${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
    const at = parseLocal(local, zone);
    if (at && at.getTime() >= now.getTime() + 3_600_000) return local;
  }
  const day = new Date(base.getTime() + 7 * 86_400_000);
  return `${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}
