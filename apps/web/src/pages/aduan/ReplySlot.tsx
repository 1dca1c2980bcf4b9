import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PLATFORM_NAMES } from '../publishing/publishing-api';
import type { ReplyList, Ticket } from './aduan-api';

/** Platforms whose APIs take no reply to a comment (the server refuses them too). */
const NO_REPLY_API = ['tiktok'];
const SETTLED = ['published', 'unconfirmed', 'failed'];

/**
 * "Balas": a reply to the citizen under their comment, from a template of the ticket's category (in the citizen's
 * language) or written by hand. It goes out through the publishing engine (once, also after a lost answer); the
 * list below shows each reply's state until it is on the platform.
 */
export function ReplySlot({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<ReplyList | null>(null);
  const [template, setTemplate] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const platform = PLATFORM_NAMES[ticket.platform] ?? ticket.platform;
  const path = `/v1/aduan/comments/${ticket.commentId}/replies`;

  const load = async () => {
    try {
      setList(await api<ReplyList>(path));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // while a reply is on its way, its state is read again every 2 s
  const pending = !!list?.items.some((r) => !SETTLED.includes(r.status));
  useEffect(() => {
    if (!open || !pending) return;
    const timer = setInterval(() => void load(), 2_000);
    return () => clearInterval(timer);
  }, [open, pending]);

  if (NO_REPLY_API.includes(ticket.platform)) return <p className="muted">{t('aduan.noReplyApi', { platform })}</p>;

  const toggle = () => {
    setOpen(!open);
    if (!open && !list) void load();
  };
  const choose = (key: string) => {
    setTemplate(key);
    setText(list?.templates.find((x) => x.key === key)?.text ?? '');
    setError(null);
  };
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const chosen = list?.templates.find((x) => x.key === template);
      // an unchanged template is sent by its key (the server fills it and records which one)
      const body = chosen && chosen.text === text ? { template, language: chosen.language } : { text };
      await api(path, { method: 'POST', body: JSON.stringify(body) });
      setNotice(t('aduan.sent'));
      setText('');
      setTemplate('');
      await load();
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const fieldId = `reply-${ticket.id}`;
  return (
    <div className="reply-slot">
      <button type="button" aria-expanded={open} onClick={toggle}>
        {open ? t('aduan.closeReply') : t('aduan.reply')}
      </button>
      {open && (
        <section className="reply-panel" aria-label={t('aduan.replyTitle', { platform })}>
          {list?.warnings.map((w) => (
            <p key={w.code} className="notice warn">
              {w.message}
            </p>
          ))}
          <label htmlFor={`${fieldId}-template`}>{t('aduan.template')}</label>
          <select id={`${fieldId}-template`} value={template} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('aduan.chooseTemplate')}</option>
            {list?.templates.map((x) => (
              <option key={`${x.key}-${x.language}`} value={x.key}>
                {x.text.length > 60 ? `${x.text.slice(0, 60)}…` : x.text}
              </option>
            ))}
          </select>
          <label htmlFor={`${fieldId}-text`}>{t('aduan.replyText')}</label>
          <textarea id={`${fieldId}-text`} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {notice && <p role="status">{notice}</p>}
          <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void send()}>
            {busy ? t('aduan.sending') : t('aduan.send')}
          </button>
          {!!list?.items.length && (
            <>
              <h4>{t('aduan.replies')}</h4>
              <ul className="reply-list">
                {list.items.map((r) => (
                  <li key={r.id}>
                    <span className={`status status-${r.status}`}>{t(`aduan.replyStatus.${r.status}`, { defaultValue: r.status })}</span> {r.text}
                    {r.url && (
                      <>
                        {' '}
                        <a href={r.url} target="_blank" rel="noreferrer">
                          {t('aduan.openReply')}
                        </a>
                      </>
                    )}
                    {r.problem && <span className="muted"> · {r.problem}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
