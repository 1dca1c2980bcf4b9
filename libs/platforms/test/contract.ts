import { PlatformError } from '../src/errors';
import { matchesFingerprint } from '../src/text/fingerprint';
import { AccountCredentials, Platform, PublishContent } from '../src/types';
import { clickThroughConsent, Harness, newPkce, startHarness } from './harness';

export interface ContractOptions {
  /** Content for the plain publish (text for most; media for Instagram, TikTok, YouTube). */
  basic: (h: Harness, tag: string) => PublishContent;
  /** Image (or video) post; omitted where the plain publish already covers it. */
  withMedia?: (h: Harness, tag: string) => PublishContent;
  /** Seconds after which the 429 fault's reset is expected; undefined = just "in the future". */
  expectedRetrySec?: number;
  rejectedMessage: RegExp;
  /** findRecent can reconcile a dropped create (false for nothing). */
  reconciles?: boolean;
  oauth?: { scopes: string[]; pkce?: boolean };
}

async function expectError(p: Promise<unknown>): Promise<PlatformError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PlatformError);
    return e as PlatformError;
  }
  throw new Error('expected a PlatformError');
}

/** The contract every adapter keeps against its sandbox server. */
export function describeContract(platform: Platform, opts: ContractOptions): void {
  describe(`${platform} adapter contract`, () => {
    let h: Harness;
    let account: AccountCredentials;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h.close());
    beforeEach(() => {
      account = h.account(platform, { followers: 1234 });
    });
    const adapter = () => h.registry.get(platform);
    let n = 0;
    const tag = () => `${platform} ${++n} ${Date.now()}`;

    it('publishes and the platform holds exactly that post', async () => {
      const content = opts.basic(h, tag());
      const res = await adapter().publish(account, content, { idempotencyKey: `k-${n}` });
      const posts = h.sb.store.posts(platform, account.externalId);
      expect(posts).toHaveLength(1);
      expect(posts[0].externalId).toBe(res.externalId);
      expect(res.url).toMatch(/^https?:\/\//);
      expect(matchesFingerprint(posts[0].text, content.text)).toBe(true);
    });

    if (opts.withMedia)
      it('publishes a post with media', async () => {
        const content = opts.withMedia!(h, tag());
        const res = await adapter().publish(account, content, { idempotencyKey: `m-${n}` });
        const [post] = h.sb.store.posts(platform, account.externalId);
        expect(post.externalId).toBe(res.externalId);
        expect(post.media.length).toBeGreaterThanOrEqual(1);
      });

    it('classifies an expired token as auth', async () => {
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: 'expired_token' });
      const err = await expectError(adapter().publish(account, opts.basic(h, tag()), { idempotencyKey: 'a' }));
      expect(err.kind).toBe('auth');
      expect(h.sb.store.posts(platform, account.externalId)).toHaveLength(0);
    });

    it('classifies an unknown token as auth and never leaks it', async () => {
      const bad = { ...account, accessToken: `${account.accessToken}BROKEN` };
      const err = await expectError(adapter().accountMetrics(bad));
      expect(err.kind).toBe('auth');
      expect(JSON.stringify(err.toJSON()) + err.message + String(err.stack)).not.toContain(bad.accessToken);
    });

    it('classifies 429 as rate_limited with retryAt from the platform', async () => {
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: '429', resetInSeconds: 120 });
      const before = Date.now();
      const err = await expectError(adapter().accountMetrics(account));
      expect(err.kind).toBe('rate_limited');
      expect(err.retryAt!.getTime()).toBeGreaterThan(before);
      if (opts.expectedRetrySec !== undefined) expect(Math.abs(err.retryAt!.getTime() - before - opts.expectedRetrySec * 1000)).toBeLessThan(3000);
    });

    it('classifies 5xx as transient, never auth', async () => {
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: '5xx' });
      const err = await expectError(adapter().publish(account, opts.basic(h, tag()), { idempotencyKey: 't' }));
      expect(err.kind).toBe('transient');
    });

    it('classifies a content refusal as rejected with the platform reason', async () => {
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: 'reject' });
      const err = await expectError(adapter().publish(account, opts.basic(h, tag()), { idempotencyKey: 'r' }));
      expect(err.kind).toBe('rejected');
      expect(err.platformMessage).toMatch(opts.rejectedMessage);
    });

    it('reports unknown_outcome when the answer is lost after the post was accepted, and findRecent finds it', async () => {
      const since = new Date(Date.now() - 2000);
      const content = opts.basic(h, tag());
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: 'drop_after_accept' });
      const err = await expectError(adapter().publish(account, content, { idempotencyKey: 'u' }));
      expect(err.kind).toBe('unknown_outcome');
      expect(h.sb.store.posts(platform, account.externalId)).toHaveLength(1);
      const recent = await adapter().findRecent(account, since);
      const found = recent.filter((r) => matchesFingerprint(r.text, content.text));
      expect(found).toHaveLength(opts.reconciles === false ? 0 : 1);
      if (found.length) expect(found[0].externalId).toBe(h.sb.store.posts(platform, account.externalId)[0].externalId);
    });

    it('reports unknown_outcome on a timeout after sending, transient when nothing listens', async () => {
      const { PlatformRegistry } = await import('../src/registry');
      const fast = new PlatformRegistry({ ...h.config, timeoutMs: 300 });
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: 'slow', delayMs: 800, count: 20 });
      const err = await expectError(fast.get(platform).publish(account, opts.basic(h, tag()), { idempotencyKey: 's' }));
      expect(['unknown_outcome', 'transient']).toContain(err.kind); // transient if a pre-create step timed out
      expect(err.kind).not.toBe('auth');
      h.sb.store.reset();
      const dead = new PlatformRegistry({ ...h.config, apiUrls: { ...h.config.apiUrls, [platform]: 'http://127.0.0.1:1/x' } });
      const down = await expectError(
        dead.get(platform).publish({ ...account, instanceUrl: account.instanceUrl && 'http://127.0.0.1:1' }, opts.basic(h, tag()), { idempotencyKey: 'd' }),
      );
      expect(down.kind).toBe('transient');
    });

    it('reads account and post metrics', async () => {
      const res = await adapter().publish(account, opts.basic(h, tag()), { idempotencyKey: 'pm' });
      h.sb.store.tick();
      h.sb.store.tick();
      const metrics = await adapter().accountMetrics(account);
      expect(metrics.followers).toBeGreaterThan(1234);
      const posts = await adapter().postMetrics(account, [res.externalId]);
      expect(posts[res.externalId]).toBeDefined();
      if (platform !== 'telegram') expect(Object.values(posts[res.externalId]).some((v) => typeof v === 'number' && v > 0)).toBe(true);
    });

    if (opts.oauth)
      it('completes the OAuth round trip through the sandbox consent page', async () => {
        const pkce = newPkce();
        const url = adapter().authorizeUrl!({
          clientId: 'kabar-client',
          redirectUri: 'http://127.0.0.1:9/cb',
          state: 'st-1',
          scopes: opts.oauth!.scopes,
          codeChallenge: opts.oauth!.pkce ? pkce.challenge : undefined,
        });
        const { code, state } = await clickThroughConsent(url);
        expect(state).toBe('st-1');
        const tokens = await adapter().exchangeCode!({
          code,
          redirectUri: 'http://127.0.0.1:9/cb',
          clientId: 'kabar-client',
          clientSecret: 'secret',
          codeVerifier: opts.oauth!.pkce ? pkce.verifier : undefined,
        });
        expect(tokens.accessToken).toBeTruthy();
        expect(tokens.externalId).toBeTruthy();
        const connected: AccountCredentials = {
          platform,
          externalId: tokens.externalId!,
          handle: tokens.handle,
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken,
        };
        expect((await adapter().accountMetrics(connected)).followers).toBeGreaterThanOrEqual(0);
        const replay = await expectError(
          adapter().exchangeCode!({
            code,
            redirectUri: 'http://127.0.0.1:9/cb',
            clientId: 'kabar-client',
            clientSecret: 'secret',
            codeVerifier: pkce.verifier,
          }),
        );
        expect(['auth', 'rejected']).toContain(replay.kind); // a spent code: Graph says code 100, others invalid_grant
      });
  });
}
