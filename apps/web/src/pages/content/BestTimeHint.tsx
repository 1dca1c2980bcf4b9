import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

interface BestTime {
  source: 'unit' | 'city';
  posts: number;
  timeZone: string;
  slots: Array<{ weekday: number; hour: number; posts: number; rate: number; next: string }>;
}

/**
 * Beside the time field: the hours the unit's own published posts did best (GET /v1/posts/best-time, from the
 * analytics history; the city's while the unit has few posts), each a button that puts its next occurrence in
 * the date and time fields.
 */
export function BestTimeHint({ unitId, onPick }: { unitId: string; onPick(date: string, time: string): void }) {
  const { t, i18n } = useTranslation();
  const [best, setBest] = useState<BestTime | null>(null);
  useEffect(() => {
    setBest(null);
    if (unitId) api<BestTime>(`/v1/posts/best-time?unitId=${encodeURIComponent(unitId)}`).then(setBest, () => setBest(null));
  }, [unitId]);
  if (!best || !best.slots.length) return null;
  const day = (s: BestTime['slots'][number]) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${s.next.slice(0, 10)}T12:00:00Z`),
    );
  return (
    <div className="best-time" data-testid="best-time">
      <span>{t(best.source === 'unit' ? 'content.composer.bestTime.unit' : 'content.composer.bestTime.city', { count: best.posts })}</span>
      {best.slots.map((s) => (
        <button
          key={`${s.weekday}-${s.hour}`}
          type="button"
          className="secondary"
          onClick={() => onPick(s.next.slice(0, 10), s.next.slice(11, 16))}
          aria-label={t('content.composer.bestTime.use', { day: day(s), time: s.next.slice(11, 16).replace(':', i18n.language === 'en' ? ':' : '.') })}
        >
          {day(s)} {s.next.slice(11, 16).replace(':', i18n.language === 'en' ? ':' : '.')}
        </button>
      ))}
    </div>
  );
}
