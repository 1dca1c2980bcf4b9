import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { NOTIFICATIONS_CHANGED } from '../pages/NotificationsPage';
import { navigate } from '../router';

const POLL_MS = 20_000;

/** The topbar bell: unread notifications, refreshed every 20 s and whenever they are read. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const load = () =>
      api<{ count: number }>('/v1/notifications/unread-count').then(
        (r) => setCount(r.count),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => document.visibilityState !== 'hidden' && void load(), POLL_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, []);
  const label = count ? t('publishing.bell.unread', { count }) : t('publishing.bell.none');
  return (
    <a
      className="bell"
      href="/notifications"
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.preventDefault();
        navigate('/notifications');
      }}
    >
      <span aria-hidden="true">✉</span>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </a>
  );
}
