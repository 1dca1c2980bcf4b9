import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { invalidateApi } from '../../api/query';
import { Account, Platform, PLATFORMS } from './types';

/** Connect by pasting a token (every platform; the only way for Telegram bots and Mastodon). */
export function ConnectTokenForm({ unitId, onDone }: { unitId: string; onDone: (a: Account) => void }) {
  const { t } = useTranslation();
  const [platform, setPlatform] = useState<Platform>('telegram');
  const [externalId, setExternalId] = useState('');
  const [handle, setHandle] = useState('');
  const [accessToken, setAccessToken] = useState('');
  const [instanceUrl, setInstanceUrl] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { unitId, platform, externalId, accessToken, ...(handle ? { handle } : {}), ...(platform === 'mastodon' ? { instanceUrl } : {}) };
      const account = await api<Account>('/v1/accounts', { method: 'POST', body: JSON.stringify(body) });
      setAccessToken('');
      await invalidateApi('/v1/accounts');
      onDone(account);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="panel" aria-labelledby="connect-token-title">
      <h2 id="connect-token-title">{t('accounts.connectByToken')}</h2>
      <label htmlFor="acc-platform">{t('accounts.platform')}</label>
      <select id="acc-platform" value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
        {PLATFORMS.map((p) => (
          <option key={p} value={p}>
            {t(`platforms.${p}`)}
          </option>
        ))}
      </select>
      <label htmlFor="acc-external">{t(`accounts.externalIdLabel.${platform}`, { defaultValue: t('accounts.externalId') })}</label>
      <input id="acc-external" required maxLength={200} value={externalId} onChange={(e) => setExternalId(e.target.value)} />
      <label htmlFor="acc-handle">{t('accounts.handle')}</label>
      <input id="acc-handle" maxLength={200} value={handle} onChange={(e) => setHandle(e.target.value)} />
      {platform === 'mastodon' && (
        <>
          <label htmlFor="acc-instance">{t('accounts.instanceUrl')}</label>
          <input
            id="acc-instance"
            type="url"
            required
            placeholder="https://mastodon.social"
            value={instanceUrl}
            onChange={(e) => setInstanceUrl(e.target.value)}
          />
        </>
      )}
      <label htmlFor="acc-token">{t(platform === 'telegram' ? 'accounts.botToken' : 'accounts.accessToken')}</label>
      <input id="acc-token" type="password" autoComplete="off" required maxLength={4000} value={accessToken} onChange={(e) => setAccessToken(e.target.value)} />
      {error && (
        <div role="alert" className="error">
          <p>{error.message}</p>
          {error.details.length > 0 && (
            <ul>
              {error.details.map((d) => (
                <li key={d.field}>
                  {d.field}: {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {t('accounts.connect')}
        </button>
      </p>
    </form>
  );
}
