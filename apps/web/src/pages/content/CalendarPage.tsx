import { keepPreviousData } from '@tanstack/react-query';
import { DragEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { invalidateApi, useApi } from '../../api/query';
import { intlLocale } from '../../ui/format';
import { CalendarDay, CalendarItem } from './CalendarDay';
import { Pillar, formatWhen, json, loadPillars, pillarName } from './api';
import './content.css';

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
const mondayOf = (d: Date) => addDays(d, -((d.getDay() + 6) % 7));

/** Month and week views coloured by pillar; approved and scheduled posts can be dragged to another day. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const start = new URLSearchParams(location.search).get('date');
  const [anchor, setAnchor] = useState(start ? new Date(`${start}T00:00`) : new Date());
  const [view, setView] = useState<'month' | 'week'>('month');
  const [pillar, setPillar] = useState('');
  const [status, setStatus] = useState('');
  const [pillars, setPillars] = useState<Pillar[]>([]);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const first = view === 'month' ? mondayOf(new Date(anchor.getFullYear(), anchor.getMonth(), 1)) : mondayOf(anchor);
  const days = Array.from({ length: view === 'month' ? 42 : 7 }, (_, i) => addDays(first, i));

  const q = new URLSearchParams({ from: iso(days[0]), to: iso(addDays(days[days.length - 1], 1)) });
  if (pillar) q.set('pillar', pillar);
  if (status) q.set('status', status);
  const calendar = useApi<{ timeZone: string; items: CalendarItem[] }>(`/v1/calendar?${q}`, { placeholderData: keepPreviousData });
  const items = calendar.data?.items ?? [];
  const zone = calendar.data?.timeZone ?? 'Asia/Jakarta';
  const locale = intlLocale(i18n.language);
  useEffect(() => void loadPillars().then(setPillars), []);

  const drop = async (e: DragEvent, day: Date) => {
    e.preventDefault();
    const item = items.find((x) => x.id === e.dataTransfer.getData('text/plain'));
    if (!item || item.local.startsWith(iso(day))) return;
    try {
      const res = await api<{ scheduledAt: string; timeZone: string }>(
        `/v1/posts/${item.id}/schedule`,
        json({ scheduledAt: `${iso(day)}T${item.local.slice(11)}`, version: item.version }),
      );
      setMessage({ text: t('content.calendar.rescheduled', { date: formatWhen(res.scheduledAt!, res.timeZone, i18n.language) }) });
    } catch (err) {
      const e2 = err as ApiError;
      setMessage({ text: e2.details?.[0]?.message ?? e2.message, error: true });
    }
    await invalidateApi('/v1/calendar', '/v1/posts', '/v1/home');
  };
  const shift = (n: number) => setAnchor(view === 'month' ? new Date(anchor.getFullYear(), anchor.getMonth() + n, 1) : addDays(anchor, 7 * n));
  const title = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(anchor);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  return (
    <section aria-labelledby="calendar-title">
      <h1 id="calendar-title">{t('content.calendar.title')}</h1>
      <div className="toolbar">
        <button type="button" className="secondary" onClick={() => shift(-1)}>
          {t('content.calendar.previous')}
        </button>
        <button type="button" className="secondary" onClick={() => setAnchor(new Date())}>
          {t('content.calendar.today')}
        </button>
        <button type="button" className="secondary" onClick={() => shift(1)}>
          {t('content.calendar.next')}
        </button>
        <h2 className="month-title">{title}</h2>
        <div role="group" aria-label={t('content.calendar.view')}>
          {(['month', 'week'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} className={view === v ? 'primary' : 'secondary'} onClick={() => setView(v)}>
              {t(`content.calendar.${v}`)}
            </button>
          ))}
        </div>
        <label className="inline-label" htmlFor="cal-pillar">
          {t('content.composer.pillar')}
        </label>
        <select id="cal-pillar" value={pillar} onChange={(e) => setPillar(e.target.value)} className="narrow">
          <option value="">{t('content.common.all')}</option>
          {pillars.map((p) => (
            <option key={p.key} value={p.key}>
              {pillarName(p, p.key, i18n.language)}
            </option>
          ))}
        </select>
        <label className="inline-label" htmlFor="cal-status">
          {t('content.common.status')}
        </label>
        <select id="cal-status" value={status} onChange={(e) => setStatus(e.target.value)} className="narrow">
          <option value="">{t('content.common.all')}</option>
          {['draft', 'in_review', 'approved', 'scheduled', 'published', 'failed'].map((s) => (
            <option key={s} value={s}>
              {t(`content.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">{t('content.calendar.hint', { zone })}</p>
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status">
          {message.text}
        </p>
      )}
      {!items.length && <p className="muted">{t('content.calendar.empty')}</p>}
      <div className={`cal-grid ${view}`} aria-label={title} role="group">
        {days.map((day) => (
          <CalendarDay
            key={iso(day)}
            date={iso(day)}
            label={day.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' })}
            short={`${weekday.format(day)} ${day.getDate()}`}
            other={day.getMonth() !== anchor.getMonth() && view !== 'week'}
            items={items.filter((x) => x.local.startsWith(iso(day)))}
            limit={view === 'month'}
            onDrop={(e) => void drop(e, day)}
          />
        ))}
      </div>
    </section>
  );
}
