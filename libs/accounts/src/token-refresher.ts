import { DataSource } from 'typeorm';
import { AccountCredentials, PlatformRegistry } from '@kabar/platforms';
import { CredentialCipher, StoredCredentials } from './crypto/credential-cipher';
import { SocialAccountEntity } from './entities/social-account.entity';

/** Refresh this long before expiry, so a publish never starts with a token about to lapse. */
export const REFRESH_MARGIN_MS = 10 * 60_000;

/**
 * Refreshes an account's access token under a row lock: platforms that rotate refresh tokens (X, TikTok)
 * spend the old one, so two workers refreshing at once would lock the account out. The second waits,
 * then finds the fresh token. A refresh that returns no new refresh token keeps the stored one.
 */
export async function refreshIfExpiring(
  ds: DataSource,
  cipher: CredentialCipher,
  platforms: PlatformRegistry,
  account: SocialAccountEntity,
  now = new Date(),
): Promise<{ creds: StoredCredentials; tokenExpiresAt: Date | null }> {
  return ds.transaction(async (em) => {
    const [row] = await em.query(`SELECT credentials_enc, token_expires_at FROM social_accounts WHERE id = $1 FOR UPDATE`, [account.id]);
    const creds = cipher.decrypt<StoredCredentials>(row.credentials_enc, account.id);
    const expiresAt: Date | null = row.token_expires_at;
    const adapter = platforms.get(account.platform);
    if (!expiresAt || expiresAt.getTime() - now.getTime() > REFRESH_MARGIN_MS || !adapter.refresh || !creds.refreshToken) {
      return { creds, tokenExpiresAt: expiresAt };
    }
    const current: AccountCredentials = {
      platform: account.platform,
      externalId: account.externalId,
      handle: account.handle ?? undefined,
      ...creds,
      tokenExpiresAt: expiresAt,
    };
    const tokens = await adapter.refresh(current);
    const next: StoredCredentials = { ...creds, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? creds.refreshToken };
    await em.query(`UPDATE social_accounts SET credentials_enc = $2, token_expires_at = $3, has_refresh_token = $4, updated_at = now() WHERE id = $1`, [
      account.id,
      cipher.encrypt(next, account.id),
      tokens.expiresAt ?? null,
      !!next.refreshToken,
    ]);
    return { creds: next, tokenExpiresAt: tokens.expiresAt ?? null };
  });
}
