import { SandboxAccount, SandboxPost } from '../types';
import { FollowerAnchor, followersAt } from './follower-growth';
import { PostCounterName, postMetricsAt } from './post-metrics';

/** What the live counters need from the store: its clock and seed. */
export interface GrowthClock {
  now(): number;
  readonly seed: number;
}

export const accountKey = (a: Pick<SandboxAccount, 'platform' | 'externalId'>): string => `${a.platform}:${a.externalId}`;

/**
 * Makes `account.followers` answer from the growth model at the store's current time. Writing to it (tick,
 * tests) adds the difference on top of the model, so manual bumps stay visible.
 */
export function liveFollowers(account: Omit<SandboxAccount, 'followers'>, anchor: FollowerAnchor, clock: GrowthClock): SandboxAccount {
  let extra = 0;
  const model = () => followersAt(accountKey(account), clock.now(), clock.seed, anchor);
  return Object.defineProperty(account, 'followers', {
    enumerable: true,
    get: () => Math.max(0, model() + extra),
    set: (v: number) => {
      extra += v - Math.max(0, model() + extra);
    },
  }) as SandboxAccount;
}

const COUNTERS: PostCounterName[] = ['likes', 'comments', 'shares', 'views', 'reach'];

/**
 * Makes a post's counters answer from the growth model at the store's current time (age, platform, followers
 * when posted). Writes add on top, as for followers.
 */
export function liveCounters(post: SandboxPost, followersAtPost: number, clock: GrowthClock): SandboxPost {
  const given = Object.fromEntries(COUNTERS.map((c) => [c, Number(post[c] ?? 0)]));
  const model = () => postMetricsAt(`${post.platform}:${post.externalId}`, post.platform, post.createdAt.getTime(), followersAtPost, clock.now(), clock.seed);
  for (const c of COUNTERS) {
    let extra = given[c];
    Object.defineProperty(post, c, {
      enumerable: true,
      get: () => model()[c] + extra,
      set: (v: number) => {
        extra += v - (model()[c] + extra);
      },
    });
  }
  return post;
}
