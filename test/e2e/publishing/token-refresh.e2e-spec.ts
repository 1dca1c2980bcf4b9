import { CredentialCipher, StoredCredentials } from '@kabar/accounts';
import { deriveKey } from '@kabar/org';
import { PublishingHarness, SECRET, createAccount, ensureUnit, schedulePosts, startPublishingHarness, statusCounts, waitFor } from './publishing-fixtures';

jest.setTimeout(60_000);

describe('publishing with a token about to expire', () => {
  let h: PublishingHarness;
  beforeAll(async () => {
    h = await startPublishingHarness();
  });
  afterAll(() => h?.close());

  it('refreshes it first (X rotates refresh tokens), publishes once, and keeps the account connected', async () => {
    const { db, sb } = h;
    const unit = await ensureUnit(db);
    const account = await createAccount(db, sb, unit, 'x');
    const cipher = new CredentialCipher(deriveKey(SECRET, 'credentials'));
    const read = async () => {
      const [row] = (await db.query(`SELECT credentials_enc, token_expires_at, status FROM social_accounts WHERE id = $1`, [account.id])).rows;
      return {
        creds: cipher.decrypt<StoredCredentials>(row.credentials_enc, account.id),
        expiresAt: row.token_expires_at as Date,
        status: row.status as string,
      };
    };
    const before = await read();
    await db.query(`UPDATE social_accounts SET token_expires_at = now() + interval '2 minutes' WHERE id = $1`, [account.id]);
    const targets = await schedulePosts(db, unit, [{ account, at: new Date(Date.now() + 1000), text: 'Token hampir kedaluwarsa [R1]' }]);
    await h.spawn();
    await waitFor('published', async () => (await statusCounts(db, [targets[0].id])).published === 1, 30_000);
    const after = await read();
    expect(after.creds.accessToken).not.toBe(before.creds.accessToken);
    expect(after.creds.refreshToken).toBeTruthy();
    expect(after.creds.refreshToken).not.toBe(before.creds.refreshToken);
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(after.status).toBe('active');
    expect(sb.store.posts('x').filter((p) => p.text.includes('[R1]'))).toHaveLength(1);
  });
});
