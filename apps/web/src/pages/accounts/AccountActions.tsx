import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send, useApiMutation } from '../../api/query';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmDialog';
import { Account, OAUTH_PLATFORMS } from './types';

/**
 * Reconnect (OAuth or a new token) and disable/enable. Disabling asks first and says what it did; the list changes
 * at once (optimistic) and is put back if the API refuses.
 */
export function AccountActions({ account, listPath, onDone }: { account: Account; listPath: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [reconnecting, setReconnecting] = useState(false);
  const name = account.handle ?? account.externalId;
  const oauth = (OAUTH_PLATFORMS as readonly string[]).includes(account.platform);
  const toggle = useApiMutation<boolean, Account, Account[]>({
    request: (disabled) => send<Account>('PATCH', `/v1/accounts/${account.id}`, { disabled }),
    invalidates: ['/v1/accounts', '/v1/home'],
    optimistic: { listPath, apply: (list, disabled) => list.map((a) => (a.id === account.id ? { ...a, status: disabled ? 'disabled' : 'active' } : a)) },
    onSuccess: (_r, disabled) => onDone(t(disabled ? 'accounts.disabledNotice' : 'accounts.enabledNotice', { name })),
  });
  const reconnect = useApiMutation<string, Account>({
    request: (accessToken) => send<Account>('POST', `/v1/accounts/${account.id}/reconnect`, { accessToken }),
    invalidates: ['/v1/accounts'],
    onSuccess: () => {
      setReconnecting(false);
      onDone(t('accounts.reconnectedNotice', { name }));
    },
  });
  const error = toggle.error ?? reconnect.error;
  return (
    <>
      <div className="row-actions">
        {oauth ? (
          <a className="button secondary" href={`/api/v1/accounts/connect/${account.platform}?unitId=${account.unitId}&accountId=${account.id}`}>
            {t('accounts.reconnect')}
          </a>
        ) : (
          <Button aria-expanded={reconnecting} onClick={() => setReconnecting(!reconnecting)}>
            {t('accounts.reconnect')}
          </Button>
        )}
        {account.status === 'disabled' ? (
          <Button busy={toggle.isPending} onClick={() => toggle.mutate(false)}>
            {t('accounts.enable')}
          </Button>
        ) : (
          <ConfirmButton
            label={t('accounts.disable')}
            variant="danger"
            title={t('accounts.disableTitle', { name })}
            body={<p>{t('accounts.disableBody')}</p>}
            confirmLabel={t('accounts.disable')}
            onConfirm={() => toggle.mutateAsync(true).then(() => undefined)}
          />
        )}
      </div>
      {reconnecting && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reconnect.mutate(token);
          }}
        >
          <label htmlFor={`tok-${account.id}`}>{t('accounts.newToken')}</label>
          <input id={`tok-${account.id}`} type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} />
          <Button type="submit" variant="primary" busy={reconnect.isPending}>
            {t('common.save')}
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </>
  );
}
