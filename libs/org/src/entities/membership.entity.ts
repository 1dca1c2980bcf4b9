import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

export const ROLES = ['admin', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A role on a unit and its whole subtree. A membership at the kota covers the city. */
@Entity('memberships')
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @ManyToOne(() => UserEntity, (u) => u.memberships, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user: UserEntity;
  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'unit_id' }) unit: UnitEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
