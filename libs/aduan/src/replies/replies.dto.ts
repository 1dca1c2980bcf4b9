import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { v } from '@kabar/common';

export const MAX_REPLY_TEXT = 10_000;

export class CreateReplyDto {
  @ApiPropertyOptional({
    description: 'The reply as written. Give `text` or `template`, not both.',
    example: 'Terima kasih, Kak. Sudah kami teruskan ke Dishub.',
  })
  @IsOptional()
  @MaxLength(MAX_REPLY_TEXT, v({ max: MAX_REPLY_TEXT }))
  @IsString()
  @IsNotEmpty()
  text?: string;

  @ApiPropertyOptional({
    description: 'A template key of config/aduan/<city>/reply-templates.json (`<category>.diteruskan`, `<category>.selesai`, `umum.*`).',
    example: 'kemacetan.diteruskan',
  })
  @IsOptional()
  @MaxLength(60, v({ max: 60 }))
  @IsString()
  @IsNotEmpty()
  template?: string;

  @ApiPropertyOptional({ enum: ['id', 'en'], description: "The reply's language; default: the citizen's, detected from the comment." })
  @IsOptional()
  @IsIn(['id', 'en'])
  language?: 'id' | 'en';
}

export class ReplyWarningDto {
  @ApiProperty({ example: 'aduan.replies.warnings.privateWindowClosing' }) code: string;
  @ApiProperty({ type: Object }) params: Record<string, unknown>;
  @ApiProperty({ description: "In the caller's language." }) message: string;
}

export class ReplyDto {
  @ApiProperty() id: string;
  @ApiProperty() commentId: string;
  @ApiProperty({ description: 'The reply post the publishing engine publishes (kind reply).' }) postId: string;
  @ApiProperty() targetId: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['id', 'en'] }) language: 'id' | 'en';
  @ApiProperty({ nullable: true, type: String }) templateKey: string | null;
  @ApiProperty({
    description: "The target's state: scheduled/publishing (on its way), published, unconfirmed (a person decides), failed, held.",
    example: 'published',
  })
  status: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it is not published: the last error, or why Kabar cannot tell.' }) problem: string | null;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty() createdAt: string;
}

export class CreatedReplyDto extends ReplyDto {
  @ApiProperty({ description: "The unit of the comment's account (the audit entry's unit)." }) unitId: string;
  @ApiProperty({ type: ReplyWarningDto, isArray: true }) warnings: ReplyWarningDto[];
}

export class ReplyTemplatePreviewDto {
  @ApiProperty({ example: 'kemacetan.diteruskan' }) key: string;
  @ApiProperty({ enum: ['id', 'en'] }) language: 'id' | 'en';
  @ApiProperty({ description: 'The template filled for this comment (handle, agency, ticket), as it would be sent.' }) text: string;
}

export class ReplyListDto {
  @ApiProperty({ type: ReplyDto, isArray: true }) items: ReplyDto[];
  @ApiProperty({
    type: ReplyTemplatePreviewDto,
    isArray: true,
    description: "Templates offered for this comment (its category first), filled in the citizen's language.",
  })
  templates: ReplyTemplatePreviewDto[];
  @ApiProperty({ enum: ['id', 'en'], description: "The citizen's language, detected." }) detectedLanguage: 'id' | 'en';
  @ApiProperty({ type: ReplyWarningDto, isArray: true }) warnings: ReplyWarningDto[];
}
