import { ApiProperty } from '@nestjs/swagger';
import { HomeAccount, HomeGrowth, HomePostItem, HomePostList, HomeProblems, HomeScheduled, HomeSummary } from './home-summary';

/** The OpenAPI classes of GET /v1/home; the shape itself is home-summary.ts, shared with the console. */
export class HomeAccountDto implements HomeAccount {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true }) handle: string | null;
  @ApiProperty() platform: string;
  @ApiProperty({ enum: ['active', 'needs_reconnect', 'disabled'] }) status: 'active' | 'needs_reconnect' | 'disabled';
  @ApiProperty({ nullable: true, description: 'Latest daily reading, else the count from the last sync.' }) followers: number | null;
  @ApiProperty() unitName: string;
}

export class HomeScheduledDto implements HomeScheduled {
  @ApiProperty() postId: string;
  @ApiProperty() excerpt: string;
  @ApiProperty() scheduledAt: string;
  @ApiProperty({ type: [String] }) platforms: string[];
}

export class HomeProblemsDto implements HomeProblems {
  @ApiProperty() failed: number;
  @ApiProperty() missed: number;
  @ApiProperty() held: number;
  @ApiProperty() needsReconnect: number;
}

export class HomeGrowthDto implements HomeGrowth {
  @ApiProperty({ nullable: true }) followers: number | null;
  @ApiProperty({ nullable: true }) netNew: number | null;
  @ApiProperty({ nullable: true }) growthPct: number | null;
}

export class HomePostItemDto implements HomePostItem {
  @ApiProperty() postId: string;
  @ApiProperty() excerpt: string;
  @ApiProperty() unitName: string;
  @ApiProperty() updatedAt: string;
}

export class HomePostListDto implements HomePostList {
  @ApiProperty() count: number;
  @ApiProperty({ type: [HomePostItemDto], description: 'The newest five.' }) items: HomePostItemDto[];
}

export class HomeDto implements HomeSummary {
  @ApiProperty({ type: [HomeAccountDto], description: 'The units the caller administers, else everything in scope; at most 50.' }) accounts: HomeAccountDto[];
  @ApiProperty({ type: [HomeScheduledDto] }) nextScheduled: HomeScheduledDto[];
  @ApiProperty() problems: HomeProblemsDto;
  @ApiProperty({ description: 'Posts in review in the units the caller reviews, not their own.' }) awaitingReview: number;
  @ApiProperty({ description: 'Approved, not on the schedule, in the units the caller administers.' }) approvedNotScheduled: HomePostListDto;
  @ApiProperty({ description: 'Sent back by a reviewer, in the units the caller administers.' }) changesRequested: HomePostListDto;
  @ApiProperty({ description: 'This month, the subtree of the caller’s top unit.' }) growthThisMonth: HomeGrowthDto;
}
