import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a post's life: who did what, from which status to which, with an optional comment. */
@Entity('post_history')
export class PostHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'post_id', type: 'uuid' }) postId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 40 }) action: string;
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true }) toStatus: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
}
