import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Wilayah kinds from the country down (Kemendagri levels), then agencies, which may sit under any of them. */
export const UNIT_KINDS = ['nasional', 'provinsi', 'kota', 'kabupaten', 'kecamatan', 'kelurahan', 'desa', 'opd', 'bumd', 'puskesmas'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A node of the organisation tree. `path` is the ids from the root down to this unit, each followed by '/'. */
@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40, nullable: true, unique: true }) code: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) kind: UnitKind;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'text' }) path: string;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone: string;
  @Column({ name: 'review_required', type: 'boolean' }) reviewRequired: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
