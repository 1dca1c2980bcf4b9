import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { invalidateApi, useApi } from '../../api/query';
import { Collapsed } from '../../ui/Collapsed';
import { Campaign, Program, Unit, json } from './api';
import './content.css';

interface Term {
  id: string;
  termId: string;
  termEn: string;
}
interface HashtagSet {
  id: string;
  name: string;
  tags: string[];
}
interface Template {
  id: string;
  name: string;
  pillar: string | null;
}

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Priority programs, campaigns, templates, hashtag sets and the glossary: simple lists with an add form each. */
export function PlanningPage() {
  const { t, i18n } = useTranslation();
  const units = useApi<Unit[]>('/v1/units').data ?? [];
  const [chosen, setUnitId] = useState('');
  const unitId = chosen || units[0]?.id || '';
  const programs = useApi<Program[]>('/v1/programs').data ?? [];
  const terms = useApi<Term[]>('/v1/glossary').data ?? [];
  const campaigns = useApi<Campaign[]>(unitId ? `/v1/campaigns?unitId=${unitId}` : null).data ?? [];
  const templates = useApi<Template[]>(unitId ? `/v1/templates?unitId=${unitId}` : null).data ?? [];
  const sets = useApi<HashtagSet[]>(unitId ? `/v1/hashtag-sets?unitId=${unitId}` : null).data ?? [];
  const [form, setForm] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const reload = () => void invalidateApi('/v1/programs', '/v1/glossary', '/v1/campaigns', '/v1/templates', '/v1/hashtag-sets');
  const field = (name: string, label: string, type = 'text') => (
    <div>
      <label htmlFor={`f-${name}`}>{label}</label>
      <input id={`f-${name}`} type={type} value={form[name] ?? ''} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </div>
  );
  const save = (path: string, body: Record<string, unknown>) => async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api(path, json(body));
      setMessage({ text: t('common.saved') });
      setForm({});
      reload();
    } catch (err) {
      const e2 = err as ApiError;
      setMessage({ text: e2.details?.[0] ? `${e2.details[0].field}: ${e2.details[0].message}` : e2.message, error: true });
    }
  };
  const tags = (s = '') =>
    s
      .split(/[\s,]+/)
      .map((x) => x.replace(/^#/, ''))
      .filter(Boolean);
  return (
    <section aria-labelledby="planning-title">
      <h1 id="planning-title">{t('content.planning.title')}</h1>
      <label htmlFor="planning-unit">{t('content.composer.unit')}</label>
      <select id="planning-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status">
          {message.text}
        </p>
      )}
      <Section id="programs" title={t('content.planning.programs')}>
        <Collapsed items={programs}>
          {(shown) => (
            <ul>
              {shown.map((p) => (
                <li key={p.id}>
                  {i18n.language === 'en' ? (p.nameEn ?? p.nameId) : p.nameId} {p.hashtag && <span className="muted">{p.hashtag}</span>}
                </li>
              ))}
            </ul>
          )}
        </Collapsed>
        <form
          className="form-row"
          onSubmit={save('/v1/programs', { nameId: form.programId, nameEn: form.programEn || undefined, hashtag: form.programTag || undefined })}
        >
          {field('programId', t('content.planning.nameId'))}
          {field('programEn', t('content.planning.nameEn'))}
          {field('programTag', t('content.composer.hashtags'))}
          <button type="submit" className="secondary">
            {t('common.add')}
          </button>
        </form>
      </Section>
      <Section id="campaigns" title={t('content.planning.campaigns')}>
        <ul>
          {campaigns.map((c) => (
            <li key={c.id}>
              {c.name} <span className="muted">{[c.startsOn, c.endsOn].filter(Boolean).join('–')}</span>
            </li>
          ))}
        </ul>
        <form
          className="form-row"
          onSubmit={save('/v1/campaigns', { unitId, name: form.campaign, startsOn: form.startsOn || undefined, endsOn: form.endsOn || undefined })}
        >
          {field('campaign', t('content.planning.name'))}
          {field('startsOn', t('content.planning.startsOn'), 'date')}
          {field('endsOn', t('content.planning.endsOn'), 'date')}
          <button type="submit" className="secondary">
            {t('common.add')}
          </button>
        </form>
      </Section>
      <Section id="templates" title={t('content.planning.templates')}>
        <ul>
          {templates.map((x) => (
            <li key={x.id}>{x.name}</li>
          ))}
        </ul>
        <form
          className="form-row"
          onSubmit={save('/v1/templates', { unitId, name: form.template, variants: [{ language: 'id', text: form.templateText ?? '' }] })}
        >
          {field('template', t('content.planning.name'))}
          {field('templateText', t('content.composer.text'))}
          <button type="submit" className="secondary">
            {t('common.add')}
          </button>
        </form>
      </Section>
      <Section id="hashtags" title={t('content.planning.hashtagSets')}>
        <ul>
          {sets.map((s) => (
            <li key={s.id}>
              {s.name}: <span className="muted">{s.tags.map((x) => `#${x}`).join(' ')}</span>
            </li>
          ))}
        </ul>
        <form className="form-row" onSubmit={save('/v1/hashtag-sets', { unitId, name: form.setName, tags: tags(form.setTags) })}>
          {field('setName', t('content.planning.name'))}
          {field('setTags', t('content.composer.hashtags'))}
          <button type="submit" className="secondary">
            {t('common.add')}
          </button>
        </form>
      </Section>
      <Section id="glossary" title={t('content.planning.glossary')}>
        <Collapsed items={terms}>
          {(shown) => (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('content.composer.lang.id')}</th>
                  <th scope="col">{t('content.composer.lang.en')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((g) => (
                  <tr key={g.id}>
                    <td>{g.termId}</td>
                    <td>{g.termEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Collapsed>
        <form className="form-row" onSubmit={save('/v1/glossary', { termId: form.termId, termEn: form.termEn })}>
          {field('termId', t('content.composer.lang.id'))}
          {field('termEn', t('content.composer.lang.en'))}
          <button type="submit" className="secondary">
            {t('common.add')}
          </button>
        </form>
      </Section>
    </section>
  );
}
