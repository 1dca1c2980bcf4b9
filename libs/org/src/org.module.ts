import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitEntity } from './entities/unit.entity';
import { UnitsController } from './units/units.controller';
import { UnitsRepository } from './units/units.repository';
import { UnitsService } from './units/units.service';

export const ORG_ENTITIES = [UnitEntity];

@Module({
  imports: [TypeOrmModule.forFeature(ORG_ENTITIES)],
  controllers: [UnitsController],
  providers: [UnitsRepository, UnitsService],
  exports: [UnitsRepository, UnitsService],
})
export class OrgModule {}
