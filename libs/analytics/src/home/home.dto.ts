import { ApiProperty } from '@nestjs/swagger';

export class HomeAccountDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true }) handle: string | null;
  @ApiProperty() platform: string;
  @ApiProperty({ enum: ['active', 'needs_reconnect', 'disabled'] }) status: string;
  @ApiProperty({ nullable: true, description: 'Latest daily reading, else the count from the last sync.' }) followers: number | null;
  @ApiProperty() unitName: string;
}

export class HomeScheduledDto {
  @ApiProperty() postId: string;
  @ApiProperty() excerpt: string;
  @ApiProperty() scheduledAt: string;
  @ApiProperty({ type: [String] }) platforms: string[];
}

export class HomeProblemsDto {
  @ApiProperty() failed: number;
  @ApiProperty() missed: number;
  @ApiProperty() held: number;
  @ApiProperty() needsReconnect: number;
}

export class HomeGrowthDto {
  @ApiProperty({ nullable: true }) followers: number | null;
  @ApiProperty({ nullable: true }) netNew: number | null;
  @ApiProperty({ nullable: true }) growthPct: number | null;
}

export class HomeDto {
  @ApiProperty({ type: [HomeAccountDto], description: 'The units the caller administers, else everything in scope; at most 50.' }) accounts: HomeAccountDto[];
  @ApiProperty({ type: [HomeScheduledDto] }) nextScheduled: HomeScheduledDto[];
  @ApiProperty() problems: HomeProblemsDto;
  @ApiProperty({ description: 'Posts in review in the units the caller reviews, not their own.' }) awaitingReview: number;
  @ApiProperty({ description: 'This month, the subtree of the caller’s top unit.' }) growthThisMonth: HomeGrowthDto;
}
