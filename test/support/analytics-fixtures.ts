import { randomUUID } from 'crypto';
import { ensureMonthPartitions, ingestPostMetrics, ingestSnapshots, PostMetricRow } from '@kabar/analytics';
import { TestApp } from './test-app';
import { unitId } from './users';

/**
 * Builds analytics data through the real storage functions: accounts (rows as the accounts context stores
 * them), snapshots (ingestSnapshots → account_daily, unit_daily), published posts and their metrics
 * (ingestPostMetrics → target_metrics).
 */
export class AnalyticsFixtures {
  constructor(private readonly t: Pick<TestApp, 'ds'>) {}

  async account(
    unitCode: string,
    platform: string,
    opts: {
      handle?: string;
      status?: 'active' | 'needs_reconnect' | 'disabled';
      followers?: number | null;
      collectionFailures?: number;
      collectionError?: string;
    } = {},
  ): Promise<{ id: string; handle: string; unitId: string }> {
    const id = randomUUID();
    const handle = opts.handle ?? `${platform}-${id.slice(0, 6)}`;
    const unit = await unitId(this.t, unitCode);
    await this.t.ds.query(
      `INSERT INTO social_accounts (id, unit_id, platform, external_id, handle, display_name, status, credentials_enc, sandbox, followers,
                                    collection_failures, collection_error)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, true, $8, $9, $10)`,
      [
        id,
        unit,
        platform,
        `ext-${id.slice(0, 8)}`,
        handle,
        opts.status ?? 'active',
        `v1.test.${id}`,
        opts.followers ?? null,
        opts.collectionFailures ?? 0,
        opts.collectionError ?? null,
      ],
    );
    return { id, handle, unitId: unit };
  }

  /** `[accountId, ISO instant, followers]` readings. */
  async snapshots(rows: Array<[string, string, number]>): Promise<void> {
    const ats = rows.map((r) => new Date(r[1]));
    await this.partitions('account_snapshots', ats);
    await this.t.ds.transaction((em) =>
      ingestSnapshots(
        em,
        rows.map(([accountId, , followers], i) => ({ accountId, at: ats[i], followers })),
      ),
    );
  }

  /** A post of `unitCode` published on the given accounts at `publishedAt`. */
  async publishedPost(opts: {
    unitCode: string;
    accountIds: string[];
    publishedAt: string;
    pillar: string;
    programId?: string | null;
    excerpt: string;
    authorId?: string | null;
  }): Promise<{ postId: string; targetIds: string[] }> {
    const [post] = await this.t.ds.query(
      `INSERT INTO posts (unit_id, author_id, pillar, program_id, status, scheduled_at, excerpt, platforms)
       VALUES ($1, $2, $3, $4, 'published', $5, $6, (SELECT array_agg(platform) FROM social_accounts WHERE id = ANY($7::uuid[]))) RETURNING id`,
      [await unitId(this.t, opts.unitCode), opts.authorId ?? null, opts.pillar, opts.programId ?? null, opts.publishedAt, opts.excerpt, opts.accountIds],
    );
    const targetIds: string[] = [];
    for (const accountId of opts.accountIds) {
      const [t] = await this.t.ds.query(
        `INSERT INTO post_targets (post_id, account_id, language, status, scheduled_at, published_at, external_id, external_url, idempotency_key)
         VALUES ($1, $2, 'id', 'published', $3, $3, $4, $5, $6) RETURNING id`,
        [post.id, accountId, opts.publishedAt, `pub-${randomUUID().slice(0, 8)}`, `https://example.test/p/${post.id}/${accountId.slice(0, 8)}`, randomUUID()],
      );
      targetIds.push(t.id);
    }
    return { postId: post.id, targetIds };
  }

  /** A post in some other state (scheduled, in_review, …), with one target per account in `targetStatus`. */
  async post(opts: {
    unitCode: string;
    accountIds: string[];
    status: string;
    targetStatus?: string;
    scheduledAt?: string | null;
    excerpt: string;
    authorId?: string | null;
  }): Promise<string> {
    const [post] = await this.t.ds.query(
      `INSERT INTO posts (unit_id, author_id, pillar, status, scheduled_at, excerpt, platforms)
       VALUES ($1, $2, 'layanan_publik', $3, $4, $5, (SELECT coalesce(array_agg(platform), '{}') FROM social_accounts WHERE id = ANY($6::uuid[]))) RETURNING id`,
      [await unitId(this.t, opts.unitCode), opts.authorId ?? null, opts.status, opts.scheduledAt ?? null, opts.excerpt, opts.accountIds],
    );
    for (const accountId of opts.accountIds)
      await this.t.ds.query(
        `INSERT INTO post_targets (post_id, account_id, language, status, scheduled_at, idempotency_key) VALUES ($1, $2, 'id', $3, $4, $5)`,
        [post.id, accountId, opts.targetStatus ?? 'pending', opts.scheduledAt ?? null, randomUUID()],
      );
    return post.id;
  }

  async metrics(rows: PostMetricRow[]): Promise<void> {
    await this.partitions(
      'post_metrics',
      rows.map((r) => r.at),
    );
    await this.t.ds.transaction((em) => ingestPostMetrics(em, rows));
  }

