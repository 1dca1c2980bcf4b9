import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGES } from '../pages/registry';
import { navigate } from '../router';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationsBell } from './NotificationsBell';
import { useSession } from '../auth/session';

/** The frame every page lives in: a skip link, the header, the navigation (a drawer on phones), the main area. */
export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { me, logout } = useSession();
  const pages = PAGES.filter((p) => p.nav !== false && (!p.visible || (me && p.visible(me))));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={open} aria-controls="nav" onClick={() => setOpen(!open)}>
          <span aria-hidden="true">☰</span>
          <span className="visually-hidden">{t('shell.menu')}</span>
        </button>
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          Kabar
        </a>
        <span className="tagline">{t('shell.tagline')}</span>
        <div className="topbar-actions">
          <LanguageSwitch />
          {me && (
            <>
              <NotificationsBell />
              <span className="user-name">{me.name}</span>
              <button type="button" onClick={() => void logout()}>
                {t('auth.logout')}
              </button>
            </>
          )}
        </div>
      </header>
      <nav id="nav" className={open ? 'nav open' : 'nav'} aria-label={t('shell.navLabel')}>
        <ul>
          {pages.map((p) => (
            <li key={p.path}>
              <a
                href={p.path}
                aria-current={path === p.path ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setOpen(false);
                  navigate(p.path);
                }}
              >
                <span aria-hidden="true" className="nav-icon">
                  {p.icon}
                </span>
                {t(p.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
