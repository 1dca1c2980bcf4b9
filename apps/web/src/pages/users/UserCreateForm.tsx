import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { UnitOption, UserRow } from './types';
import { UnitRolePicker } from './UnitRolePicker';

interface Created {
  user: UserRow;
  passwordSetup?: { resetUrl: string; expiresAt: string };
}

/** New user with a first role; without a password the server returns a one-time link, shown here once. */
export function UserCreateForm({ units, onCreated }: { units: UnitOption[]; onCreated(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ email: '', name: '', locale: 'id', password: '', unitId: '', role: 'viewer' });
  const [error, setError] = useState<string | null>(null);
  const [setupUrl, setSetupUrl] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSetupUrl(null);
    const body = {
      email: form.email,
      name: form.name,
      locale: form.locale,
      ...(form.password ? { password: form.password } : {}),
      memberships: [{ unitId: form.unitId, role: form.role }],
    };
    try {
      const res = await api<Created>('/v1/users', { method: 'POST', body: JSON.stringify(body) });
      setSetupUrl(res.passwordSetup?.resetUrl ?? null);
      setForm({ email: '', name: '', locale: 'id', password: '', unitId: '', role: 'viewer' });
      onCreated();
    } catch (err) {
      const details = err instanceof ApiError && err.details.length ? ` ${err.details.map((d) => `${d.field}: ${d.message}`).join(' ')}` : '';
      setError((err as Error).message + details);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="user-create-title">
      <h2 id="user-create-title">{t('usersPage.create')}</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {setupUrl && (
        <div role="status">
          <p>{t('usersPage.setupLink')}</p>
          <p className="secret">{setupUrl}</p>
        </div>
      )}
      <div className="form-row">
        <div>
          <label htmlFor="new-email">{t('usersPage.email')}</label>
          <input id="new-email" type="email" required maxLength={254} value={form.email} onChange={(e) => set({ email: e.target.value })} />
        </div>
        <div>
          <label htmlFor="new-name">{t('usersPage.name')}</label>
          <input id="new-name" required maxLength={120} value={form.name} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div>
          <label htmlFor="new-locale">{t('usersPage.language')}</label>
          <select id="new-locale" value={form.locale} onChange={(e) => set({ locale: e.target.value })}>
            <option value="id">{t('shell.languages.id')}</option>
            <option value="en">{t('shell.languages.en')}</option>
          </select>
        </div>
      </div>
      <div className="form-row">
        <UnitRolePicker idPrefix="new" units={units} unitId={form.unitId} role={form.role} onChange={(unitId, role) => set({ unitId, role })} />
        <div>
          <label htmlFor="new-password">{t('usersPage.passwordOptional')}</label>
          <input id="new-password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => set({ password: e.target.value })} />
        </div>
      </div>
      <p className="hint">{t('usersPage.passwordHint')}</p>
      <button type="submit" className="primary">
        {t('usersPage.createSubmit')}
      </button>
    </form>
  );
}
