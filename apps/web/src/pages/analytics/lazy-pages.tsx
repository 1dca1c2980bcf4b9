import { ComponentType, Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { apiKey, queryClient } from '../../api/query';

/** The analytics pages: loaded on first visit, not with the console (the chart library even later: charts.tsx). */
function deferred(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function DeferredPage() {
    const { t } = useTranslation();
    return (
      <Suspense fallback={<p aria-live="polite">{t('common.loading')}</p>}>
        <Page />
      </Suspense>
    );
  };
}

const loadAnalytics = () => import('./AnalyticsPage');
// opened straight at an analytics address: fetch the page's code while the session is being checked, not after
// and the unit tree the page starts from (the session is checked at the same time; a 401 here changes nothing)
if (location.pathname.startsWith('/analytics')) {
  void loadAnalytics();
  const key = apiKey('/v1/units');
  void queryClient
    .prefetchQuery({ queryKey: key, queryFn: () => api('/v1/units') })
    .then(() => queryClient.getQueryState(key)?.status === 'error' && queryClient.removeQueries({ queryKey: key }));
}

export const AnalyticsPage = deferred(() => loadAnalytics().then((m) => m.AnalyticsPage));
export const MonthlyReportPage = deferred(() => import('./MonthlyReportPage').then((m) => m.MonthlyReportPage));
