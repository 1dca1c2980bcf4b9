import { useTranslation } from 'react-i18next';
import { formatChangePct, formatInt, formatMonth, formatSigned } from '../analytics/format';
import { today } from '../analytics/period';
import { HomeCard } from './HomeCard';
import { HomeGrowth } from './home-types';

/** Followers of the caller's top unit (its whole subtree) this month: total, new, growth %. */
export function FollowerGrowthCard({ growth }: { growth: HomeGrowth }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <HomeCard id="home-growth" title={t('home.growth.title', { month: formatMonth(today(), lng) })} link={{ to: '/analytics', text: t('home.growth.more') }}>
      {growth.followers === null ? (
        <p>{t('home.growth.noData')}</p>
      ) : (
        <dl className="stats">
          <div>
            <dt>{t('home.growth.followers')}</dt>
            <dd data-testid="home-followers">{formatInt(growth.followers, lng)}</dd>
          </div>
          <div>
            <dt>{t('home.growth.netNew')}</dt>
            <dd data-testid="home-net-new">{formatSigned(growth.netNew, lng)}</dd>
          </div>
          <div>
            <dt>{t('home.growth.growth')}</dt>
            <dd>{formatChangePct(growth.growthPct, lng)}</dd>
          </div>
        </dl>
      )}
    </HomeCard>
  );
}
