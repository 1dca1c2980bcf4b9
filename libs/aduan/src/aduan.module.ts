import { Module } from '@nestjs/common';
import { OrgModule } from '@kabar/org';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { ClassifierRegistry } from './http/classifier-registry';
import { ClassifyController } from './http/classify.controller';

/**
 * Complaints (aduan): the in-process classifier over HTTP (`POST /api/v1/aduan/classify`), the classifier
 * per city for other modules (ClassifierRegistry) and people's corrections (CorrectionsRepository).
 */
@Module({
  imports: [OrgModule],
  controllers: [ClassifyController],
  providers: [ClassifierRegistry, CorrectionsRepository],
  exports: [ClassifierRegistry, CorrectionsRepository],
})
export class AduanModule {}
