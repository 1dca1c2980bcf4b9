import { useTranslation } from 'react-i18next';
import { HomeCard, PageLink } from './HomeCard';
import { HomeProblems } from './home-types';

const KINDS = ['failed', 'missed', 'held'] as const;

/** Failed, missed or held posts and accounts to reconnect: never a failure unnoticed. */
export function ProblemsCard({ problems }: { problems: HomeProblems }) {
  const { t } = useTranslation();
  const posts = KINDS.filter((k) => problems[k] > 0);
  return (
    <HomeCard id="home-problems" title={t('home.problems.title')}>
      {posts.length === 0 && problems.needsReconnect === 0 && <p className="notice">{t('home.problems.none')}</p>}
      <ul className="home-list">
        {posts.map((k) => (
          <li key={k} data-testid={`home-problem-${k}`}>
            <PageLink to="/publishing/problems">{t(`home.problems.${k}`, { count: problems[k] })}</PageLink>
          </li>
        ))}
        {problems.needsReconnect > 0 && (
          <li data-testid="home-problem-reconnect">
            <PageLink to="/accounts">{t('home.problems.reconnect', { count: problems.needsReconnect })}</PageLink>
          </li>
        )}
      </ul>
    </HomeCard>
  );
}
