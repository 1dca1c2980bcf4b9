import { DragEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { navigate } from '../../router';
import { postDetailPath } from '../publishing/publishing-api';
import { PILLAR_COLORS, Pillar, formatWhen, json, loadPillars, pillarName } from './api';
import './content.css';

interface Item {
  id: string;
  unitName: string;
  pillar: string;
  status: string;
  scheduledAt: string;
  local: string;
  postTimeZone: string;
  version: number;
  excerpt: string;
  platforms: string[];
}

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
const mondayOf = (d: Date) => addDays(d, -((d.getDay() + 6) % 7));
const MOVABLE = ['approved', 'scheduled'];

/** Month and week views coloured by pillar; approved and scheduled posts can be dragged to another day. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const start = new URLSearchParams(location.search).get('date');
  const [anchor, setAnchor] = useState(start ? new Date(`${start}T00:00`) : new Date());
  const [view, setView] = useState<'month' | 'week'>('month');
  const [pillar, setPillar] = useState('');
  const [status, setStatus] = useState('');
  const [pillars, setPillars] = useState<Pillar[]>([]);
  const [items, setItems] = useState<Item[]>([]);
  const [zone, setZone] = useState('Asia/Jakarta');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const first = view === 'month' ? mondayOf(new Date(anchor.getFullYear(), anchor.getMonth(), 1)) : mondayOf(anchor);
  const days = Array.from({ length: view === 'month' ? 42 : 7 }, (_, i) => addDays(first, i));

  const reload = useCallback(() => {
    const q = new URLSearchParams({ from: iso(days[0]), to: iso(addDays(days[days.length - 1], 1)) });
    if (pillar) q.set('pillar', pillar);
    if (status) q.set('status', status);
    api<{ timeZone: string; items: Item[] }>(`/v1/calendar?${q}`).then((r) => {
      setItems(r.items);
      setZone(r.timeZone);
    });
  }, [iso(days[0]), view, pillar, status]);
  useEffect(reload, [reload]);
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
    reload();
  };
  const shift = (n: number) => setAnchor(view === 'month' ? new Date(anchor.getFullYear(), anchor.getMonth() + n, 1) : addDays(anchor, 7 * n));
  const title = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric' }).format(anchor);
  const weekday = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { weekday: 'short' });
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
      <div className={`cal-grid ${view}`} role="grid" aria-label={title}>
        {days.map((day) => {
          const mine = items.filter((x) => x.local.startsWith(iso(day)));
          return (
            <div
              key={iso(day)}
              role="gridcell"
              data-date={iso(day)}
              aria-label={day.toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', day: 'numeric', month: 'long' })}
              className={day.getMonth() === anchor.getMonth() || view === 'week' ? 'cal-day' : 'cal-day other'}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
              }}
              onDrop={(e) => void drop(e, day)}
            >
              <div className="cal-date">
                {weekday.format(day)} {day.getDate()}
              </div>
              {mine.map((x) => (
                <div
                  key={x.id}
                  role="button"
                  tabIndex={0}
                  className="cal-item"
                  draggable={MOVABLE.includes(x.status)}
                  style={{ borderLeftColor: PILLAR_COLORS[x.pillar] ?? '#607d8b' }}
                  title={t('content.calendar.dragHint')}
                  onDragStart={(e) => {
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', x.id);
                  }}
                  onClick={() => navigate(postDetailPath(x.id))}
                  onKeyDown={(e) => e.key === 'Enter' && navigate(postDetailPath(x.id))}
                >
                  <span className="cal-time">{x.local.slice(11).replace(':', i18n.language === 'en' ? ':' : '.')}</span> {x.excerpt.slice(0, 40)}
                  <span className="visually-hidden">
                    {' '}
                    · {t(`content.status.${x.status}`)} · {x.unitName}
                  </span>
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </section>
  );
}