  async program(unitCode: string, nameId: string, nameEn: string): Promise<string> {
    const [row] = await this.t.ds.query(`INSERT INTO programs (unit_id, name_id, name_en) VALUES ($1, $2, $3) RETURNING id`, [
      await unitId(this.t, unitCode),
      nameId,
      nameEn,
    ]);
    return row.id;
  }

  private async partitions(table: 'account_snapshots' | 'post_metrics', ats: Date[]) {
    const times = ats.map((a) => a.getTime());
    await ensureMonthPartitions(this.t.ds, table, new Date(Math.min(...times)), new Date(Math.max(...times)));
  }
}

export const BOGOR_SELATAN = '32.71.01';
export const BATU_TULIS = '32.71.01.1001';
export const BONDONGAN = '32.71.01.1002';
export const EMPANG = '32.71.01.1003';

/**
 * The hand-computed scenario of the reports tests (WIB = UTC+7):
 * - a1 @ Batu Tulis: 16:59:59Z and 17:00:00Z readings either side of local midnight, across Jan → Feb 2026,
 *   a gap on Feb 2; a2 @ Bondongan, a3 @ Empang; a5 @ Empang needs a reconnect.
 * - Feb 2026 posts: p1 (a1, Tue 09 WIB, 50 interactions at 1070 followers, program), p2 (a1, Mon 12 WIB, 21 at 1100),
 *   p3 (a2, Tue 10 WIB, 150 at 2000, program), p4 and p5 (a1, Tue 09 WIB, 30 and 24 at 1200).
 */
export async function seedReportsScenario(t: Pick<TestApp, 'ds'>) {
  const f = new AnalyticsFixtures(t);
  const a1 = await f.account(BATU_TULIS, 'instagram', { handle: 'batutulis', followers: 1200 });
  const a2 = await f.account(BONDONGAN, 'facebook', { handle: 'bondongan' });
  const a3 = await f.account(EMPANG, 'x', { handle: 'empang' });
  const a5 = await f.account(EMPANG, 'telegram', { handle: 'empang_tg', status: 'needs_reconnect', collectionFailures: 2, collectionError: 'token expired' });
  await f.snapshots([
    [a1.id, '2026-01-29T03:00:00Z', 1000],
    [a1.id, '2026-01-30T16:59:59Z', 1010],
    [a1.id, '2026-01-30T17:00:00Z', 1020],
    [a1.id, '2026-01-31T16:59:59Z', 1030],
    [a1.id, '2026-01-31T17:00:00Z', 1045],
    [a1.id, '2026-02-01T05:00:00Z', 1050],
    [a1.id, '2026-02-03T02:00:00Z', 1070],
    [a1.id, '2026-02-09T02:00:00Z', 1100],
    [a1.id, '2026-02-28T10:00:00Z', 1200],
    [a1.id, '2026-03-02T01:00:00Z', 1250],
    [a2.id, '2026-01-01T02:00:00Z', 1000],
    [a2.id, '2026-01-31T02:00:00Z', 1500],
    [a2.id, '2026-02-01T02:00:00Z', 2000],
    [a2.id, '2026-02-03T02:00:00Z', 2000],
    [a2.id, '2026-02-28T02:00:00Z', 2100],
    [a3.id, '2026-01-01T02:00:00Z', 500],
    [a3.id, '2026-01-31T02:00:00Z', 500],
    [a3.id, '2026-02-01T02:00:00Z', 500],
    [a3.id, '2026-02-28T02:00:00Z', 600],
  ]);
  const program = await f.program('32.71', 'Bogor Bersih', 'Clean Bogor');
  const post = (accountId: string, unitCode: string, publishedAt: string, pillar: string, excerpt: string, programId: string | null = null) =>
    f.publishedPost({ unitCode, accountIds: [accountId], publishedAt, pillar, programId, excerpt });
  const p1 = await post(a1.id, BATU_TULIS, '2026-02-03T02:00:00Z', 'cerita_wilayah', 'Prasasti Batutulis, cerita "batu bertulis", mari jaga', program);
  const p2 = await post(a1.id, BATU_TULIS, '2026-02-09T05:00:00Z', 'wisata', 'Jalan-jalan ke Batu Tulis');
  const p3 = await post(a2.id, BONDONGAN, '2026-02-03T03:00:00Z', 'program_prioritas', 'Bondongan bersih, Bogor Bersih', program);
  const p4 = await post(a1.id, BATU_TULIS, '2026-02-17T02:00:00Z', 'cerita_wilayah', 'Asal nama Batu Tulis');
  const p5 = await post(a1.id, BATU_TULIS, '2026-02-24T02:00:00Z', 'layanan_publik', 'Layanan KTP keliling');
  const at = new Date('2026-03-01T00:00:00Z');
  await f.metrics([
    { targetId: p1.targetIds[0], at, likes: 40, comments: 5, shares: 5, views: 2000, reach: 900 },
    { targetId: p2.targetIds[0], at, likes: 20, comments: 1, shares: 0 },
    { targetId: p3.targetIds[0], at, likes: 100, comments: 20, shares: 30 },
    { targetId: p4.targetIds[0], at, likes: 30, comments: 0, shares: 0 },
    { targetId: p5.targetIds[0], at, likes: 24, comments: null, shares: null },
  ]);
  return { f, a1, a2, a3, a5, program, p1, p2, p3, p4, p5 };
}
