import { platformLimitsFile as limitsJson } from '@kabar/config';
import { CountingMode } from './text/length';
import { Platform } from './types';

export interface TextLimit {
  max: number;
  counting: CountingMode;
}

export interface MediaLimits {
  min?: number;
  max: number;
  maxVideos?: number;
  requireVideo?: boolean;
  types: string[];
  maxImageBytes?: number;
  maxVideoBytes?: number;
}

export interface PlatformLimits {
  text: TextLimit;
  /** Telegram: limit of a photo caption. */
  caption?: TextLimit;
  /** TikTok photo title, YouTube video title. */
  title?: TextLimit;
  /** TikTok video caption. */
  videoCaption?: TextLimit;
  maxHashtags?: number;
  maxMentions?: number;
  maxLinks?: number;
  forbiddenChars?: string;
  media: MediaLimits;
}

export type PlatformLimitsTable = Record<Platform, PlatformLimits>;

/** The operator-editable table in config/platform-limits.json, typed. */
export function loadPlatformLimits(overrides: Partial<PlatformLimitsTable> = {}): PlatformLimitsTable {
  const { _comment, ...table } = limitsJson as unknown as PlatformLimitsTable & { _comment?: string };
  void _comment;
  return { ...table, ...overrides };
}
