import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A media item attached to a post, in display order. */
@Entity('post_media')
export class PostMediaEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' }) postId: string;
  @PrimaryColumn({ name: 'media_id', type: 'uuid' }) mediaId: string;
  @Column({ type: 'int' }) position: number;
}
