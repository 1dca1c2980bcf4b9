import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { Account, NO_COMMENT_PLATFORMS, OAUTH_PLATFORMS } from './types';

export function AccountRow({ account, onChange }: { account: Account; onChange: (a: Account | null) => void }) {
  const { t, i18n } = useTranslation();
  const [token, setToken] = useState('');
  const [reconnecting, setReconnecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const oauth = (OAUTH_PLATFORMS as readonly string[]).includes(account.platform);

  async function call(path: string, init: RequestInit) {
    setError(null);
    try {
      onChange(await api<Account>(path, init));
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  const followers = account.followers === null ? '—' : new Intl.NumberFormat(i18n.language === 'id' ? 'id-ID' : 'en-GB').format(account.followers);
  return (
    <tr>
      <td>{t(`platforms.${account.platform}`)}</td>
      <td>
        {account.handle ?? account.externalId}
        {account.sandbox && <span className="badge"> {t('accounts.sandbox')}</span>}
        {NO_COMMENT_PLATFORMS.includes(account.platform) && <div className="muted">{t('accounts.noComments')}</div>}
      </td>
      <td>
        <span className={`status status-${account.status}`}>{t(`accounts.status.${account.status}`)}</span>
        {account.status === 'needs_reconnect' && account.statusReason && <div className="muted">{account.statusReason}</div>}
      </td>
      <td className="num">{followers}</td>
      <td>
        <div className="row-actions">
          {oauth && (
            <a className="button secondary" href={`/api/v1/accounts/connect/${account.platform}?unitId=${account.unitId}&accountId=${account.id}`}>
              {t('accounts.reconnect')}
            </a>
          )}
          {!oauth && (
            <button type="button" className="secondary" aria-expanded={reconnecting} onClick={() => setReconnecting(!reconnecting)}>
              {t('accounts.reconnect')}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => void call(`/v1/accounts/${account.id}`, { method: 'PATCH', body: JSON.stringify({ disabled: account.status !== 'disabled' }) })}
          >
            {account.status === 'disabled' ? t('accounts.enable') : t('accounts.disable')}
          </button>
        </div>
        {reconnecting && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void call(`/v1/accounts/${account.id}/reconnect`, { method: 'POST', body: JSON.stringify({ accessToken: token }) }).then(() =>
                setReconnecting(false),
              );
            }}
          >
            <label htmlFor={`tok-${account.id}`}>{t('accounts.newToken')}</label>
            <input id={`tok-${account.id}`} type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} />
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
          </form>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
