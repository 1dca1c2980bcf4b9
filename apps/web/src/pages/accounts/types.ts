export const PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
export const OAUTH_PLATFORMS = ['facebook', 'instagram', 'threads', 'x', 'tiktok', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];
/** Platforms whose public APIs give no comments to read (the adapters' `commentCapabilities`): Aduan cannot see them. */
export const NO_COMMENT_PLATFORMS: readonly Platform[] = ['tiktok'];

export interface Account {
  id: string;
  unitId: string;
  platform: Platform;
  externalId: string;
  handle: string | null;
  displayName: string | null;
  status: 'active' | 'needs_reconnect' | 'disabled';
  statusReason: string | null;
  tokenExpiresAt: string | null;
  hasRefreshToken: boolean;
  followers: number | null;
  sandbox: boolean;
  lastSyncedAt: string | null;
}

export interface UnitOption {
  id: string;
  name: string;
  kind: string;
  code: string | null;
}
