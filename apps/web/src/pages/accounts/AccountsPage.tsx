import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AccountRow } from './AccountRow';
import { ConnectTokenForm } from './ConnectTokenForm';
import { Account, OAUTH_PLATFORMS, UnitOption } from './types';

/** The accounts of one unit: list with platform, handle, status and followers; connect by token or OAuth; reconnect; disable. */
export function AccountsPage() {
  const { t } = useTranslation();
  const params = new URLSearchParams(location.search);
  const [units, setUnits] = useState<UnitOption[]>([]);
  const [unitId, setUnitId] = useState<string>(params.get('unitId') ?? '');
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const connected = params.get('connected');
  const oauthError = params.get('error');

  useEffect(() => {
    api<UnitOption[]>('/v1/units').then(
      (u) => {
        setUnits(u);
        if (!unitId && u.length) setUnitId(u[0].id);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const load = useCallback(() => {
    if (!unitId) return;
    api<Account[]>(`/v1/accounts?unitId=${unitId}`).then(setAccounts, (e: Error) => setError(e.message));
  }, [unitId]);
  useEffect(load, [load]);

  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">{t('accounts.title')}</h1>
      {connected && (
        <p role="status" className="notice">
          {t('accounts.connectedNotice')}
        </p>
      )}
      {oauthError && (
        <p role="alert" className="error">
          {t(oauthError, { defaultValue: t('accounts.oauthFailed'), platform: '' })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <label htmlFor="acc-unit">{t('accounts.unit')}</label>
      <select id="acc-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} {u.code ? `(${u.code})` : ''}
          </option>
        ))}
      </select>
      <h2>{t('accounts.listTitle')}</h2>
      {!accounts && <p>{t('common.loading')}</p>}
      {accounts && accounts.length === 0 && <p>{t('accounts.none')}</p>}
      {accounts && accounts.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accounts.platform')}</th>
                <th scope="col">{t('accounts.handle')}</th>
                <th scope="col">{t('accounts.statusTitle')}</th>
                <th scope="col">{t('accounts.followers')}</th>
                <th scope="col">{t('accounts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <AccountRow key={a.id} account={a} onChange={load} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {unitId && (
        <div className="panel" aria-labelledby="connect-oauth-title">
          <h2 id="connect-oauth-title">{t('accounts.connectByOAuth')}</h2>
          <div className="row-actions">
            {OAUTH_PLATFORMS.map((p) => (
              <a key={p} className="button secondary" href={`/api/v1/accounts/connect/${p}?unitId=${unitId}`}>
                {t('accounts.connectWith', { platform: t(`platforms.${p}`) })}
              </a>
            ))}
          </div>
        </div>
      )}
      {unitId && <ConnectTokenForm unitId={unitId} onDone={load} />}
    </section>
  );
}
