import { Module } from '@nestjs/common';
import { BossService } from './boss.service';

/** One pg-boss instance per process, shared by the worker modules of every context. */
@Module({
  providers: [BossService],
  exports: [BossService],
})
export class QueueModule {}
