import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language } from './post.entity';

/**
 * One account a post goes to, in one language, at one time. Publishing moves it
 * pending → scheduled → publishing → published | failed | missed, with `held` while its account is
 * disabled or needs reconnecting, `unconfirmed` when a try's answer was lost and the platform cannot tell whether
 * it posted (a person decides), and `cancelled`. Every move is a conditional UPDATE on the old state.
 */
export const TARGET_STATUSES = ['pending', 'scheduled', 'held', 'publishing', 'published', 'failed', 'missed', 'cancelled', 'unconfirmed'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const ERROR_CLASSES = ['auth', 'rate_limited', 'transient', 'rejected', 'unknown_outcome'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

@Entity('post_targets')
export class PostTargetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'post_id', type: 'uuid' }) postId: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ type: 'varchar', length: 5 }) language: Language;
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true }) scheduledAt: Date | null;
  @Column({ type: 'varchar', length: 20 }) status: TargetStatus;
  /** Set when the target has been late beyond the alert threshold without being published. */
  @Column({ name: 'stuck_reason', type: 'text', nullable: true }) stuckReason: string | null;
  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true }) externalId: string | null;
  @Column({ name: 'external_url', type: 'varchar', length: 2000, nullable: true }) externalUrl: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'attempt_count', type: 'int', default: 0 }) attemptCount: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true }) nextAttemptAt: Date | null;
  @Column({ name: 'last_error_class', type: 'varchar', length: 20, nullable: true }) lastErrorClass: ErrorClass | null;
  @Column({ name: 'last_error_message', type: 'text', nullable: true }) lastErrorMessage: string | null;
  /** sha256 of the normalised text sent: matches the platform's recent posts after an unknown outcome. */
  @Column({ type: 'varchar', length: 64, nullable: true }) fingerprint: string | null;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 }) idempotencyKey: string;
  @Column({ type: 'int', default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
