import { loadPlatformLimits } from '@kabar/platforms';

export interface MediaSizeLimits {
  image: number;
  video: number;
}

/**
 * The largest file of each kind that some platform Kabar publishes to accepts (config/platform-limits.json):
 * anything larger could never be posted anywhere, so it is refused while it streams in.
 */
export function mediaSizeLimits(table = loadPlatformLimits()): MediaSizeLimits {
  const largest = (key: 'maxImageBytes' | 'maxVideoBytes', fallback: number) => {
    const values = Object.values(table)
      .map((p) => p.media[key])
      .filter((v): v is number => typeof v === 'number' && v > 0);
    return values.length ? Math.max(...values) : fallback;
  };
  return { image: largest('maxImageBytes', 10 * 1024 * 1024), video: largest('maxVideoBytes', 1024 * 1024 * 1024) };
}

/** Mebibytes to one decimal, for messages ("larger than 20 MB", "1.5 MB used"). */
export const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
