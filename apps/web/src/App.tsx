import { useTranslation } from 'react-i18next';
import { PAGES } from './pages/registry';
import { usePath } from './router';
import { Shell } from './shell/Shell';

export function App() {
  const path = usePath();
  const { t } = useTranslation();
  const page = PAGES.find((p) => p.path === path);
  const Page = page?.component;
  return <Shell path={path}>{Page ? <Page /> : <p role="alert">{t('shell.notFound')}</p>}</Shell>;
}
