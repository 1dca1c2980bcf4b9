// Accounts' read model for other contexts: SQL over social_accounts that publishing embeds in its own statements.
// Only accounts names the table (and its sealed credentials column).

/**
 * What a claimed target needs of its account (to join LATERAL on an account id expression): `sealed` is the
 * ciphertext only CredentialsService opens.
 */
export const accountForTargetSql = (accountId: string) =>
  `SELECT platform, status, handle, external_id, token_expires_at, credentials_enc AS sealed FROM social_accounts WHERE id = ${accountId}`;

/** The account's platform and a name for messages (handle, else display name, else external id). */
export const accountLabelSql = (accountId: string) =>
  `SELECT platform, coalesce(handle, display_name, external_id) AS label, handle, display_name, status FROM social_accounts WHERE id = ${accountId}`;
