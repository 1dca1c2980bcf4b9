import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSubmit } from '../components/use-submit';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { Me, useSession } from './session';

/** Shown whenever nobody is logged in. Errors come from the server, already in the chosen language. */
export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn, notice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    const res = await api<{ user: Me }>('/v1/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
    signedIn(res.user);
  });

  return (
    <div className="login">
      <header className="topbar">
        <span className="brand">Kabar</span>
        <span className="tagline">{t('shell.tagline')}</span>
        <div className="topbar-actions">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="login-main">
        <form className="card login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title" noValidate>
          <h1 id="login-title">{t('auth.title')}</h1>
          {notice && !error && <p role="status">{t(`auth.notice.${notice}`)}</p>}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <label htmlFor="login-email">{t('auth.email')}</label>
          <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor="login-password">{t('auth.password')}</label>
          <input
            id="login-password"
            type={show ? 'text' : 'password'}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div className="checkbox">
            <input id="login-show" type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
            <label htmlFor="login-show">{t('auth.showPassword')}</label>
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {t('auth.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
