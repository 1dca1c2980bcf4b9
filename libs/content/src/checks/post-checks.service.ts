import { Inject, Injectable } from '@nestjs/common';
import { ErrorDetail, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { Platform, PlatformRegistry, PublishContent, composeText, loadPlatformLimits, normalizeForFingerprint, textLength } from '@kabar/platforms';
import { GlossaryRepository } from '../glossary/glossary.repository';
import { checkGlossary } from '../glossary/glossary-check';
import { ResolvedPost, ResolvedTarget } from '../posts/post-input.resolver';
import { VariantRow } from '../posts/post-writes.repository';
import { formatHuman } from '../time/local-time';
import { NeighboursRepository } from './neighbours.repository';
import { YouTubeQuotaCheck } from './youtube-quota.check';
import { PLATFORM_NAMES } from '@kabar/i18n';

export interface Finding extends ErrorDetail {
  accountId?: string;
}

export interface Counter {
  accountId: string;
  platform: string;
  language: string;
  length: number;
  max: number;
}

export interface CheckResult {
  errors: Finding[];
  warnings: Finding[];
  counters: Counter[];
}

const DUPLICATE_WINDOW_MS = 7 * 24 * 3600_000;
const limits = loadPlatformLimits();
export { PLATFORM_NAMES };

/** The variant a target publishes: its platform's override first, else its language's text. */
export function variantFor(variants: VariantRow[], language: string, platform: string): VariantRow | undefined {
  return variants.find((v) => v.language === language && v.platform === platform) ?? variants.find((v) => v.language === language && !v.platform);
}

export function contentOf(v: VariantRow, media: ResolvedPost['media'], mediaUrl: (id: string) => string = () => ''): PublishContent {
  return {
    text: v.text,
    link: v.link ?? undefined,
    hashtags: v.hashtags,
    media: media.map((m) => ({
      url: mediaUrl(m.id),
      mimeType: m.mimeType,
      width: m.width ?? undefined,
      height: m.height ?? undefined,
      bytes: m.bytes,
      altText: m.altText ?? undefined,
    })),
  };
}

/** Every rule a post must pass before review and before scheduling (errors), and what is only worth a warning. */
@Injectable()
export class PostChecks {
  constructor(
    private readonly registry: PlatformRegistry,
    private readonly glossary: GlossaryRepository,
    private readonly neighbours: NeighboursRepository,
    private readonly youtubeQuota: YouTubeQuotaCheck,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
  ) {}

  async check(post: ResolvedPost, opts: { postId?: string | null; locale: 'id' | 'en'; schedule?: boolean }): Promise<CheckResult> {
    const errors: Finding[] = [];
    const counters: Counter[] = [];
    if (!post.targets.length) errors.push({ field: 'targets', code: 'content.post.noTargets' });
    const en = post.variants.find((v) => v.language === 'en' && !v.platform);
    if (post.pillar?.requiresEnglish && !en?.text.trim())
      errors.push({ field: 'variants.en', code: 'content.post.englishRequired', params: { pillar: post.pillar.nameId } });
    post.targets.forEach((t, i) => errors.push(...this.targetProblems(post, t, i, counters)));
    if (opts.schedule) {
      post.targets.forEach((t, i) => {
        if (!t.scheduledAt) errors.push({ field: `targets[${i}].scheduledAt`, code: 'content.time.required', accountId: t.accountId });
      });
    }
    const warnings: Finding[] = [];
    const terms = await this.glossary.all();
    post.variants
      .filter((v) => v.language === 'en')
      .forEach((v) => warnings.push(...checkGlossary(v.text, terms, v.platform ? `variants.en.${v.platform}` : 'variants.en')));
    warnings.push(...(await this.scheduleWarnings(post, opts.postId ?? null, opts.locale)));
    warnings.push(...(await this.youtubeQuota.warnings(post, opts.postId ?? null, opts.locale)));
    return { errors, warnings: dedupe(warnings), counters };
  }

  private targetProblems(post: ResolvedPost, t: ResolvedTarget, i: number, counters: Counter[]): Finding[] {
    const platform = t.account.platform as Platform;
    const variant = variantFor(post.variants, t.language, platform);
    const account = t.account.handle ?? platform;
    if (!variant)
      return [{ field: `targets[${i}].language`, code: 'content.target.variantMissing', params: { language: t.language, account }, accountId: t.accountId }];
    const content = contentOf(variant, post.media);
    const l = limits[platform];
    const textLimit = content.media?.length && l.caption ? l.caption : l.text;
    counters.push({ accountId: t.accountId, platform, language: t.language, length: textLength(composeText(content), textLimit.counting), max: textLimit.max });
    return this.registry
      .get(platform)
      .validate(content)
      .map((pr) => ({
        field: `targets[${i}].${pr.field}`,
        code: pr.code,
        params: { ...pr.params, platform: PLATFORM_NAMES[platform] ?? platform, account },
        accountId: t.accountId,
      }));
  }

  private async scheduleWarnings(post: ResolvedPost, postId: string | null, locale: 'id' | 'en'): Promise<Finding[]> {
    const timed = post.targets.filter((t) => t.scheduledAt);
    if (!timed.length) return [];
    const times = timed.map((t) => t.scheduledAt!.getTime());
    const rows = await this.neighbours.near(
      [...new Set(timed.map((t) => t.accountId))],
      new Date(Math.min(...times) - DUPLICATE_WINDOW_MS),
      new Date(Math.max(...times) + DUPLICATE_WINDOW_MS),
      postId,
    );
    const out: Finding[] = [];
    const gapMs = this.config.minPostGapMs;
    for (const t of timed) {
      const i = post.targets.indexOf(t);
      const v = variantFor(post.variants, t.language, t.account.platform);
      const mine = v ? normalizeForFingerprint(composeText(contentOf(v, []))) : '';
      const account = t.account.handle ?? t.account.platform;
      for (const r of rows.filter((x) => x.accountId === t.accountId)) {
        const at = new Date(r.at);
        const theirs = normalizeForFingerprint(composeText({ text: r.text, hashtags: r.hashtags, link: r.link ?? undefined }));
        if (mine && mine === theirs)
          out.push({
            field: `targets[${i}].text`,
            code: 'content.schedule.duplicateText',
            params: { account, date: formatHuman(at, post.timeZone, locale) },
            accountId: t.accountId,
          });
        else if (Math.abs(at.getTime() - t.scheduledAt!.getTime()) < gapMs)
          out.push({
            field: `targets[${i}].scheduledAt`,
            code: 'content.schedule.tooClose',
            params: { account, minutes: Math.round(gapMs / 60_000), date: formatHuman(at, post.timeZone, locale) },
            accountId: t.accountId,
          });
      }
    }
    return out;
  }
}

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.field}|${f.code}|${JSON.stringify(f.params ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
