import { PlatformError } from '../errors';
import { Platform } from '../types';

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED' | string;

export interface ContainerSteps {
  create(): Promise<string>;
  status(containerId: string): Promise<{ status: ContainerStatus; message?: string }>;
  /** The create call of the post (a lost answer is an unknown outcome). */
  publish(containerId: string): Promise<string>;
  poll<T>(check: () => Promise<T | undefined>): Promise<T | undefined>;
}

const MAX_REMEMBERED = 5000;

/**
 * Instagram/Threads container → poll → publish (platform-apis.md §2.6, §8.6). The container id is
 * remembered per idempotency key, so a retry in this process reads its status first: PUBLISHED means
 * the earlier attempt succeeded (the caller reconciles with findRecent), FINISHED is published again,
 * EXPIRED/ERROR start over with a new container.
 */
export class ContainerFlow {
  private readonly containers = new Map<string, string>();

  constructor(private readonly platform: Platform) {}

  async run(idempotencyKey: string, steps: ContainerSteps): Promise<string> {
    const known = this.containers.get(idempotencyKey);
    if (known) {
      const { status } = await steps.status(known);
      if (status === 'PUBLISHED')
        throw new PlatformError({
          platform: this.platform,
          kind: 'unknown_outcome',
          platformCode: 'container_published',
          platformMessage: 'an earlier attempt already published this container',
        });
      if (status === 'FINISHED' || status === 'IN_PROGRESS') return this.finish(idempotencyKey, known, steps);
    }
    const id = await steps.create();
    this.remember(idempotencyKey, id);
    return this.finish(idempotencyKey, id, steps);
  }

  private async finish(key: string, id: string, steps: ContainerSteps): Promise<string> {
    const final = await steps.poll(async () => {
      const s = await steps.status(id);
      return s.status === 'IN_PROGRESS' ? undefined : s;
    });
    if (!final)
      throw new PlatformError({
        platform: this.platform,
        kind: 'transient',
        platformCode: 'container_timeout',
        platformMessage: 'media container still IN_PROGRESS',
      });
    if (final.status === 'ERROR' || final.status === 'EXPIRED') {
      this.containers.delete(key);
      throw new PlatformError({
        platform: this.platform,
        kind: 'transient',
        platformCode: `container_${final.status.toLowerCase()}`,
        platformMessage: final.message ?? final.status,
      });
    }
    const mediaId = await steps.publish(id);
    this.containers.delete(key);
    return mediaId;
  }

  private remember(key: string, id: string): void {
    if (this.containers.size >= MAX_REMEMBERED) this.containers.delete(this.containers.keys().next().value as string);
    this.containers.set(key, id);
  }
}
