import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../../../../libs/i18n/src/formats';
import { formatInt } from '../analytics/format';
import { HomeCard, PageLink } from './HomeCard';
import { HomeAccount } from './home-types';

/** The first accounts shown; the rest on request (Beranda stays one screen). */
const FIRST = 8;

/** The caller's accounts with their status and followers; those needing reconnection link to the accounts page. */
export function MyAccountsCard({ accounts }: { accounts: HomeAccount[] }) {
  const { t, i18n } = useTranslation();
  const units = new Set(accounts.map((a) => a.unitName));
  const [all, setAll] = useState(false);
  const shown = all ? accounts : accounts.slice(0, FIRST);
  const attention = accounts.filter((a) => a.status !== 'active').length;
  return (
    <HomeCard id="home-accounts" title={t('home.accounts.title')} link={{ to: '/accounts', text: t('home.accounts.manage') }}>
      {accounts.length === 0 && <p>{t('home.accounts.none')}</p>}
      {accounts.length > 0 && (
        <p className="home-count" data-testid="home-accounts-summary">
          {t('home.accounts.summary', { count: accounts.length })}
          {attention > 0 && <> · {t('home.accounts.attention', { count: attention })}</>}
        </p>
      )}
      <ul className="home-list">
        {shown.map((a) => (
          <li key={a.id} data-status={a.status}>
            <span>
              <strong>{PLATFORM_NAMES[a.platform] ?? a.platform}</strong> · {a.handle ?? '–'}
              {units.size > 1 && <span className="muted"> ({a.unitName})</span>}
            </span>
            <span className={`status status-${a.status}`}>{t(`home.accounts.status.${a.status}`)}</span>
            {a.followers !== null && <span className="muted">{t('home.accounts.followers', { value: formatInt(a.followers, i18n.language) })}</span>}
            {a.status === 'needs_reconnect' && (
              <PageLink to="/accounts" label={t('home.accounts.reconnectLabel', { handle: a.handle ?? '' })}>
                {t('home.accounts.reconnect')}
              </PageLink>
            )}
          </li>
        ))}
      </ul>
      {accounts.length > FIRST && (
        <button type="button" className="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('home.accounts.fewer') : t('home.accounts.all', { count: accounts.length })}
        </button>
      )}
    </HomeCard>
  );
}
