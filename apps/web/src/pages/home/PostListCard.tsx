import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../libs/i18n/src/formats';
import { postDetailPath } from '../publishing/publishing-api';
import { HomeCard, PageLink } from './HomeCard';
import type { HomePostList } from '../../../../../libs/analytics/src/home/home-summary';

/**
 * Posts that wait for the caller, of one kind ("approved, not scheduled", "changes requested"): how many, the
 * newest five, each opening its post page, and the posts list filtered to the rest.
 */
export function PostListCard({ kind, list, status }: { kind: 'approved' | 'changes'; list: HomePostList; status: string }) {
  const { t, i18n } = useTranslation();
  return (
    <HomeCard
      id={`home-${kind}`}
      title={t(`home.${kind}.title`)}
      link={list.count > list.items.length ? { to: `/posts?status=${status}`, text: t('home.seeAll', { count: list.count }) } : undefined}
    >
      <p className="home-count" data-testid={`home-${kind}-count`}>
        {t(`home.${kind}.count`, { count: list.count })}
      </p>
      <ul className="home-list">
        {list.items.map((p) => (
          <li key={p.postId}>
            <PageLink to={postDetailPath(p.postId)}>{p.excerpt || t('home.untitled')}</PageLink>
            <span className="muted">
              {p.unitName} · {formatDateTime(p.updatedAt, 'Asia/Jakarta', i18n.language)}
            </span>
          </li>
        ))}
      </ul>
    </HomeCard>
  );
}
