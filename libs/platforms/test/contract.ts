import { PlatformError } from '../src/errors';
import { matchesFingerprint } from '../src/text/fingerprint';
import { AccountCredentials, CheckRequest, Platform, PublishContent } from '../src/types';
import { clickThroughConsent, Harness, newPkce, startHarness } from './harness';

export interface ContractOptions {
  /** Content for the plain publish (text for most; media for Instagram, TikTok, YouTube). */
  basic: (h: Harness, tag: string) => PublishContent;
  /** Image (or video) post; omitted where the plain publish already covers it. */
  withMedia?: (h: Harness, tag: string) => PublishContent;
  /** Seconds after which the 429 fault's reset is expected; undefined = just "in the future". */
  expectedRetrySec?: number;
  rejectedMessage: RegExp;
  /** check() proves that a 5xx before storing posted nothing (false: it answers unknown or pending, never found). */
  provesAbsence?: boolean;
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

    it('classifies 5xx on a read as transient, never auth', async () => {
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: '5xx' });
      const err = await expectError(adapter().accountMetrics(account));
      expect(err.kind).toBe('transient');
    });

    it('classifies a content refusal as rejected with the platform reason', async () => {
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: 'reject' });
      const err = await expectError(adapter().publish(account, opts.basic(h, tag()), { idempotencyKey: 'r' }));
      expect(err.kind).toBe('rejected');
      expect(err.platformMessage).toMatch(opts.rejectedMessage);
    });

    /** Publishes once, so the check has a post Kabar knows (Telegram's lower bound), then runs `fault` on a second publish. */
    async function lose(kind: 'drop_after_accept' | '5xx_after_store' | '5xx') {
      const first = await adapter().publish(account, opts.basic(h, tag()), { idempotencyKey: `known-${n}` });
      const known = [{ externalId: first.externalId, publishedAt: new Date() }];
      const content = opts.basic(h, tag());
      const since = new Date();
      const handles: Record<string, string> = {};
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind, calls: 'create' });
      const err = await expectError(
        adapter().publish(account, content, { idempotencyKey: `lost-${n}`, checkpoint: async (more) => void Object.assign(handles, more) }),
      );
      const lostAt = new Date();
      // Asked a few minutes later, as the engine does (listings that settle are consistent by then).
      const check = (extra: Partial<CheckRequest> = {}) =>
        adapter().check(account, { content, since, lostAt, handles, known, otherUnknown: 0, now: new Date(lostAt.getTime() + 5 * 60_000), ...extra });
      return { err, content, first, check };
    }

    it('a post stored before its answer was lost: unknown_outcome, and check() finds that post', async () => {
      for (const kind of ['drop_after_accept', '5xx_after_store'] as const) {
        const { err, check } = await lose(kind);
        expect(err.kind).toBe('unknown_outcome');
        const stored = h.sb.store.posts(platform, account.externalId);
        expect(stored).toHaveLength(2);
        const res = await check();
        expect(res).toMatchObject({ state: 'found', post: { externalId: stored[stored.length - 1].externalId } });
        h.sb.store.reset();
        account = h.account(platform, { followers: 1234 });
      }
    });

    it('a 5xx before anything was stored: unknown_outcome (never transient), and check() never says found', async () => {
      const { err, check } = await lose('5xx');
      expect(err.kind).toBe('unknown_outcome');
      expect(h.sb.store.posts(platform, account.externalId)).toHaveLength(1);
      const res = await check();
      expect(res.state).not.toBe('found');
      if (opts.provesAbsence !== false) expect(res.state).toBe('absent');
    });

    it('check() never adopts a post Kabar already knows', async () => {
      const { check, first } = await lose('5xx');
      const samePost = await check({ content: opts.basic(h, 'other text that was never sent') });
      expect(samePost.state === 'found' ? samePost.post.externalId : null).not.toBe(first.externalId);
    });

    it('reports unknown_outcome on a timeout after sending, transient when nothing listens', async () => {
      const { PlatformRegistry } = await import('../src/registry');
      const fast = new PlatformRegistry({ ...h.config, timeoutMs: 300 });
      h.sb.store.injectFault({ platform, accountExternalId: account.externalId, kind: 'slow', delayMs: 800, count: 20 });
      const err = await expectError(fast.get(platform).publish(account, opts.basic(h, tag()), { idempotencyKey: 's' }));
      expect(['unknown_outcome', 'transient']).toContain(err.kind); // transient if a pre-create step timed out
      expect(err.kind).not.toBe('auth');
      h.sb.store.reset();
      const dead = new PlatformRegistry({
        ...h.config,
        apiUrls: { ...h.config.apiUrls, [platform]: 'http://127.0.0.1:1/x' },
        outbound: { allow: [...(h.config.outbound?.allow ?? []), '127.0.0.1:1'] },
      });
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
