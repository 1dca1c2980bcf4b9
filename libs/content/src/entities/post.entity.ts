import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const POST_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'partially_failed',
  'failed',
  'cancelled',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A post of a unit: its variants per language, media and targets. The workflow state lives here. */
@Entity('posts')
export class PostEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  @Column({ type: 'varchar', length: 40 }) pillar: string;
  @Column({ name: 'program_id', type: 'uuid', nullable: true }) programId: string | null;
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true }) campaignId: string | null;
  @Column({ type: 'varchar', length: 20 }) status: PostStatus;
  /** The default publish time of its targets; each target may have its own. */
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true }) scheduledAt: Date | null;
  /** The zone the author thought in (the unit's zone by default). */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone: string;
  /** Optimistic lock: every write bumps it; a write with an old version is refused. */
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  /** The start of the Indonesian text and the targets' platforms, kept in step by content for the calendar. */
  @Column({ type: 'varchar', length: 200, default: '' }) excerpt: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) platforms: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
