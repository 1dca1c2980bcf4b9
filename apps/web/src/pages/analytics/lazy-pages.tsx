import { ComponentType, Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

/** The analytics pages carry the chart library: loaded on first visit, not with the console. */
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

export const AnalyticsPage = deferred(() => import('./AnalyticsPage').then((m) => m.AnalyticsPage));
export const MonthlyReportPage = deferred(() => import('./MonthlyReportPage').then((m) => m.MonthlyReportPage));
