import { useTranslation } from 'react-i18next';
import { Column, Table } from '../../ui/Table';
import { formatNumber } from '../../ui/format';
import { AccountActions } from './AccountActions';
import { Account, NO_COMMENT_PLATFORMS } from './types';

/** The unit's accounts: a table on wide screens, cards on a phone. */
export function AccountsTable({ accounts, listPath, onDone }: { accounts: Account[]; listPath: string; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const columns: Column<Account>[] = [
    { key: 'handle', header: t('accounts.handle'), rowHeader: true, cell: (a) => <Handle account={a} /> },
    { key: 'platform', header: t('accounts.platform'), cell: (a) => t(`platforms.${a.platform}`) },
    {
      key: 'status',
      header: t('accounts.statusTitle'),
      cell: (a) => (
        <span>
          <span className={`status status-${a.status}`}>{t(`accounts.status.${a.status}`)}</span>
          {a.status === 'needs_reconnect' && a.statusReason && <span className="muted"> · {a.statusReason}</span>}
        </span>
      ),
    },
    { key: 'followers', header: t('accounts.followers'), numeric: true, cell: (a) => formatNumber(a.followers, i18n.language) },
    { key: 'actions', header: t('accounts.actions'), cell: (a) => <AccountActions account={a} listPath={listPath} onDone={onDone} /> },
  ];
  return <Table columns={columns} rows={accounts} rowKey={(a) => a.id} caption={t('accounts.listTitle')} />;
}

function Handle({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <span>
      {account.handle ?? account.externalId}
      {account.sandbox && <span className="badge"> {t('accounts.sandbox')}</span>}
      {NO_COMMENT_PLATFORMS.includes(account.platform) && <span className="muted block">{t('accounts.noComments')}</span>}
    </span>
  );
}
