import { seededRandom } from '@kabar/common';
import { hash32 } from '@kabar/sandbox';
import { PILLAR_TEXTS, SEED_POSTS_BY_UNIT, TOURISM_EN } from './demo-post-texts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The demo is Kota Bogor: local days and hours are WIB (UTC+7, no daylight saving). */
export const WIB = 7 * HOUR;

export interface HistoryAccount {
  id: string;
  platform: string;
  externalId: string;
  handle: string;
  unitId: string;
}

export interface HistoryUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  timeZone: string;
  accounts: HistoryAccount[];
}

export interface PlannedTarget {
  id: string;
  account: HistoryAccount;
  language: 'id' | 'en';
  externalId: string;
  url: string;
  publishedAt: number;
}

export interface PlannedPost {
  id: string;
  unit: HistoryUnit;
  pillar: string;
  programId: string | null;
  scheduledAt: number;
  textId: string;
  textEn: string | null;
  targets: PlannedTarget[];
}

function pick<T>(r: () => number, weights: Array<[T, number]>): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of weights) if ((x -= w) < 0) return v;
  return weights[weights.length - 1][0];
}

// posting hours (WIB) of government accounts: morning and evening peaks, lunch, nothing at night
const HOURS: Array<[number, number]> = [
  [6, 0.5],
  [7, 3],
  [8, 3],
  [9, 2],
  [10, 1.5],
  [11, 1.5],
  [12, 1.5],
  [13, 1.2],
  [14, 1],
  [15, 1.3],
  [16, 1.2],
  [17, 0.8],
  [18, 1],
  [19, 2.5],
  [20, 2.5],
  [21, 1.5],
  [22, 0.3],
];
const WEEKDAYS: Array<[number, number]> = [
  [0, 1],
  [1, 1],
  [2, 1],
  [3, 1],
  [4, 0.9],
  [5, 0.5],
  [6, 0.35],
];

function pillarWeights(unit: HistoryUnit): Array<[string, number]> {
  if (unit.code.endsWith('.DISPARBUD'))
    return [
      ['wisata', 6],
      ['cerita_wilayah', 2],
      ['program_prioritas', 2],
    ];
  if (unit.code.endsWith('.DISKOMINFO'))
    return [
      ['program_prioritas', 3],
      ['layanan_publik', 2.5],
      ['wisata', 2],
      ['cerita_wilayah', 1.5],
      ['tanggap_aduan', 1],
    ];
  switch (unit.kind) {
    case 'kelurahan':
    case 'kecamatan':
      return [
        ['cerita_wilayah', 3],
        ['program_prioritas', 2.5],
        ['layanan_publik', 2.5],
        ['tanggap_aduan', 1.2],
        ['wisata', 0.8],
      ];
    case 'puskesmas':
      return [
        ['layanan_publik', 5],
        ['program_prioritas', 3],
        ['cerita_wilayah', 2],
      ];
    default:
      return [
        ['program_prioritas', 3.5],
        ['layanan_publik', 3.5],
        ['tanggap_aduan', 1.5],
        ['cerita_wilayah', 1],
        ['wisata', 0.5],
      ];
  }
}

/** Posts per week: offices post most, some kelurahan barely reach the city's minimum of three. */
function weeklyRate(unit: HistoryUnit, r: () => number): number {
  if (unit.code.endsWith('.DISKOMINFO')) return 6;
  if (unit.kind === 'opd' || unit.kind === 'bumd') return 3.5 + 2.5 * r();
  if (unit.kind === 'kecamatan') return 3 + 2 * r();
  if (unit.kind === 'puskesmas') return 2 + 1.5 * r();
  return 2 + 3.5 * r();
}

// how often each platform gets a unit's post when the unit has an account there
const PLATFORM_SHARE: Record<string, number> = { instagram: 1, facebook: 0.9, x: 0.7, telegram: 0.6, threads: 0.5, mastodon: 0.5, tiktok: 0.2, youtube: 0.1 };

function displayName(unit: HistoryUnit): string {
  if (unit.kind === 'kelurahan') return `Kelurahan ${unit.name}`;
  if (unit.kind === 'kecamatan') return `Kecamatan ${unit.name}`;
  return unit.name;
}

function shortId(...parts: Array<string | number>): string {
  return Buffer.from(`${hash32(...parts)}${hash32(...parts, 'b')}`)
    .toString('base64url')
    .slice(0, 11);
}

