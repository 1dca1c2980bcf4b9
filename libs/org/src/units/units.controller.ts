import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '../access/principal';
import { CurrentUser } from '../auth/auth.decorators';
import { CreateUnitDto, ListUnitsQuery, UnitDto, UpdateUnitDto } from '../dto/unit.dto';
import { uuidParam } from '../http/uuid-param';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('v1/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOkResponse({ type: UnitDto, isArray: true, description: 'The units of the caller’s subtrees.' })
  list(@CurrentUser() p: Principal, @Query() query: ListUnitsQuery): Promise<UnitDto[]> {
    return this.units.listFor(p, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UnitDto })
  get(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string): Promise<UnitDto> {
    return this.units.get(p, id);
  }

  @Post()
  @ApiCreatedResponse({ type: UnitDto, description: 'City admins only.' })
  create(@CurrentUser() p: Principal, @Body() dto: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(p, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UnitDto, description: 'City admins only: name, code, time zone, review required.' })
  update(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(p, id, dto);
  }
}
