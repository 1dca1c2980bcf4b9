import { AxiosInstance, AxiosRequestConfig } from 'axios';
import { PlatformError } from '../errors';
import { Platform, PlatformsConfig } from '../types';
import { DEFAULT_MEDIA_MAX_BYTES } from './media';
import { networkError, redact } from './network-errors';
import { createOutboundClient, OutboundPolicy } from './outbound-guard';
import { CallGate } from './call-gate';
import { KeyedSemaphore } from './semaphore';

export interface HttpReply<T = any> {
  status: number;
  headers: Record<string, unknown>;
  data: T;
}

/** Turns a platform answer into the error it means, or null when it is a success. */
export type Classifier = (reply: HttpReply) => PlatformError | null;

export interface CallAccount {
  externalId?: string;
  accessToken?: string;
  refreshToken?: string;
}

export interface SendOptions {
  /** The call creates a post: a lost answer is an unknown outcome, not a transient error. */
  create?: boolean;
  classify?: Classifier;
  /** Extra secrets to scrub from diagnostics (client secrets, codes). */
  secrets?: string[];
}

/** Longest text kept from a platform's error message (the rest of a long answer is never shown or stored). */
const MAX_PLATFORM_MESSAGE = 500;

/**
 * Shared transport for every adapter of one registry: keep-alive agents that refuse private addresses
 * (outbound-guard.ts), timeouts, capped answers, no redirects, per-account limit. Media downloads use a
 * second client with the media cap and Kabar's own origin allowed (media.ts).
 */
export class HttpTransport {
  readonly axios: AxiosInstance;
  readonly media: AxiosInstance;
  readonly policy: OutboundPolicy;
  /** Per-account concurrency (and rate headers): the config's shared gate, else an in-process semaphore. */
  readonly gate: CallGate;

  constructor(readonly config: PlatformsConfig) {
    this.policy = new OutboundPolicy(config.outbound?.allow ?? []);
    this.axios = createOutboundClient(this.policy, { timeoutMs: config.timeoutMs, maxResponseBytes: config.outbound?.maxResponseBytes });
    // each media download sets its own cap (the platform's limit for the file type)
    this.media = createOutboundClient(this.policy.with(config.outbound?.mediaAllow ?? []), {
      timeoutMs: config.timeoutMs,
      maxResponseBytes: DEFAULT_MEDIA_MAX_BYTES,
    });
    this.gate = config.gate ?? new KeyedSemaphore(config.perAccountConcurrency);
  }
}

/** One platform's view of the transport: classifies answers and network failures into PlatformError. */
export class PlatformHttp {
  constructor(
    readonly platform: Platform,
    private readonly transport: HttpTransport,
    private readonly classify: Classifier,
  ) {}

  get config(): PlatformsConfig {
    return this.transport.config;
  }

  async send<T = any>(account: CallAccount | null, req: AxiosRequestConfig, opts: SendOptions = {}): Promise<HttpReply<T>> {
    const key = `${this.platform}:${account?.externalId ?? '-'}`;
    const secrets = [account?.accessToken ?? '', account?.refreshToken ?? '', ...(opts.secrets ?? [])];
    const reply = await this.transport.gate.run(key, async () => {
      try {
        const res = await this.transport.axios.request<T>({ ...req, maxRedirects: 0 });
        return { status: res.status, headers: res.headers as Record<string, unknown>, data: res.data };
      } catch (err) {
        // axios errors hold the request config (headers, URL with tokens): never rethrow them.
        throw this.report(networkError(this.platform, err, opts.create === true, secrets));
      }
    });
    this.transport.gate.observe?.(this.platform, account?.externalId, reply.headers);
    let mapped = (opts.classify ?? this.classify)(reply);
    // A 5xx (or any "try again") on a call that creates a post may come from a gateway after the backend stored
    // it: the outcome is unknown, never "nothing was posted". Only definite refusals (4xx, 429, auth) are.
    if (mapped && opts.create && mapped.kind === 'transient') mapped = asUnknown(mapped);
    if (mapped) throw this.report(mapped, secrets);
    return reply;
  }

  /** Throws `err` after logging it; useful for errors an adapter detects itself. */
  fail(err: PlatformError): never {
    throw this.report(err);
  }

  private report(err: PlatformError, secrets: string[] = []): PlatformError {
    if (secrets.length && err.platformMessage) (err as { platformMessage?: string }).platformMessage = redact(err.platformMessage, secrets);
    if (err.platformMessage && err.platformMessage.length > MAX_PLATFORM_MESSAGE)
      (err as { platformMessage?: string }).platformMessage = `${err.platformMessage.slice(0, MAX_PLATFORM_MESSAGE)}…`;
    this.transport.config.logger?.('platform.error', err.toJSON());
    return err;
  }
}

function asUnknown(e: PlatformError): PlatformError {
  return new PlatformError({
    platform: e.platform,
    kind: 'unknown_outcome',
    httpStatus: e.httpStatus,
    platformCode: e.platformCode,
    platformMessage: e.platformMessage,
    networkCode: e.networkCode,
  });
}

export function ok2xx(reply: HttpReply): boolean {
  return reply.status >= 200 && reply.status < 300;
}
