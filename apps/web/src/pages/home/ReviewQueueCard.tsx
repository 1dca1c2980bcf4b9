import { useTranslation } from 'react-i18next';
import { HomeCard } from './HomeCard';

/** For reviewers: how many posts wait for them, and the way to the queue. */
export function ReviewQueueCard({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <HomeCard id="home-review" title={t('home.review.title')} link={{ to: '/review', text: t('home.review.open') }}>
      <p className="home-count" data-testid="home-review-count">
        {count === 0 ? t('home.review.none') : t('home.review.count', { count })}
      </p>
    </HomeCard>
  );
}
