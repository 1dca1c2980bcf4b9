import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES, formatDateTime } from '../../../../../libs/i18n/src/formats';
import { postDetailPath } from '../publishing/publishing-api';
import { HomeCard, PageLink } from './HomeCard';
import { HomeScheduled } from './home-types';

/** What goes out next, each with its full time ("Selasa, 24 November 2026 pukul 09.00 WIB"). */
export function NextScheduledCard({ items }: { items: HomeScheduled[] }) {
  const { t, i18n } = useTranslation();
  return (
    <HomeCard id="home-scheduled" title={t('home.scheduled.title')} link={{ to: '/calendar', text: t('home.scheduled.calendar') }}>
      {items.length === 0 && <p>{t('home.scheduled.none')}</p>}
      <ul className="home-list">
        {items.map((s) => (
          <li key={s.postId}>
            <PageLink to={postDetailPath(s.postId)}>{s.excerpt || t('home.untitled')}</PageLink>
            <time dateTime={s.scheduledAt}>{formatDateTime(s.scheduledAt, 'Asia/Jakarta', i18n.language)}</time>
            <span className="muted">{s.platforms.map((p) => PLATFORM_NAMES[p] ?? p).join(', ')}</span>
          </li>
        ))}
      </ul>
    </HomeCard>
  );
}
