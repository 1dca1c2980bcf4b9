import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListUnitsQuery, UnitDto } from '../dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@Controller('v1/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOkResponse({ type: UnitDto, isArray: true })
  list(@Query() query: ListUnitsQuery): Promise<UnitDto[]> {
    return this.units.list(query);
  }
}
