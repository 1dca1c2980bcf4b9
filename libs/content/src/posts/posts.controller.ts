import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { uuidParam } from '../planner/uuid';
import { ApproveDto, CreatePostDto, RequestChangesDto, ScheduleDto, UpdatePostDto, ValidatePostDto, VersionDto } from './post.dto';
import { ListPostsQuery, UnitQuery, VersionQuery } from './post-query.dto';
import { BestTimeDto, TargetAccountDto } from './composer-support.dto';
import { ComposerSupport } from './composer-support.service';
import { PostDto, PostPageDto, ValidationResultDto } from './post-response.dto';
import { PostWorkflow } from './post-workflow.service';
import { PostsService } from './posts.service';

@ApiTags('posts')
@ApiBearerAuth()
@Controller('v1/posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly workflow: PostWorkflow,
    private readonly support: ComposerSupport,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PostDto, description: 'A draft of a unit the caller administers.' })
  create(@CurrentUser() p: Principal, @Body() dto: CreatePostDto): Promise<PostDto> {
    return this.posts.create(p, dto);
  }

  @Get()
  @ApiOkResponse({ type: PostPageDto })
  list(@CurrentUser() p: Principal, @Query() q: ListPostsQuery): Promise<PostPageDto> {
    return this.posts.list(p, q);
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOkResponse({ type: ValidationResultDto, description: 'Checks a post as the composer holds it, without saving.' })
  validate(@CurrentUser() p: Principal, @Body() dto: ValidatePostDto): Promise<ValidationResultDto> {
    return this.posts.validate(p, dto);
  }

  @Get('target-accounts')
  @ApiOkResponse({
    type: [TargetAccountDto],
    description: "The accounts a post of the unit may target: the unit's and its subtree's that the caller administers.",
  })
  targetAccounts(@CurrentUser() p: Principal, @Query() q: UnitQuery): Promise<TargetAccountDto[]> {
    return this.support.targetAccounts(p, q.unitId);
  }

  @Get('best-time')
  @ApiOkResponse({ type: BestTimeDto, description: "The best hours to post from the unit's own published posts (the city's while it has few)." })
  bestTime(@CurrentUser() p: Principal, @Query() q: UnitQuery): Promise<BestTimeDto> {
    return this.support.bestTime(p, q.unitId);
  }

  @Get(':id')
  @ApiOkResponse({ type: PostDto })
  get(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string): Promise<PostDto> {
    return this.posts.get(p, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PostDto, description: 'An edit after approval sends the post back to review.' })
  @ApiConflictResponse({ description: 'Stale version, or a target already publishing or published.' })
  update(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdatePostDto): Promise<PostDto> {
    return this.posts.update(p, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: PostDto })
  submit(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: VersionDto): Promise<PostDto> {
    return this.workflow.submit(p, id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: PostDto })
  @ApiConflictResponse({ description: 'The post changed after the version the reviewer read, or is no longer in review.' })
  approve(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: ApproveDto): Promise<PostDto> {
    return this.workflow.approve(p, id, dto);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @ApiOkResponse({ type: PostDto })
  requestChanges(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: RequestChangesDto): Promise<PostDto> {
    return this.workflow.requestChanges(p, id, dto);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @ApiOkResponse({ type: PostDto, description: 'Also reschedules a scheduled post (calendar drag).' })
  schedule(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: ScheduleDto): Promise<PostDto> {
    return this.workflow.schedule(p, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: PostDto })
  cancel(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: VersionDto): Promise<PostDto> {
    return this.workflow.cancel(p, id, dto);
  }

  @Post(':id/unschedule')
  @HttpCode(200)
  @ApiOkResponse({ type: PostDto, description: 'Scheduled → approved: off the schedule, nothing sent. Refused once a target is publishing or published.' })
  unschedule(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: VersionDto): Promise<PostDto> {
    return this.workflow.unschedule(p, id, dto);
  }

  @Post(':id/duplicate')
  @ApiCreatedResponse({ type: PostDto, description: 'A new draft with the same texts, media and accounts, without a time.' })
  duplicate(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string): Promise<PostDto> {
    return this.workflow.duplicate(p, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Only a post nothing went out from: draft, in review, changes requested, approved (not scheduled) or cancelled.' })
  @ApiConflictResponse({ description: 'Scheduled (unschedule or cancel it first), or a target publishing or published.' })
  async remove(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Query() dto: VersionQuery): Promise<void> {
    await this.workflow.remove(p, id, { version: dto.version });
  }
}
