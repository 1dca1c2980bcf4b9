import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { MembershipEditor } from './users/MembershipEditor';
import { UnitOption, UserRow } from './users/types';
import { UserCreateForm } from './users/UserCreateForm';

/** City admins and unit admins: the users of their units, new users, roles. */
export function UsersPage() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [units, setUnits] = useState<UnitOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(() => {
    api<UserRow[]>('/v1/users').then(setUsers, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    load();
    api<UnitOption[]>('/v1/units').then(setUnits, (e: Error) => setError(e.message));
  }, [load]);

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('usersPage.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <UserCreateForm units={units} onCreated={load} />
      {!users && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {users && (
        <table>
          <caption className="visually-hidden">{t('usersPage.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('usersPage.name')}</th>
              <th scope="col">{t('usersPage.email')}</th>
              <th scope="col">{t('usersPage.roles.title')}</th>
              <th scope="col">{t('usersPage.status')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  {open === u.id ? (
                    <MembershipEditor user={u} units={units} onChanged={load} />
                  ) : (
                    <>
                      {u.memberships.map((m) => `${t(`usersPage.roles.${m.role}`)} — ${m.unitName}`).join('; ')}{' '}
                      <button type="button" className="link" aria-label={t('usersPage.editRolesFor', { name: u.name })} onClick={() => setOpen(u.id)}>
                        {t('common.edit')}
                      </button>
                    </>
                  )}
                </td>
                <td>{u.disabled ? t('usersPage.inactive') : t('usersPage.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
