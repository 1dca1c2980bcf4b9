import { PlatformError } from '../errors';
import { CheckResult, Platform, PublishOptions, RecentPost } from '../types';

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED' | string;

export interface ContainerSteps {
  /** Creates the container (children first for a carousel). Posts nothing. */
  create(): Promise<string>;
  status(containerId: string): Promise<{ status: ContainerStatus; message?: string }>;
  /** The create call of the post (a lost answer is an unknown outcome). */
  publish(containerId: string): Promise<string>;
  poll<T>(check: () => Promise<T | undefined>): Promise<T | undefined>;
}

/** Docs: query a container's status once per minute (Threads troubleshooting, IG content publishing). */
const CONTAINER_RETRY_MS = 60_000;
/** How long after the lost answer a PUBLISHED container's media may still be missing from the account's listing. */
const LISTING_SETTLE_MS = 30 * 60_000;

/**
 * Instagram/Threads container → poll → publish (platform-apis.md §2.6, §8.6), continued across tries and
 * workers through the `containerId` handle: it is checkpointed right after the container is created, and a
 * publish that gets it reads the container first (FINISHED → publish it, IN_PROGRESS → keep polling,
 * ERROR/EXPIRED → new container, PUBLISHED → an earlier try published it: unknown outcome, check() finds it).
 */
export class ContainerFlow {
  constructor(private readonly platform: Platform) {}

  async run(opts: PublishOptions, steps: ContainerSteps): Promise<string> {
    let id: string | undefined = opts.handles?.containerId;
    if (id) {
      const { status } = await steps.status(id).catch((err: unknown) => {
        if (err instanceof PlatformError && err.kind === 'rejected') throw this.error('unknown_outcome', 'container_unreadable', err.message);
        throw err;
      });
      if (status === 'PUBLISHED') throw this.published();
      if (status === 'ERROR' || status === 'EXPIRED') id = undefined;
    }
    if (!id) {
      id = await steps.create();
      await opts.checkpoint?.({ containerId: id });
    }
    const final = await steps.poll(async () => {
      const s = await steps.status(id!);
      return s.status === 'IN_PROGRESS' ? undefined : s;
    });
    // Nothing is posted yet, but a new container would be a second one in flight: the next try continues this one.
    if (!final) throw this.error('unknown_outcome', 'processing_timeout', 'media container still IN_PROGRESS');
    if (final.status === 'PUBLISHED') throw this.published();
    if (final.status === 'ERROR' || final.status === 'EXPIRED')
      throw this.error('transient', `container_${final.status.toLowerCase()}`, final.message ?? final.status);
    try {
      return await steps.publish(id);
    } catch (err) {
      // A refusal may mean another worker published this container meanwhile (Graph documents no answer for a
      // second publish): the container says whether it is published, whatever the refusal looked like.
      if (err instanceof PlatformError && (err.kind === 'rejected' || err.kind === 'transient')) {
        const after = await steps.status(id).catch(() => undefined);
        if (after?.status === 'PUBLISHED') throw this.published();
      }
      throw err;
    }
  }

  /**
   * Did a try whose answer was lost create the post? No container handle: no publish call was made (it only
   * follows the checkpoint), and creating a container posts nothing. Otherwise the container's status decides.
   */
  async check(
    containerId: string | undefined,
    steps: Pick<ContainerSteps, 'status'>,
    lookup: () => Promise<RecentPost | undefined>,
    sinceLost: number,
  ): Promise<CheckResult> {
    if (!containerId) return { state: 'absent', how: 'no_container' };
    let status: ContainerStatus;
    try {
      status = (await steps.status(containerId)).status;
    } catch (err) {
      // The container cannot be read (deleted, another account): no way to tell. Outages are asked again later.
      if (err instanceof PlatformError && err.kind === 'rejected') return { state: 'unknown', reason: 'container_unreadable' };
      throw err;
    }
    if (status === 'IN_PROGRESS') return { state: 'pending', how: 'container_in_progress', retryAfterMs: CONTAINER_RETRY_MS };
    if (status === 'FINISHED') return { state: 'absent', how: 'container_finished', handles: { containerId } };
    if (status === 'ERROR') return { state: 'absent', how: 'container_error' };
    if (status === 'EXPIRED') return { state: 'absent', how: 'container_expired' };
    if (status !== 'PUBLISHED') return { state: 'unknown', reason: 'container_status_unknown' };
    // The container does not name its media: the account's listing, matched by the caption, does.
    const match = await lookup();
    if (match) return { state: 'found', post: { externalId: match.externalId, url: match.url }, how: 'container_published' };
    if (sinceLost < LISTING_SETTLE_MS) return { state: 'pending', how: 'published_not_listed', retryAfterMs: CONTAINER_RETRY_MS };
    return { state: 'unknown', reason: 'published_media_not_listed' };
  }

  private published(): PlatformError {
    return this.error('unknown_outcome', 'container_published', 'an earlier try already published this container');
  }

  private error(kind: PlatformError['kind'], platformCode: string, platformMessage: string): PlatformError {
    return new PlatformError({ platform: this.platform, kind, platformCode, platformMessage });
  }
}
