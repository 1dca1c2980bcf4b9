import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from './post.entity';

/** The text of a post in one language; `platform` set means an override for that platform only. */
@Entity('post_variants')
export class PostVariantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'post_id', type: 'uuid' }) postId: string;
  @Column({ type: 'varchar', length: 5 }) language: Language;
  @Column({ type: 'varchar', length: 20, nullable: true }) platform: string | null;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) hashtags: string[];
  @Column({ type: 'varchar', length: 2000, nullable: true }) link: string | null;
}
