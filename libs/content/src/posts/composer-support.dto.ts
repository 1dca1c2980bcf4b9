import { ApiProperty } from '@nestjs/swagger';

export class TargetAccountDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() platform: string;
  @ApiProperty({ nullable: true }) handle: string | null;
  @ApiProperty({ nullable: true }) displayName: string | null;
  @ApiProperty({ enum: ['active', 'needs_reconnect'] }) status: string;
}

export class BestTimeSlotDto {
  @ApiProperty({ description: 'ISO weekday, 1 = Monday.' }) weekday: number;
  @ApiProperty({ description: "Hour of day in the unit's zone." }) hour: number;
  @ApiProperty({ description: 'Published posts in this slot.' }) posts: number;
  @ApiProperty({ description: 'Interactions per follower.' }) rate: number;
  @ApiProperty({ example: '2026-11-24T09:00', description: "The slot's next occurrence, wall clock in timeZone." }) next: string;
}

export class BestTimeDto {
  @ApiProperty({ enum: ['unit', 'city'], description: "unit: the unit's own history (and its subtree's); city: too few own posts yet." })
  source: 'unit' | 'city';
  @ApiProperty() posts: number;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [BestTimeSlotDto] }) slots: BestTimeSlotDto[];
}
