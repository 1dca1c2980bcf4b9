import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateApi, useApi } from '../api/query';
import { Notice } from '../ui/Notice';
import { Pager, usePaged } from '../ui/Pager';
import { Column, Table } from '../ui/Table';
import { MembershipEditor } from './users/MembershipEditor';
import { UnitOption, UserRow } from './users/types';
import { UserCreateForm } from './users/UserCreateForm';

const PAGE = 25;

/** City admins and unit admins: the users of their units, new users, roles. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useApi<UserRow[]>('/v1/users');
  const units = useApi<UnitOption[]>('/v1/units');
  const [open, setOpen] = useState<string | null>(null);
  const paged = usePaged(users.data ?? [], PAGE);
  const reload = () => void invalidateApi('/v1/users');
  const columns: Column<UserRow>[] = [
    { key: 'name', header: t('usersPage.name'), rowHeader: true, cell: (u) => u.name },
    { key: 'email', header: t('usersPage.email'), cell: (u) => u.email },
    {
      key: 'roles',
      header: t('usersPage.roles.title'),
      cell: (u) =>
        open === u.id ? (
          <MembershipEditor user={u} units={units.data ?? []} onChanged={reload} />
        ) : (
          <span>
            {u.memberships.map((m) => `${t(`usersPage.roles.${m.role}`)} — ${m.unitName}`).join('; ')}{' '}
            <button type="button" className="link" aria-label={t('usersPage.editRolesFor', { name: u.name })} onClick={() => setOpen(u.id)}>
              {t('common.edit')}
            </button>
          </span>
        ),
    },
    { key: 'status', header: t('usersPage.status'), cell: (u) => (u.disabled ? t('usersPage.inactive') : t('usersPage.active')) },
  ];
  const error = users.error ?? units.error;
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('usersPage.title')}</h1>
      {error && <Notice kind="error">{error.message}</Notice>}
      <UserCreateForm units={units.data ?? []} onCreated={reload} />
      {users.isPending && <p aria-live="polite">{t('common.loading')}</p>}
      {users.data && (
        <>
          <Table columns={columns} rows={paged.rows} rowKey={(u) => u.id} caption={t('usersPage.title')} />
          <Pager page={paged.page} pages={paged.pages} setPage={paged.setPage} />
        </>
      )}
    </section>
  );
}
