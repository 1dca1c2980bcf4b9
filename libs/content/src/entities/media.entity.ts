import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A file in a unit's media library; the bytes live in the storage behind `storageKey`. */
@Entity('media')
export class MediaEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 10 }) kind: 'image' | 'video';
  @Column({ name: 'mime_type', type: 'varchar', length: 100 }) mimeType: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) bytes: number;
  @Column({ type: 'int', nullable: true }) width: number | null;
  @Column({ type: 'int', nullable: true }) height: number | null;
  /** Videos: length in milliseconds as the file states it (mvhd). */
  @Column({ name: 'duration_ms', type: 'int', nullable: true }) durationMs: number | null;
  @Column({ name: 'storage_key', type: 'varchar', length: 300 }) storageKey: string;
  @Column({ name: 'original_name', type: 'varchar', length: 300 }) originalName: string;
  @Column({ type: 'varchar', length: 64 }) sha256: string;
  @Column({ name: 'alt_text', type: 'varchar', length: 1000, nullable: true }) altText: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
