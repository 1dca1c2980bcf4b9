import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/query';
import { navigate, useSearchParam } from '../../router';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { AccountsTable } from './AccountsTable';
import { ConnectTokenForm } from './ConnectTokenForm';
import { Account, OAUTH_PLATFORMS, UnitOption } from './types';

/** The accounts of one unit: list with platform, handle, status and followers; connect by token or OAuth; reconnect; disable. */
export function AccountsPage() {
  const { t } = useTranslation();
  const units = useApi<UnitOption[]>('/v1/units');
  const unitId = useSearchParam('unitId') ?? units.data?.[0]?.id ?? '';
  const listPath = `/v1/accounts?unitId=${unitId}`;
  const accounts = useApi<Account[]>(unitId ? listPath : null);
  const [done, setDone] = useState<string | null>(null);
  const connected = useSearchParam('connected');
  const oauthError = useSearchParam('error');
  const error = units.error ?? accounts.error;

  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">{t('accounts.title')}</h1>
      {connected && <Notice>{t('accounts.connectedNotice')}</Notice>}
      {oauthError && <Notice kind="error">{t(oauthError, { defaultValue: t('accounts.oauthFailed'), platform: '' })}</Notice>}
      {error && <Notice kind="error">{error.message}</Notice>}
      <Notice>{done}</Notice>
      <Field label={t('accounts.unit')}>
        {(c) => (
          <select
            {...c}
            value={unitId}
            onChange={(e) => {
              setDone(null);
              navigate(`/accounts?unitId=${encodeURIComponent(e.target.value)}`);
            }}
          >
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} {u.code ? `(${u.code})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <h2>{t('accounts.listTitle')}</h2>
      {accounts.isPending && <p aria-live="polite">{t('common.loading')}</p>}
      {accounts.data && accounts.data.length === 0 && <p>{t('accounts.none')}</p>}
      {accounts.data && accounts.data.length > 0 && <AccountsTable accounts={accounts.data} listPath={listPath} onDone={setDone} />}
      {unitId && (
        <Card title={t('accounts.connectByOAuth')}>
          <div className="row-actions">
            {OAUTH_PLATFORMS.map((p) => (
              <a key={p} className="button secondary" href={`/api/v1/accounts/connect/${p}?unitId=${unitId}`}>
                {t('accounts.connectWith', { platform: t(`platforms.${p}`) })}
              </a>
            ))}
          </div>
        </Card>
      )}
      {unitId && <ConnectTokenForm unitId={unitId} onDone={() => setDone(t('accounts.connectedNotice'))} />}
    </section>
  );
}
