import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '../access/principal';
import { CurrentUser } from '../auth/auth.decorators';
import { CreateUnitDto, ListUnitsQuery, UnitDto, UnitNodeDto, UnitOverviewDto, UnitTreeQuery, UpdateUnitDto } from '../dto/unit.dto';
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

  /** One level of the tree at a time: a province has 6,000 units, the country 90,000. */
  @Get('tree')
  @ApiOkResponse({ type: UnitNodeDto, isArray: true, description: 'The caller’s top units, or the children of `parentId`, each with its number of children.' })
  tree(@CurrentUser() p: Principal, @Query() query: UnitTreeQuery): Promise<UnitNodeDto[]> {
    return this.units.tree(p, query.parentId);
  }

  @Get(':id/overview')
  @ApiOkResponse({ type: UnitOverviewDto })
  overview(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string): Promise<UnitOverviewDto> {
    return this.units.overview(p, id);
  }

  @Get(':id')
  @ApiOkResponse({ type: UnitDto })
  get(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string): Promise<UnitDto> {
    return this.units.get(p, id);
  }

  @Post()
  @ApiCreatedResponse({ type: UnitDto, description: 'The installation’s admins, or a region’s admin inside the region.' })
  create(@CurrentUser() p: Principal, @Body() dto: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(p, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UnitDto, description: 'Name, code, time zone, review required: the installation’s admins, or a region’s admin inside it.' })
  update(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(p, id, dto);
  }
}
