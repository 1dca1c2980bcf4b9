import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { CreatedReplyDto, CreateReplyDto, ReplyListDto } from './replies.dto';
import { RepliesService } from './replies.service';

@ApiTags('aduan')
@ApiBearerAuth()
@Controller('v1/aduan/comments')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Post(':id/replies')
  @ApiOperation({
    summary:
      "Reply to the citizen on the platform, under the comment or mention (text, or a template in the citizen's language). Published once by the publishing engine; admins of the account's unit.",
  })
  @ApiCreatedResponse({ type: CreatedReplyDto })
  create(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateReplyDto): Promise<CreatedReplyDto> {
    return this.replies.create(p, id, dto);
  }

  @Get(':id/replies')
  @ApiOperation({ summary: "The comment's replies with their state on the platform, the templates offered, and reply-window warnings." })
  @ApiOkResponse({ type: ReplyListDto })
  list(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ReplyListDto> {
    return this.replies.list(p, id);
  }
}
