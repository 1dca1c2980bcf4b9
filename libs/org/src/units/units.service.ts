import { Injectable } from '@nestjs/common';
import { UnitDto, mapUnit, ListUnitsQuery } from '../dto/unit.dto';
import { UnitsRepository } from './units.repository';

@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitsRepository) {}

  async list(query: ListUnitsQuery, withinPaths?: string[]): Promise<UnitDto[]> {
    return (await this.units.list({ ...query, withinPaths })).map(mapUnit);
  }
}
