import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POST_STATUSES, PostStatus } from '../entities/post.entity';
import { TargetDto } from './map-target';
import { POST_ACTIONS, PostAction } from './allowed-actions';

export class VariantDto {
  @ApiProperty() language: string;
  @ApiProperty({ nullable: true }) platform: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String] }) hashtags: string[];
  @ApiProperty({ nullable: true }) link: string | null;
}

export class PostMediaDto {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() mimeType: string;
  @ApiProperty({ nullable: true }) width: number | null;
  @ApiProperty({ nullable: true }) height: number | null;
  @ApiProperty() bytes: number;
  @ApiProperty({ nullable: true }) altText: string | null;
  @ApiProperty({ description: 'For the console (needs the session).' }) url: string;
}

export class HistoryDto {
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true }) actorId: string | null;
  @ApiProperty({ nullable: true }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true }) fromStatus: string | null;
  @ApiProperty({ nullable: true }) toStatus: string | null;
  @ApiProperty({ nullable: true }) comment: string | null;
  @ApiProperty() details: Record<string, unknown>;
}

export class PostSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ nullable: true }) authorId: string | null;
  @ApiProperty() pillar: string;
  @ApiProperty({ nullable: true }) programId: string | null;
  @ApiProperty({ nullable: true }) campaignId: string | null;
  @ApiProperty({ enum: POST_STATUSES }) status: PostStatus;
  @ApiProperty({ nullable: true, description: 'UTC instant.' }) scheduledAt: string | null;
  @ApiProperty({ nullable: true, example: '2026-11-24T09:00', description: 'Wall clock in timeZone.' }) scheduledAtLocal: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty() excerpt: string;
  @ApiProperty({ type: [String], example: ['facebook', 'x'], description: "The targets' platforms." }) platforms: string[];
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

export class PostDto extends PostSummaryDto {
  @ApiProperty({ nullable: true }) approvedBy: string | null;
  @ApiProperty({ nullable: true }) approvedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [VariantDto] }) variants: VariantDto[];
  @ApiProperty({ type: [PostMediaDto] }) media: PostMediaDto[];
  @ApiProperty({ type: [TargetDto] }) targets: TargetDto[];
  @ApiProperty({ type: [HistoryDto] }) history: HistoryDto[];
  @ApiProperty({
    enum: POST_ACTIONS,
    isArray: true,
    description: "What the caller may do with the post now (the post's state, their roles, its targets): the console offers exactly these.",
  })
  allowedActions: PostAction[];
  @ApiPropertyOptional({ description: 'Warnings (not errors) of the last check, e.g. glossary or schedule gaps.' }) warnings?: ProblemDto[];
}

export class ProblemDto {
  @ApiProperty({ example: 'targets[0].text' }) field: string;
  @ApiProperty({ example: 'platform.tooLong' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty() params: Record<string, unknown>;
  @ApiPropertyOptional() accountId?: string;
}

export class CounterDto {
  @ApiProperty() accountId: string;
  @ApiProperty() platform: string;
  @ApiProperty() language: string;
  @ApiProperty() length: number;
  @ApiProperty() max: number;
}

export class ValidationResultDto {
  @ApiProperty({ type: [ProblemDto] }) problems: ProblemDto[];
  @ApiProperty({ type: [ProblemDto] }) warnings: ProblemDto[];
  @ApiProperty({ type: [CounterDto] }) counters: CounterDto[];
}

export class PostPageDto {
  @ApiProperty({ type: [PostSummaryDto] }) items: PostSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
