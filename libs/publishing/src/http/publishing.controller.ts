import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { PostTargetsDto, ProblemListDto, ProblemsQuery, PublishTargetDto, ResolveTargetDto } from '../dto/publishing.dto';
import { PublishingService } from './publishing.service';

@ApiTags('publishing')
@ApiBearerAuth()
@Controller('v1')
export class PublishingController {
  constructor(private readonly publishing: PublishingService) {}

  /** Each target of the post: its state, the platform's post id and URL once published, every attempt. */
  @Get('posts/:id/targets')
  @ApiOkResponse({ type: PostTargetsDto })
  targets(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.publishing.postTargets(p, id);
  }

  /** Failed or missed target: scheduled again now; checked with the platform before anything is sent. */
  @Post('posts/:id/targets/:targetId/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: PublishTargetDto })
  retry(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Param('targetId', ParseUUIDPipe) targetId: string) {
    return this.publishing.retry(p, id, targetId);
  }

  /**
   * An unconfirmed target (Kabar could not tell whether the platform stored it): `published` with its link,
   * `send_again`, or `check_again`. Unit admins.
   */
  @Post('posts/:id/targets/:targetId/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: PublishTargetDto })
  resolve(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
    @Body() dto: ResolveTargetDto,
  ) {
    return this.publishing.resolve(p, id, targetId, dto);
  }

  /** Unconfirmed, failed, stuck, missed (and held) targets in the caller's units. */
  @Get('publishing/problems')
  @ApiOkResponse({ type: ProblemListDto })
  problems(@CurrentUser() p: Principal, @Query() q: ProblemsQuery) {
    return this.publishing.problems(p, q);
  }
}
