import { useTranslation } from 'react-i18next';
import { LoginPage } from './auth/LoginPage';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { SessionProvider, useSession } from './auth/session';
import { PAGES } from './pages/registry';
import { usePath } from './router';
import { Shell } from './shell/Shell';

export function App() {
  return (
    <SessionProvider>
      <Routed />
    </SessionProvider>
  );
}

/** Everything but the reset link sits behind the login. */
function Routed() {
  const path = usePath();
  const { t } = useTranslation();
  const { me, loading } = useSession();
  if (path === '/reset-password') return <ResetPasswordPage />;
  if (loading) return <p aria-live="polite">{t('common.loading')}</p>;
  if (!me) return <LoginPage />;
  const page = PAGES.find((p) => p.path === path && (!p.visible || p.visible(me)));
  const Page = page?.component;
  return <Shell path={path}>{Page ? <Page /> : <p role="alert">{t('shell.notFound')}</p>}</Shell>;
}
