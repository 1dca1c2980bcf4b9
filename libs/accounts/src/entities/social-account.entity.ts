import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ACCOUNT_PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
export type AccountPlatform = (typeof ACCOUNT_PLATFORMS)[number];
export const ACCOUNT_STATUSES = ['active', 'needs_reconnect', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A unit's account on one platform. Credentials are AES-256-GCM ciphertext; nothing secret is in clear columns. */
@Entity('social_accounts')
export class SocialAccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 20 }) platform: AccountPlatform;
  @Column({ name: 'external_id', type: 'varchar', length: 200 }) externalId: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) handle: string | null;
  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true }) displayName: string | null;
  @Column({ type: 'varchar', length: 20 }) status: AccountStatus;
  /** The platform's own words when it asked for a reconnect. */
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ name: 'credentials_enc', type: 'text', select: false }) credentialsEnc: string;
  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true }) tokenExpiresAt: Date | null;
  @Column({ name: 'has_refresh_token', type: 'boolean', default: false }) hasRefreshToken: boolean;
  @Column({ type: 'int', nullable: true }) followers: number | null;
  @Column({ type: 'boolean', default: false }) sandbox: boolean;
  @Column({ name: 'connected_by', type: 'uuid', nullable: true }) connectedBy: string | null;
  @Column({ name: 'connected_at', type: 'timestamptz' }) connectedAt: Date;
  @Column({ name: 'last_synced_at', type: 'timestamptz', nullable: true }) lastSyncedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
