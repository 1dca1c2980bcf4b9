import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountsModule } from '@kabar/accounts';
import { CollectionGateway } from './collection/collection-gateway';
import { CollectionRepository } from './collection/collection.repository';
import { CollectionConsumer } from './collection/collection.consumer';
import { CollectionTriggers } from './collection/collection-triggers';
import { PostMetricsCollector } from './collection/post-metrics.collector';
import { SnapshotCollector } from './collection/snapshot.collector';

/**
 * The worker side of analytics: the triggers (which only enqueue), the consumers of the collection
 * queues, partition maintenance. Its job kinds run on the shared queue (@kabar/queue, global in the worker).
 */
@Module({
  imports: [ScheduleModule.forRoot(), AccountsModule],
  providers: [CollectionRepository, CollectionGateway, SnapshotCollector, PostMetricsCollector, CollectionTriggers, CollectionConsumer],
  exports: [CollectionTriggers, SnapshotCollector, PostMetricsCollector],
})
export class AnalyticsWorkerModule {}
