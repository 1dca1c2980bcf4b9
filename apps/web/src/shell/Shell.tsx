import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGES } from '../pages/registry';
import { navigate } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame every page lives in: a skip link, the header, the navigation (a drawer on phones), the main area. */
export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
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
        </div>
      </header>
      <nav id="nav" className={open ? 'nav open' : 'nav'} aria-label={t('shell.navLabel')}>
        <ul>
          {PAGES.map((p) => (
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
