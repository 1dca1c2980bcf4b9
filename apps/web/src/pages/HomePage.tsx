import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { useApi } from './analytics/analytics-api';
import { FollowerGrowthCard } from './home/FollowerGrowthCard';
import { HomeSummary } from './home/home-types';
import { MyAccountsCard } from './home/MyAccountsCard';
import { NextScheduledCard } from './home/NextScheduledCard';
import { PostListCard } from './home/PostListCard';
import { ProblemsCard } from './home/ProblemsCard';
import { ReviewQueueCard } from './home/ReviewQueueCard';
import './analytics/analytics.css';
import './home/home.css';

/** What needs the caller today: reviews waiting, failures, what goes out next, their accounts and their growth. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const home = useApi<HomeSummary>('/v1/home', {});
  const h = home.data;
  const reviewer = me.memberships.some((m) => m.role === 'reviewer');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="lead">{t('home.lead', { name: me.name })}</p>
      {home.loading && !h && <p aria-live="polite">{t('common.loading')}</p>}
      {home.error && (
        <p role="alert" className="error">
          {home.error}
        </p>
      )}
      {h && (
        <div className="home-grid">
          {(reviewer || h.awaitingReview > 0) && <ReviewQueueCard count={h.awaitingReview} />}
          {h.changesRequested?.count > 0 && <PostListCard kind="changes" list={h.changesRequested} status="changes_requested" />}
          {h.approvedNotScheduled?.count > 0 && <PostListCard kind="approved" list={h.approvedNotScheduled} status="approved" />}
          <ProblemsCard problems={h.problems} />
          <NextScheduledCard items={h.nextScheduled} />
          <FollowerGrowthCard growth={h.growthThisMonth} />
          <MyAccountsCard accounts={h.accounts} />
        </div>
      )}
    </section>
  );
}
