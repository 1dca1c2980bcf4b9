import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ADUAN_ANSWERED_HOOK, AnsweredHook } from './answered-hook';
import { RepliesRepository } from './replies.repository';

/** How often the worker tells the tickets side about replies the engine published. */
export const SETTLE_INTERVAL_MS = 5_000;

/**
 * In the worker: replies whose target the engine published are handed to the answered hook (`markAnswered`), once
 * each, with the publication time. Polling keeps the publishing engine free of aduan knowledge; SKIP LOCKED makes it
 * safe in any number of workers.
 */
@Injectable()
export class RepliesSettler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('aduan.replies');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly repo: RepliesRepository,
    @Inject(ADUAN_ANSWERED_HOOK) private readonly hook: AnsweredHook,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.settle().catch((e: Error) => this.logger.warn(`settle: ${e.message}`)), SETTLE_INTERVAL_MS);
    this.timer.unref();
  }

  /** One pass; returns how many replies were settled. */
  settle(): Promise<number> {
    this.running ??= this.repo
      .settleAnswered(async (commentId, at) => {
        await this.hook.markAnswered(commentId, at);
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
