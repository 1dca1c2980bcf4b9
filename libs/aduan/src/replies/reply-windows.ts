import type { Platform } from '@kabar/platforms';

/**
 * How long after a comment a reply can still be sent, per platform (docs/aduan-replies.md has the sources).
 * Public replies under a comment have no documented deadline on any platform Kabar replies on. Meta's *private*
 * replies (a direct message to the commenter) must be sent within 7 days of the comment (Messenger Platform
 * "Private Replies"; Instagram Platform "Send a Private Reply to a Commenter"): past that, only a public reply is
 * possible, so the inbox warns while the 7 days run out. TikTok has no reply API at all.
 */
export interface ReplyWindow {
  /** Days a public reply stays possible; null: no documented limit. */
  publicDays: number | null;
  /** Days a private reply (direct message to the commenter) stays possible; null: the platform has none via API. */
  privateDays: number | null;
  /** Whether Kabar can reply at all. */
  supported: boolean;
}

export const REPLY_WINDOWS: Record<Platform, ReplyWindow> = {
  facebook: { publicDays: null, privateDays: 7, supported: true },
  instagram: { publicDays: null, privateDays: 7, supported: true },
  x: { publicDays: null, privateDays: null, supported: true },
  mastodon: { publicDays: null, privateDays: null, supported: true },
  youtube: { publicDays: null, privateDays: null, supported: true },
  threads: { publicDays: null, privateDays: null, supported: true },
  telegram: { publicDays: null, privateDays: null, supported: true },
  tiktok: { publicDays: null, privateDays: null, supported: false },
};

/** A window is "closing" in its last day. */
export const CLOSING_MS = 24 * 3_600_000;
const DAY_MS = 86_400_000;

export interface WindowWarning {
  code: 'aduan.replies.warnings.privateWindowClosing' | 'aduan.replies.warnings.privateWindowClosed';
  params: { platform: string; days: number; hoursLeft: number; closesAt: string };
}

/** The warning to show with a reply to a comment written at `writtenAt`, at `now`; null when no window is closing. */
export function windowWarning(platform: Platform, writtenAt: Date, now: Date): WindowWarning | null {
  const days = REPLY_WINDOWS[platform].privateDays;
  if (days === null) return null;
  const closesAt = new Date(writtenAt.getTime() + days * DAY_MS);
  const left = closesAt.getTime() - now.getTime();
  const params = { platform, days, hoursLeft: Math.max(0, Math.floor(left / 3_600_000)), closesAt: closesAt.toISOString() };
  if (left <= 0) return { code: 'aduan.replies.warnings.privateWindowClosed', params };
  if (left <= CLOSING_MS) return { code: 'aduan.replies.warnings.privateWindowClosing', params };
  return null;
}
