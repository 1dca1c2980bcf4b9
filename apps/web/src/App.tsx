import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { queryClient } from './api/query';
import { LoginPage } from './auth/LoginPage';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { SessionProvider, useSession } from './auth/session';
import { PAGES, PageDef } from './pages/registry';
import { bindNavigate } from './router';
import { Shell } from './shell/Shell';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <BrowserRouter>
          <BindNavigate />
          <Routes>
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route element={<Gate />}>
              {PAGES.map((p) => (
                <Route key={p.path} path={p.path} element={<Guarded page={p} />} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  );
}

/** Lets router.ts's navigate() reach React Router from outside components. */
function BindNavigate() {
  const go = useNavigate();
  useEffect(() => {
    bindNavigate((to) => void go(to));
    return () => bindNavigate(null);
  }, [go]);
  return null;
}

/** Everything but the reset link sits behind the login, inside the shell. */
function Gate() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const { pathname } = useLocation();
  if (loading) return <p aria-live="polite">{t('common.loading')}</p>;
  if (!me) return <LoginPage />;
  return (
    <Shell path={pathname}>
      <Outlet />
    </Shell>
  );
}

/** A page, or "not found" for a user the page is not for. Re-rendered on every change of the address. */
function Guarded({ page }: { page: PageDef }) {
  const { me } = useSession();
  useLocation();
  if (page.visible && (!me || !page.visible(me))) return <NotFound />;
  const Page = page.component;
  return <Page />;
}

function NotFound() {
  const { t } = useTranslation();
  return <p role="alert">{t('shell.notFound')}</p>;
}
