import { CommentCapabilities, CommentRead, CommentScope, NO_COMMENTS } from './comments/types';
import { PlatformError } from './errors';
import { Classifier, HttpReply, HttpTransport, PlatformHttp } from './http/http-client';
import { DEFAULT_MEDIA_MAX_BYTES, DownloadedMedia, downloadMedia } from './http/media';
import { pollUntil } from './http/poll';
import { PlatformLimits } from './limits';
import { validateWithLimits } from './validate';
import { composeText } from './text/compose';
import { matchesFingerprint } from './text/fingerprint';
import {
  AccountCredentials,
  AccountMetrics,
  CheckRequest,
  CheckResult,
  ContentProblem,
  OAuthClient,
  Platform,
  PlatformAdapter,
  PlatformsConfig,
  PostMetrics,
  PublishContent,
  PublishOptions,
  PublishResult,
  RecentPost,
} from './types';

export interface AdapterDeps {
  transport: HttpTransport;
  limits: PlatformLimits;
}

/** What every adapter shares: transport, limits, polling, media download. Platform logic lives in subclasses. */
export abstract class BaseAdapter implements PlatformAdapter {
  abstract readonly platform: Platform;
  protected readonly transport: HttpTransport;
  protected readonly limits: PlatformLimits;
  private httpCache?: PlatformHttp;

  constructor(deps: AdapterDeps) {
    this.transport = deps.transport;
    this.limits = deps.limits;
  }

  protected get config(): PlatformsConfig {
    return this.transport.config;
  }

  protected get http(): PlatformHttp {
    this.httpCache ??= new PlatformHttp(this.platform, this.transport, this.classify);
    return this.httpCache;
  }

  protected get apiUrl(): string {
    return this.config.apiUrls[this.platform].replace(/\/+$/, '');
  }

  protected get oauth() {
    return this.config.oauth[this.platform];
  }

  protected client(given?: OAuthClient): OAuthClient {
    const client = given ?? this.config.clients?.[this.platform];
    if (!client) this.fail('auth', { platformCode: 'oauth_client_missing', platformMessage: 'no OAuth client configured for refresh' });
    return client;
  }

  /** Maps a platform answer to its error class; null for success. */
  protected abstract readonly classify: Classifier;

  validate(content: PublishContent): ContentProblem[] {
    return validateWithLimits(this.platform, this.limits, content);
  }

  abstract publish(account: AccountCredentials, content: PublishContent, opts: PublishOptions): Promise<PublishResult>;
  abstract findRecent(account: AccountCredentials, since: Date): Promise<RecentPost[]>;
  /**
   * Default check: the account's listing, matched by the text's fingerprint (posts Kabar already knows are
   * skipped). A match is `found`; no match is `unknown`, because a listing only proves absence where the
   * platform's contract says it is complete and consistent: adapters that can prove it override this.
   */
  async check(account: AccountCredentials, req: CheckRequest): Promise<CheckResult> {
    const match = await this.findInListing(account, req);
    if (match) return { state: 'found', post: { externalId: match.externalId, url: match.url }, how: 'listing' };
    return { state: 'unknown', reason: 'no_safe_check' };
  }

  /** The newest post of the listing since the first try that carries the sent text and that Kabar does not know yet. */
  protected async findInListing(account: AccountCredentials, req: CheckRequest, marginMs = 2 * 60_000): Promise<RecentPost | undefined> {
    const text = composeText(req.content);
    const known = new Set(req.known.map((k) => k.externalId));
    const recent = await this.findRecent(account, new Date(req.since.getTime() - marginMs));
    return recent.find((p) => !known.has(p.externalId) && matchesFingerprint(p.text, text));
  }

  /** Citizens' comments: none unless the platform's adapter reads them. */
  readonly commentCapabilities: CommentCapabilities = NO_COMMENTS;

  commentScopes(_account: AccountCredentials, _postExternalIds: string[]): CommentScope[] {
    return [];
  }

  readComments(_account: AccountCredentials, _scope: CommentScope, _cursor: string | null): Promise<CommentRead> {
    return Promise.reject(new PlatformError({ platform: this.platform, kind: 'rejected', platformCode: 'comments_unsupported' }));
  }

  abstract accountMetrics(account: AccountCredentials): Promise<AccountMetrics>;
  abstract postMetrics(account: AccountCredentials, externalIds: string[]): Promise<Record<string, PostMetrics>>;

  /** Refuses content the platform would refuse, before any network call. */
  protected assertValid(content: PublishContent): void {
    const problems = this.validate(content);
    if (problems.length) this.fail('rejected', { platformCode: problems[0].code, platformMessage: problems.map((p) => p.code).join(', ') });
  }

  protected fail(kind: PlatformError['kind'], extra: Partial<Omit<PlatformError, 'kind' | 'platform'>> = {}): never {
    return this.http.fail(new PlatformError({ platform: this.platform, kind, ...extra }));
  }

  /** Downloads a media file, reading at most the platform's size limit for its type. */
  protected download(url: string, mimeType: string): Promise<DownloadedMedia> {
    const media = this.limits.media;
    const max = mimeType.startsWith('video/') ? media.maxVideoBytes : media.maxImageBytes;
    return downloadMedia(this.transport, this.platform, url, mimeType, max ?? DEFAULT_MEDIA_MAX_BYTES);
  }

  protected poll<T>(check: (attempt: number) => Promise<T | undefined>): Promise<T | undefined> {
    return pollUntil(check, this.config.pollIntervalMs, this.config.pollMaxAttempts);
  }
}

export type { HttpReply };
