import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PLATFORM_NAMES, formatTime } from '../publishing/publishing-api';
import { ACTION_PATHS, InboxMeta, Ticket, TicketDetail } from './aduan-api';
import { ReplySlot } from './ReplySlot';

/** One complaint: the comment, where it was written, where it is routed; details (context, reasons, history) on demand. */
export function TicketCard({ ticket, meta, onChanged }: { ticket: Ticket; meta: InboxMeta | null; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState<TicketDetail | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [routeTo, setRouteTo] = useState('');
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const categoryLabel = (key: string | null) => (key ? (meta?.categories.find((c) => c.key === key)?.label[lang] ?? key) : t('aduan.noCategory'));
  const can = (a: string) => !!meta?.canAct && ticket.allowedActions.includes(a);

  const toggle = async () => {
    setOpen(!open);
    if (!open && !detail) {
      try {
        setDetail(await api<TicketDetail>(`/v1/aduan/tickets/${ticket.id}`));
      } catch (e) {
        setError((e as Error).message);
      }
    }
  };

  const act = async (action: string, body: Record<string, unknown> = {}) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/v1/aduan/tickets/${ticket.id}/${ACTION_PATHS[action]}`, { method: 'POST', body: JSON.stringify({ version: ticket.version, ...body }) });
      setDetail(null);
      setOpen(false);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const dispose = (agencyUnitId?: string) =>
    act('dispose', { agencyUnitId, kelurahanUnitId: ticket.place && ticket.place.kind !== 'kecamatan' ? ticket.place.unitId : undefined });

  const headingId = `ticket-${ticket.id}`;
  return (
    <li className="card ticket" aria-labelledby={headingId}>
      <div className="ticket-head">
        <h2 id={headingId}>
          {ticket.number} · {categoryLabel(ticket.category)}
        </h2>
        <span className={`badge ticket-status status-${ticket.status}`}>{t(`aduan.status.${ticket.status}`)}</span>
        {ticket.overdue && <span className="badge ticket-overdue">{t('aduan.overdue')}</span>}
      </div>
      <blockquote className="ticket-text">{ticket.text}</blockquote>
      <p className="muted">
        {PLATFORM_NAMES[ticket.platform] ?? ticket.platform} · @{ticket.authorHandle} · {formatTime(ticket.writtenAt, i18n.language, ticket.timeZone)}
        {ticket.url && (
          <>
            {' · '}
            <a href={ticket.url} target="_blank" rel="noreferrer noopener">
              {t('aduan.openComment')}
            </a>
          </>
        )}
      </p>
      <dl className="ticket-facts">
        <dt>{t('aduan.agency')}</dt>
        <dd>{ticket.agency?.name ?? t('aduan.noAgency')}</dd>
        <dt>{t('aduan.place')}</dt>
        <dd>
          {ticket.place
            ? `${ticket.place.name}${ticket.kecamatan && ticket.kecamatan.unitId !== ticket.place.unitId ? `, ${ticket.kecamatan.name}` : ''}`
            : t('aduan.noPlace')}
        </dd>
        <dt>{t('aduan.account')}</dt>
        <dd>
          {ticket.account.handle ?? ticket.account.name} ({ticket.account.unitName})
        </dd>
        <dt>{t('aduan.due')}</dt>
        <dd>
          {ticket.firstAnsweredAt
            ? t('aduan.answeredAt', { at: formatTime(ticket.firstAnsweredAt, i18n.language, ticket.timeZone) })
            : formatTime(ticket.dueAt, i18n.language, ticket.timeZone)}
        </dd>
      </dl>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row-actions" role="group" aria-label={t('aduan.actions')}>
        <ReplySlot ticket={ticket} onDone={onChanged} />
        {can('verify') && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act('verify')}>
            {t('aduan.action.verify')}
          </button>
        )}
        {can('dispose') && ticket.agency && ticket.status !== 'didisposisikan' && (
          <button type="button" className="primary" disabled={busy} onClick={() => void dispose(ticket.agency!.unitId)}>
            {t('aduan.action.disposeTo', { agency: ticket.agency.name })}
          </button>
        )}
        {can('follow_up') && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act('follow_up')}>
            {t('aduan.action.followUp')}
          </button>
        )}
        {can('resolve') && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act('resolve')}>
            {t('aduan.action.resolve')}
          </button>
        )}
        {can('not_complaint') && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act('not_complaint')}>
            {t('aduan.action.notComplaint')}
          </button>
        )}
        <button type="button" className="secondary" aria-expanded={open} onClick={() => void toggle()}>
          {open ? t('aduan.hideDetail') : t('aduan.showDetail')}
        </button>
      </div>
      {can('dispose') && meta && (
        <form
          className="ticket-route"
          onSubmit={(e) => {
            e.preventDefault();
            if (routeTo) void dispose(routeTo);
          }}
        >
          <label htmlFor={`route-${ticket.id}`}>{t('aduan.routeTo')}</label>
          <select id={`route-${ticket.id}`} value={routeTo} onChange={(e) => setRouteTo(e.target.value)}>
            <option value="">{t('aduan.chooseAgency')}</option>
            {meta.agencies.map((a) => (
              <option key={a.unitId} value={a.unitId}>
                {a.name}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary" disabled={busy || !routeTo}>
            {t('aduan.action.dispose')}
          </button>
        </form>
      )}
      {open && detail && (
        <div className="ticket-detail">
          <h3>{t('aduan.context')}</h3>
          {detail.post ? (
            <p>
              {detail.post.text ? <q>{detail.post.text}</q> : t('aduan.postOnPlatform')}{' '}
              {detail.post.url && (
                <a href={detail.post.url} target="_blank" rel="noreferrer noopener">
                  {t('aduan.openPost')}
                </a>
              )}
            </p>
          ) : (
            <p className="muted">{t('aduan.noPost')}</p>
          )}
          <h3>{t('aduan.why')}</h3>
          <p className="muted">{t('aduan.score', { score: detail.comment.score === null ? '–' : Math.round(detail.comment.score * 100) })}</p>
          <ul className="ticket-reasons">
            {detail.comment.reasons.map((r, i) => (
              <li key={i}>
                {r.kind === 'signal' ? t(`aduan.signals.${r.text.replace(/^signal:/, '')}`, { defaultValue: r.text }) : `“${r.text}”`}{' '}
                <span className="muted">({t(`aduan.supports.${r.supports}`, { defaultValue: r.supports })})</span>
              </li>
            ))}
          </ul>
          <h3>{t('aduan.history')}</h3>
          <ol className="ticket-events">
            {detail.events.map((e, i) => (
              <li key={i}>
                {formatTime(e.at, i18n.language, ticket.timeZone)} · {t(`aduan.event.${e.action}`, { defaultValue: e.action })}
                {e.to && e.from !== e.to ? ` → ${t(`aduan.status.${e.to}`)}` : ''}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </li>
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}
