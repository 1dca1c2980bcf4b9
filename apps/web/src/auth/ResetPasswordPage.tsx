import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { navigate } from '../router';

/** The page behind an admin-issued reset link: /reset-password?token=… */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const token = new URLSearchParams(location.search).get('token') ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('/v1/auth/reset-password', { method: 'POST', body: JSON.stringify({ token, newPassword: password }) });
      setDone(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <main id="main" className="login-main">
      <form className="card login-card" onSubmit={(e) => void submit(e)} aria-labelledby="reset-title">
        <h1 id="reset-title">{t('auth.reset.title')}</h1>
        {done ? (
          <>
            <p role="status">{t('auth.reset.done')}</p>
            <button type="button" className="primary" onClick={() => navigate('/')}>
              {t('auth.submit')}
            </button>
          </>
        ) : (
          <>
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <label htmlFor="reset-password">{t('auth.reset.newPassword')}</label>
            <input
              id="reset-password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <p className="hint">{t('auth.reset.hint')}</p>
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
