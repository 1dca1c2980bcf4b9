import { Module } from '@nestjs/common';
import { PUBLISHING_JOB_KINDS, PublishingWorkerModule } from '@kabar/publishing';
import { ANALYTICS_JOB_KINDS, AnalyticsWorkerModule } from '@kabar/analytics';
import { ADUAN_JOB_KINDS, AduanWorkerModule } from '@kabar/aduan';
import { QueueModule } from '@kabar/queue';

/**
 * The worker's feature modules (queue handlers, dispatcher, periodic jobs) and the job kinds they must
 * handle (a kind without a handler fails the start). Listed once here: the worker process imports them
 * (worker.module.ts), and `npm start` runs them inside the API process (app.module.ts) so one process holds
 * one connection pool.
 */
@Module({
  imports: [
    QueueModule.forWorker([...PUBLISHING_JOB_KINDS, ...ANALYTICS_JOB_KINDS, ...ADUAN_JOB_KINDS]),
    PublishingWorkerModule,
    AnalyticsWorkerModule,
    AduanWorkerModule,
  ],
})
export class WorkerFeaturesModule {}
