import { Module } from '@nestjs/common';
import { PublishingWorkerModule } from '@kabar/publishing';
import { AnalyticsWorkerModule } from '@kabar/analytics';

/**
 * The worker's feature modules (queue consumers, dispatcher, periodic jobs). Listed once here: the worker
 * process imports them (worker.module.ts), and `npm start` runs them inside the API process (app.module.ts)
 * so one process holds one connection pool.
 */
@Module({
  imports: [PublishingWorkerModule, AnalyticsWorkerModule],
})
export class WorkerFeaturesModule {}
