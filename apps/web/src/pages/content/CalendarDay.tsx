import { DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../router';
import { postDetailPath } from '../publishing/publishing-api';
import { PILLAR_COLORS } from './api';

export interface CalendarItem {
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

const MOVABLE = ['approved', 'scheduled'];
/** A month cell shows this many posts, then "+N lainnya". */
const SHOWN = 3;

/** One day of the calendar: its posts (status colour, pillar stripe), at most three until "+N more" is pressed. */
export function CalendarDay({
  date,
  label,
  short,
  other,
  items,
  limit,
  onDrop,
}: {
  date: string;
  label: string;
  short: string;
  other: boolean;
  items: CalendarItem[];
  limit: boolean;
  onDrop: (e: DragEvent) => void;
}) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = limit && !all ? items.slice(0, SHOWN) : items;
  return (
    <div
      role="group"
      aria-label={label}
      data-date={date}
      className={other ? 'cal-day other' : 'cal-day'}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      onDrop={onDrop}
    >
      <div className="cal-date" aria-hidden="true">
        {short}
      </div>
      {shown.map((x) => (
        <a
          key={x.id}
          href={postDetailPath(x.id)}
          className={`cal-item cal-status-${x.status}`}
          draggable={MOVABLE.includes(x.status)}
          style={{ borderLeftColor: PILLAR_COLORS[x.pillar] ?? '#607d8b' }}
          title={t('content.calendar.dragHint')}
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', x.id);
          }}
          onClick={(e) => {
            e.preventDefault();
            navigate(postDetailPath(x.id));
          }}
        >
          <span className="cal-time">{x.local.slice(11).replace(':', i18n.language === 'en' ? ':' : '.')}</span> <span className="cal-dot" aria-hidden="true" />
          {x.excerpt.slice(0, 40)}
          <span className="visually-hidden">
            {' '}
            · {t(`content.status.${x.status}`)} · {x.unitName}
          </span>
        </a>
      ))}
      {limit && items.length > SHOWN && (
        <button type="button" className="link cal-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('ui.showLess') : t('content.calendar.more', { n: items.length - SHOWN })}
        </button>
      )}
    </div>
  );
}