function postUrl(a: HistoryAccount, externalId: string, seq: number): string {
  switch (a.platform) {
    case 'instagram':
      return `https://www.instagram.com/p/${shortId(externalId)}/`;
    case 'facebook':
      return `https://www.facebook.com/${a.externalId}/posts/${externalId}`;
    case 'x':
      return `https://x.com/${a.handle}/status/${externalId}`;
    case 'telegram':
      return `https://t.me/${a.handle}/${seq}`;
    case 'mastodon':
      return `https://mastodon.social/@${a.handle}/${externalId}`;
    case 'tiktok':
      return `https://www.tiktok.com/@${a.handle}/video/${externalId}`;
    case 'youtube':
      return `https://www.youtube.com/watch?v=${externalId}`;
    default:
      return `https://www.threads.net/@${a.handle}/post/${shortId(externalId)}`;
  }
}

/**
 * A year of published posts for the units with accounts: 2–6 a week per unit at realistic WIB hours,
 * pillars by kind of unit, programs from the seed, some English tourism posts, a few units that went quiet
 * in the last weeks. Pure and seeded: ids come from `newId`.
 */
export function planPosts(
  units: HistoryUnit[],
  programs: Array<{ id: string; key: string; hashtag: string | null }>,
  opts: { seed: number; fromMs: number; nowMs: number; newId: () => string },
): PlannedPost[] {
  const posts: PlannedPost[] = [];
  const telegramSeq = new Map<string, number>();
  const tourism = programs.find((p) => p.key === 'pariwisata');
  for (const unit of units) {
    const r = seededRandom(hash32('posts', unit.code, opts.seed));
    const rate = weeklyRate(unit, r);
    // one kelurahan in eight has gone quiet for 10–40 days (the inactive report has something to show)
    const quietFrom = unit.kind === 'kelurahan' && r() < 0.125 ? opts.nowMs - (10 + 30 * r()) * DAY : Infinity;
    const own = SEED_POSTS_BY_UNIT.get(unit.code) ?? [];
    const firstMonday = Math.floor((opts.fromMs + WIB) / DAY / 7) * 7 * DAY - 3 * DAY - WIB; // 1970-01-01 was a Thursday
    for (let week = firstMonday; week < opts.nowMs; week += 7 * DAY) {
      const n = Math.max(0, Math.min(10, Math.round(rate * (0.55 + 0.9 * r()))));
      for (let i = 0; i < n; i++) {
        const at = week + pick(r, WEEKDAYS) * DAY + pick(r, HOURS) * HOUR + Math.floor(r() * 12) * 5 * 60_000;
        if (at < opts.fromMs || at > opts.nowMs - 2 * HOUR || at >= quietFrom) continue;
        const seedPost = own.length && r() < 0.3 ? own[Math.floor(r() * own.length)] : undefined;
        const pillar = seedPost?.pillar ?? pick(r, pillarWeights(unit));
        const program =
          (seedPost?.program && programs.find((p) => p.key === seedPost.program)) ||
          (pillar === 'program_prioritas' || r() < 0.2 ? programs[Math.floor(r() * programs.length)] : pillar === 'wisata' && r() < 0.5 ? tourism : undefined);
        const templates = PILLAR_TEXTS[pillar] ?? PILLAR_TEXTS.layanan_publik;
        const k = Math.floor(r() * templates.length);
        let textId = seedPost?.id ?? templates[k].replace(/\{unit\}/g, displayName(unit));
        if (!seedPost && program?.hashtag && !textId.includes(program.hashtag)) textId += ` ${program.hashtag}`;
        const textEn = seedPost ? (seedPost.en ?? null) : pillar === 'wisata' && r() < 0.6 ? TOURISM_EN[k % TOURISM_EN.length] : null;
        const language = textEn && r() < 0.4 ? 'en' : 'id';
        const chosen = unit.accounts.filter((a) => r() < (PLATFORM_SHARE[a.platform] ?? 0.5));
        const targets = (chosen.length ? chosen : unit.accounts.slice(0, 1)).map((account): PlannedTarget => {
          const seq = (telegramSeq.get(account.id) ?? 100) + 1;
          telegramSeq.set(account.id, seq);
          const externalId =
            account.platform === 'telegram'
              ? String(seq)
              : account.platform === 'youtube'
                ? shortId(account.id, at, seq)
                : // the per-account sequence keeps ids unique per account (a platform post belongs to one target)
                  `${17_900_000 + (hash32(account.id, at) % 100_000)}${String(seq).padStart(10, '0')}`;
          return { id: opts.newId(), account, language, externalId, url: postUrl(account, externalId, seq), publishedAt: at + 2000 + Math.floor(r() * 40_000) };
        });
        posts.push({ id: opts.newId(), unit, pillar, programId: program?.id ?? null, scheduledAt: at, textId, textEn, targets });
      }
    }
  }
  return posts;
}
