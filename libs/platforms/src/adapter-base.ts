import { PlatformError } from './errors';
import { Classifier, HttpReply, HttpTransport, PlatformHttp } from './http/http-client';
import { DownloadedMedia, downloadMedia } from './http/media';
import { pollUntil } from './http/poll';
import { PlatformLimits } from './limits';
import { validateWithLimits } from './validate';
import {
  AccountCredentials,
  AccountMetrics,
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

  protected download(url: string, mimeType: string): Promise<DownloadedMedia> {
    return downloadMedia(this.transport, this.platform, url, mimeType);
  }

  protected poll<T>(check: (attempt: number) => Promise<T | undefined>): Promise<T | undefined> {
    return pollUntil(check, this.config.pollIntervalMs, this.config.pollMaxAttempts);
  }
}

export type { HttpReply };
