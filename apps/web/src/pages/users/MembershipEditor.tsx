import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { UnitOption, UserRow } from './types';
import { UnitRolePicker } from './UnitRolePicker';

/** One user's roles: remove any, add one. */
export function MembershipEditor({ user, units, onChanged }: { user: UserRow; units: UnitOption[]; onChanged(): void }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState('viewer');
  const [error, setError] = useState<string | null>(null);

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api(`/v1/users/${user.id}/memberships`, { method: 'POST', body: JSON.stringify({ unitId, role }) }));
  };

  return (
    <div>
      <ul>
        {user.memberships.map((m) => (
          <li key={m.id}>
            {t(`usersPage.roles.${m.role}`)} — {m.unitName}{' '}
            <button
              type="button"
              className="link"
              aria-label={t('usersPage.removeRole', { role: t(`usersPage.roles.${m.role}`), unit: m.unitName, name: user.name })}
              onClick={() => void run(() => api(`/v1/users/${user.id}/memberships/${m.id}`, { method: 'DELETE' }))}
            >
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form className="form-row" onSubmit={add} aria-label={t('usersPage.addRoleFor', { name: user.name })}>
        <UnitRolePicker
          idPrefix={`m-${user.id}`}
          units={units}
          unitId={unitId}
          role={role}
          onChange={(u, r) => {
            setUnitId(u);
            setRole(r);
          }}
        />
        <div>
          <button type="submit" className="secondary">
            {t('usersPage.addRole')}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
