import { useTranslation } from 'react-i18next';
import { Query, TopPostRow, useReport } from './analytics-api';
import { ReportSection } from './ReportSection';
import { TopPostsList } from './TopPostsList';

export function TopPostsSection({ query }: { query: Query }) {
  const { t } = useTranslation();
  const q = { ...query, limit: 10 };
  const loaded = useReport<TopPostRow>('top-posts', q);
  return (
    <ReportSection
      id="top-posts-title"
      title={t('analytics.topPosts.title')}
      report="top-posts"
      query={q}
      loaded={loaded}
      empty={t('analytics.topPosts.empty')}
    >
      {(rows) => <TopPostsList rows={rows} />}
    </ReportSection>
  );
}
