import { AccountCredentials, defaultPlatformsConfig, Platform, PlatformRegistry } from '@kabar/platforms';
import { followersAt, postMetricsAt, SandboxHandle, startSandbox } from '@kabar/sandbox';
import { sandboxAllow } from '../../support/sandbox-config';

const SEED = 4242;
const DAY = 86_400_000;

describe('sandbox growth model read through the platform adapters over HTTP', () => {
  let sb: SandboxHandle;
  let registry: PlatformRegistry;
  let t0: number;
  const accounts: Partial<Record<Platform, AccountCredentials>> = {};
  const anchor = { followers: 5000, at: 0 };

  beforeAll(async () => {
    sb = await startSandbox({ seed: SEED });
    registry = new PlatformRegistry({
      ...defaultPlatformsConfig(),
      apiUrls: sb.apiUrls,
      oauth: sb.oauth,
      timeoutMs: 3000,
      outbound: { allow: [sandboxAllow(sb)] },
    });
    t0 = sb.store.now();
    anchor.at = t0;
    for (const platform of ['x', 'mastodon', 'telegram', 'instagram'] as const) {
      const c = sb.store.createAccount(platform, { followers: 5000, followersAt: t0 });
      accounts[platform] = {
        platform,
        externalId: c.externalId,
        handle: c.handle,
        accessToken: c.accessToken,
        instanceUrl: platform === 'mastodon' ? sb.apiUrls.mastodon : undefined,
      };
    }
  });
  afterAll(() => sb.close());

  // moving the sandbox clock by weeks expires short-lived tokens (X: 2 h): hand the adapters fresh ones
  const advance = (ms: number) => {
    sb.store.advanceTime(ms);
    for (const a of Object.values(accounts)) a!.accessToken = sb.store.issueTokens(sb.store.account(a!.platform, a!.externalId)!).accessToken;
  };
  const model = (platform: Platform) => followersAt(`${platform}:${accounts[platform]!.externalId}`, sb.store.now(), SEED, anchor);

  it('answers each account its model followers, now and weeks later on the sandbox clock', async () => {
    for (const platform of ['x', 'mastodon', 'telegram', 'instagram'] as const) {
      expect((await registry.get(platform).accountMetrics(accounts[platform]!)).followers).toBe(5000);
    }
    advance(30 * DAY);
    const read: number[] = [];
    for (const platform of ['x', 'mastodon', 'telegram', 'instagram'] as const) {
      const followers = (await registry.get(platform).accountMetrics(accounts[platform]!)).followers;
      expect(Math.abs(followers - model(platform))).toBeLessThanOrEqual(1);
      read.push(followers);
    }
    // four accounts, four growth profiles drawn by hash: the month moved them apart
    expect(new Set(read).size).toBeGreaterThan(1);
  });

  it('answers post metrics from the model: zero at first, saturating with age', async () => {
    const published: Array<{ platform: 'x' | 'mastodon'; id: string; base: number }> = [];
    for (const platform of ['x', 'mastodon'] as const) {
      const base = model(platform);
      const res = await registry
        .get(platform)
        .publish(accounts[platform]!, { text: `Info layanan ${platform} ${Date.now()}` }, { idempotencyKey: `g-${platform}` });
      published.push({ platform, id: res.externalId, base });
    }
    const readAll = async () => {
      const out: Array<{ likes?: number; comments?: number; shares?: number }> = [];
      for (const p of published) out.push((await registry.get(p.platform).postMetrics(accounts[p.platform]!, [p.id]))[p.id]);
      return out;
    };
    const fresh = await readAll();
    for (const m of fresh) expect([m.likes, m.comments, m.shares]).toEqual([0, 0, 0]);

    advance(2 * DAY);
    const later = await readAll();
    for (const [i, p] of published.entries()) {
      const post = sb.store.post(p.platform, p.id)!;
      const expected = postMetricsAt(`${p.platform}:${p.id}`, p.platform, post.createdAt.getTime(), p.base, sb.store.now(), SEED);
      expect(later[i]).toMatchObject({ likes: expected.likes, comments: expected.comments });
      expect(later[i].likes).toBeGreaterThan(0);
    }
    const xImpressions = (await registry.get('x').postMetrics(accounts.x!, [published[0].id]))[published[0].id].impressions!;
    expect(xImpressions).toBeGreaterThan(later[0].likes!);

    advance(60 * DAY);
    const old = await readAll();
    advance(60 * DAY);
    const older = await readAll();
    for (const [i] of published.entries()) {
      expect(old[i].likes!).toBeGreaterThanOrEqual(later[i].likes!);
      expect(older[i].likes! - old[i].likes!).toBeLessThanOrEqual(Math.ceil(0.02 * older[i].likes!) + 1);
    }
  });

  it('keeps manual nudges (tick) on top of the model', async () => {
    const before = (await registry.get('mastodon').accountMetrics(accounts.mastodon!)).followers;
    sb.store.tick();
    expect((await registry.get('mastodon').accountMetrics(accounts.mastodon!)).followers).toBeGreaterThan(before);
  });
});
