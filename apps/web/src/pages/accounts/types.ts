import type { AccountDto, UnitDto } from '../../api/types';

export const PLATFORMS = ['facebook', 'instagram', 'x', 'telegram', 'mastodon', 'tiktok', 'youtube', 'threads'] as const;
export const OAUTH_PLATFORMS = ['facebook', 'instagram', 'threads', 'x', 'tiktok', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];
/** Platforms whose public APIs give no comments to read (the adapters' `commentCapabilities`): Aduan cannot see them. */
export const NO_COMMENT_PLATFORMS: readonly Platform[] = ['tiktok'];

/** The API's own types (generated from its OpenAPI document). */
export type Account = AccountDto;
export type UnitOption = Pick<UnitDto, 'id' | 'name' | 'kind' | 'code'>;
