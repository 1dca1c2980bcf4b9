import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { TargetsRepository } from '../targets/targets.repository';

/** Rolls post statuses up from their targets, batched: many targets of one burst cost one UPDATE. */
@Injectable()
export class PostRollup implements OnApplicationShutdown {
  private readonly logger = new Logger('publishing.rollup');
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly targets: TargetsRepository) {}

  touch(postId: string): void {
    this.pending.add(postId);
    this.timer ??= setTimeout(() => void this.flush(), 200);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.pending];
    this.pending = new Set();
    if (!ids.length) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      for (let i = 0; i < ids.length; i += 500) {
        await this.targets.rollUpPosts(ids.slice(i, i + 500)).catch((e: Error) => this.logger.warn(`roll-up failed: ${e.message}`));
      }
    });
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
