import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MembershipEntity } from './membership.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 254, unique: true }) email: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'varchar', length: 5 }) locale: 'id' | 'en';
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true }) timeZone: string | null;
  /** argon2id hash; never leaves the repository layer. */
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  /** Bumped on password change or logout-everywhere: refresh sessions of an older version are refused. */
  @Column({ name: 'session_version', type: 'int', default: 1 }) sessionVersion: number;
  @OneToMany(() => MembershipEntity, (m) => m.user) memberships: MembershipEntity[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
