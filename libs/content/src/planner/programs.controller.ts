import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { ListPostsQuery } from '../posts/post-query.dto';
import { PostsService } from '../posts/posts.service';
import { CampaignInput, CampaignPatch, ProgramInput, ProgramPatch, UnitQuery } from './planner.dto';
import { PlannerService } from './planner.service';
import { uuidParam } from './uuid';

/** Pillars, priority programs and campaigns, each with the posts that belong to it. */
@ApiTags('planning')
@ApiBearerAuth()
@Controller('v1')
export class ProgramsController {
  constructor(
    private readonly planner: PlannerService,
    private readonly posts: PostsService,
  ) {}

  @Get('pillars')
  pillars() {
    return this.planner.pillars();
  }

  @Get('programs')
  programs() {
    return this.planner.programs();
  }

  @Post('programs')
  createProgram(@CurrentUser() p: Principal, @Body() dto: ProgramInput) {
    return this.planner.createProgram(p, dto);
  }

  @Get('programs/:id')
  program(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.planner.get(p, 'program', id);
  }

  @Patch('programs/:id')
  updateProgram(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: ProgramPatch) {
    return this.planner.update(p, 'program', id, dto);
  }

  @Delete('programs/:id')
  @HttpCode(204)
  removeProgram(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.planner.remove(p, 'program', id);
  }

  @Get('programs/:id/posts')
  async programPosts(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Query() q: ListPostsQuery) {
    await this.planner.get(p, 'program', id);
    return this.posts.list(p, { ...q, programId: id });
  }

  @Get('campaigns')
  campaigns(@CurrentUser() p: Principal, @Query() q: UnitQuery) {
    return this.planner.list(p, 'campaign', q.unitId);
  }

  @Post('campaigns')
  createCampaign(@CurrentUser() p: Principal, @Body() dto: CampaignInput) {
    return this.planner.create(p, 'campaign', dto);
  }

  @Get('campaigns/:id')
  campaign(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.planner.get(p, 'campaign', id);
  }

  @Patch('campaigns/:id')
  updateCampaign(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: CampaignPatch) {
    return this.planner.update(p, 'campaign', id, dto);
  }

  @Delete('campaigns/:id')
  @HttpCode(204)
  removeCampaign(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.planner.remove(p, 'campaign', id);
  }

  @Get('campaigns/:id/posts')
  async campaignPosts(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Query() q: ListPostsQuery) {
    await this.planner.get(p, 'campaign', id);
    return this.posts.list(p, { ...q, campaignId: id });
  }
}
