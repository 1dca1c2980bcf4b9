import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandlerSpec, JobRunner } from './job-runner';
import { JobKind } from './job-kind';
import { QueueService } from './queue.service';

/** The job kinds a worker process must handle (given by the app when it composes its modules). */
export const WORKER_JOB_KINDS = Symbol('WORKER_JOB_KINDS');

/**
 * The worker process's consumers: each context registers one handler per job kind it owns (at module init);
 * at start every kind the process declares must have a handler, or the start fails (a job kind nobody handles
 * would pile up silently). Runners start after every module is up and are stopped by their owners.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap {
  private readonly specs = new Map<string, { kind: JobKind<any>; spec: JobHandlerSpec<any> }>();
  private readonly runners = new Map<string, JobRunner<any>>();

  constructor(
    private readonly queue: QueueService,
    @Inject(WORKER_JOB_KINDS) private readonly kinds: ReadonlyArray<JobKind<unknown>>,
  ) {}

  register<T>(kind: JobKind<T>, spec: JobHandlerSpec<T>): void {
    if (this.specs.has(kind.name)) throw new Error(`job kind ${kind.name} has two handlers`);
    this.specs.set(kind.name, { kind, spec });
  }

  async onApplicationBootstrap(): Promise<void> {
    const missing = this.kinds.filter((k) => !this.specs.has(k.name)).map((k) => k.name);
    if (missing.length) throw new Error(`no handler for job kind(s): ${missing.join(', ')}`);
    const boss = await this.queue.get();
    for (const { kind, spec } of this.specs.values()) {
      await this.queue.ensure(kind);
      const runner = new JobRunner(boss, kind, spec);
      this.runners.set(kind.name, runner);
      runner.start();
    }
  }

  /** Stops one kind's runner (its owner decides when: e.g. publishing releases its claims afterwards). */
  async stop(kind: JobKind<unknown>, timeoutMs: number): Promise<void> {
    await this.runners.get(kind.name)?.stop(timeoutMs);
  }
}
