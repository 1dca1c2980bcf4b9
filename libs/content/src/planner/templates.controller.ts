import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { HashtagSetInput, HashtagSetPatch, TemplateInput, TemplatePatch, UnitQuery } from './planner.dto';
import { PlannerService } from './planner.service';
import { uuidParam } from './uuid';

/** Templates and hashtag sets of a unit; those of its ancestors are offered too. */
@ApiTags('planning')
@ApiBearerAuth()
@Controller('v1')
export class TemplatesController {
  constructor(private readonly planner: PlannerService) {}

  @Get('templates')
  templates(@CurrentUser() p: Principal, @Query() q: UnitQuery) {
    return this.planner.list(p, 'template', q.unitId);
  }

  @Post('templates')
  createTemplate(@CurrentUser() p: Principal, @Body() dto: TemplateInput) {
    return this.planner.create(p, 'template', dto);
  }

  @Patch('templates/:id')
  updateTemplate(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: TemplatePatch) {
    return this.planner.update(p, 'template', id, dto);
  }

  @Delete('templates/:id')
  @HttpCode(204)
  removeTemplate(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.planner.remove(p, 'template', id);
  }

  @Get('hashtag-sets')
  hashtagSets(@CurrentUser() p: Principal, @Query() q: UnitQuery) {
    return this.planner.list(p, 'hashtagSet', q.unitId);
  }

  @Post('hashtag-sets')
  createHashtagSet(@CurrentUser() p: Principal, @Body() dto: HashtagSetInput) {
    return this.planner.create(p, 'hashtagSet', dto);
  }

  @Patch('hashtag-sets/:id')
  updateHashtagSet(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: HashtagSetPatch) {
    return this.planner.update(p, 'hashtagSet', id, dto);
  }

  @Delete('hashtag-sets/:id')
  @HttpCode(204)
  removeHashtagSet(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.planner.remove(p, 'hashtagSet', id);
  }
}
