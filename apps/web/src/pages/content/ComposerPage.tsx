import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { Pillar, Post, Problem, Unit, Validation, json, loadPillars, loadUnits, Program, Campaign } from './api';
import { BestTimeHint } from './BestTimeHint';
import { TargetAccount, TargetPicker } from './TargetPicker';
import { MediaPicker } from './MediaPicker';
import { PostMetaFields } from './PostMetaFields';
import { HashtagSetPicker } from './HashtagSetPicker';
import { TemplatePicker } from './TemplatePicker';
import { Template, appendTags } from './catalog';
import { TargetPreviews } from './TargetPreviews';
import { VariantDraft, VariantTabs } from './VariantTabs';
import { navigate } from '../../router';
import { postDetailPath } from '../publishing/publishing-api';
import './content.css';

const empty: VariantDraft = { text: '', hashtags: '', link: '' };
const tags = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((h) => h.replace(/^#/, ''))
    .filter(Boolean);

/** Drafting a bilingual post: texts, media, accounts, time; the server checks it live as you type. */
export function ComposerPage() {
  const { t } = useTranslation();
  const [units, setUnits] = useState<Unit[]>([]);
  const [accounts, setAccounts] = useState<TargetAccount[]>([]);
  const [pillars, setPillars] = useState<Pillar[]>([]);
  const [programs, setPrograms] = useState<Program[]>([]);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [post, setPost] = useState<Post | null>(null);
  const [unitId, setUnitId] = useState('');
  const [pillar, setPillar] = useState('');
  const [programId, setProgramId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [variants, setVariants] = useState<Record<'id' | 'en', VariantDraft>>({ id: empty, en: empty });
  const [mediaIds, setMediaIds] = useState<string[]>([]);
  const [targets, setTargets] = useState(new Map<string, 'id' | 'en'>());
  // What this form does not edit is kept as loaded and sent back, so saving never drops it:
  // per-platform text overrides, and targets' own publish times.
  const [overrides, setOverrides] = useState<Post['variants']>([]);
  const [targetTimes, setTargetTimes] = useState(new Map<string, string>());
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [result, setResult] = useState<Validation | null>(null);
  const [errors, setErrors] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const unit = units.find((u) => u.id === unitId);

  useEffect(() => {
    void loadUnits().then((u) => {
      setUnits(u);
      setUnitId((cur) => cur || (u.length === 1 ? u[0].id : ''));
    });
    void loadPillars().then(setPillars);
    void api<Program[]>('/v1/programs').then(setPrograms, () => setPrograms([]));
    void api<Campaign[]>('/v1/campaigns').then(setCampaigns, () => setCampaigns([]));
    const id = new URLSearchParams(location.search).get('id');
    // a post the caller may not edit any more (published, cancelled, or not theirs to edit) opens on its page instead
    if (id) void api<Post>(`/v1/posts/${id}`).then((p) => (p.allowedActions && !p.allowedActions.includes('edit') ? navigate(postDetailPath(p.id)) : load(p)));
  }, []);

  // The accounts a post of this unit may go out on: the unit's and its subtree's that the user administers.
  useEffect(() => {
    if (!unitId) return setAccounts([]);
    void api<TargetAccount[]>(`/v1/posts/target-accounts?unitId=${encodeURIComponent(unitId)}`).then(
      (list) => {
        setAccounts(list);
        // a unit changed before saving: accounts of the former unit are not offered any more, nor kept
        setTargets((cur) => (post ? cur : new Map([...cur].filter(([id]) => list.some((a) => a.id === id)))));
      },
      () => setAccounts([]),
    );
  }, [unitId, post?.id]);

  const load = (p: Post) => {
    setPost(p);
    setUnitId(p.unitId);
    setPillar(p.pillar);
    setProgramId(p.programId ?? '');
    setCampaignId(p.campaignId ?? '');
    const v = (lang: 'id' | 'en') => p.variants.find((x) => x.language === lang && !x.platform);
    const draft = (lang: 'id' | 'en'): VariantDraft => ({
      text: v(lang)?.text ?? '',
      hashtags: (v(lang)?.hashtags ?? []).join(' '),
      link: v(lang)?.link ?? '',
    });
    setVariants({ id: draft('id'), en: draft('en') });
    setMediaIds(p.media.map((m) => m.id));
    setTargets(new Map(p.targets.map((x) => [x.accountId, x.language])));
    setOverrides(p.variants.filter((x) => x.platform));
    setTargetTimes(
      new Map(p.targets.filter((x) => x.scheduledAtLocal && x.scheduledAtLocal !== p.scheduledAtLocal).map((x) => [x.accountId, x.scheduledAtLocal!])),
    );
    if (p.scheduledAtLocal) [0, 1].forEach((i) => (i ? setTime : setDate)(p.scheduledAtLocal!.split('T')[i]));
  };

  const body = useMemo(() => {
    const vs = (['id', 'en'] as const)
      .filter((l) => variants[l].text.trim())
      .map((l) => ({ language: l, text: variants[l].text, hashtags: tags(variants[l].hashtags), link: variants[l].link || null }))
      .concat(
        overrides
          .filter((o) => variants[o.language as 'id' | 'en']?.text.trim())
          .map((o) => ({ language: o.language as 'id' | 'en', platform: o.platform, text: o.text, hashtags: o.hashtags, link: o.link })),
      );
    return {
      pillar,
      programId: programId || null,
      campaignId: campaignId || null,
      variants: vs,
      mediaIds,
      targets: [...targets].map(([accountId, language]) => ({
        accountId,
        language,
        ...(targetTimes.has(accountId) ? { scheduledAt: targetTimes.get(accountId) } : {}),
      })),
      scheduledAt: date ? `${date}T${time}` : null,
    };
  }, [pillar, programId, campaignId, variants, overrides, mediaIds, targets, targetTimes, date, time]);

  // what the author changes makes the last save's errors and notice stale: they go, the live check speaks
  const justSaved = useRef(false);
  useEffect(() => {
    if (justSaved.current) {
      justSaved.current = false;
      return;
    }
    setErrors([]);
    setNotice(null);
  }, [body, unitId]);

  useEffect(() => {
    if (!unitId || !pillar) return;
    const timer = setTimeout(() => {
      api<Validation>('/v1/posts/validate', json({ ...body, unitId, postId: post?.id })).then(setResult, () => undefined);
    }, 350);
    return () => clearTimeout(timer);
  }, [body, unitId, post?.id]);

  const run = async (action: 'save' | 'submit' | 'schedule') => {
    setErrors([]);
    setNotice(null);
    try {
      let saved = post
        ? await api<Post>(`/v1/posts/${post.id}`, { method: 'PATCH', body: JSON.stringify({ ...body, version: post.version }) })
        : await api<Post>('/v1/posts', json({ ...body, unitId }));
      if (action !== 'save') saved = await api<Post>(`/v1/posts/${saved.id}/${action}`, json({}));
      justSaved.current = true;
      load(saved);
      history.replaceState(null, '', `/posts/new?id=${saved.id}`);
      setNotice(t(`content.composer.done.${action}`, { status: t(`content.status.${saved.status}`) }));
    } catch (e) {
      const err = e as ApiError;
      setErrors(err.details?.length ? (err.details as Problem[]) : [{ field: '', code: '', message: err.message }]);
    }
  };

  const applyTemplate = (tpl: Template) => {
    const draft = (lang: 'id' | 'en'): VariantDraft => {
      const v = tpl.variants.find((x) => x.language === lang);
      return { text: v?.text ?? '', hashtags: (v?.hashtags ?? []).map((h) => `#${h.replace(/^#/, '')}`).join(' '), link: v?.link ?? '' };
    };
    setVariants({ id: draft('id'), en: draft('en') });
    if (tpl.pillar && !pillar) setPillar(tpl.pillar);
  };

  // Each problem beside its field (save errors first, then the live check's), each message once; the rest at the end.
  const all = [...errors, ...(result?.problems ?? [])];
  const placed = (f: string) => /^(pillar|unitId|programId|campaignId|scheduledAt|timeZone)$/.test(f) || f.startsWith('targets') || f.startsWith('variants');
  const fieldProblems = (match: (field: string) => boolean, withoutAccount = false) => {
    const seen = new Set<string>();
    return all.filter((p) => match(p.field) && !(withoutAccount && p.accountId) && !seen.has(p.message) && !!seen.add(p.message));
  };
  const general = fieldProblems((f) => !placed(f)).filter((p) => !p.accountId);
  const metaProblems = fieldProblems((f) => /^(pillar|unitId|programId|campaignId)$/.test(f));
  const timeProblems = fieldProblems((f) => f === 'scheduledAt' || f === 'timeZone' || f.endsWith('.scheduledAt'));
  const platforms = [...new Set([...targets.keys()].map((id) => accounts.find((a) => a.id === id)?.platform).filter((p): p is string => !!p))];
  const setOverride = (lang: 'id' | 'en', platform: string, text: string | null) =>
    setOverrides((cur) => {
      const rest = cur.filter((o) => !(o.language === lang && o.platform === platform));
      return text === null ? rest : [...rest, { language: lang, platform, text, hashtags: [], link: null }];
    });
  return (
    <section aria-labelledby="composer-title" className="composer">
      <h1 id="composer-title">{post ? t('content.composer.editTitle') : t('content.composer.title')}</h1>
      {post && <p className="status">{t(`content.status.${post.status}`)}</p>}
      <PostMetaFields
        {...{ units, pillars, programs, campaigns, unitId, pillar, programId, campaignId }}
        locked={!!post}
        onChange={(f, v) => ({ unitId: setUnitId, pillar: setPillar, programId: setProgramId, campaignId: setCampaignId })[f](v)}
      />
      {metaProblems.map((p) => (
        <p key={p.field + p.message} className="error field-error">
          {p.message}
        </p>
      ))}
      {unitId && <TemplatePicker unitId={unitId} hasText={!!(variants.id.text.trim() || variants.en.text.trim())} onApply={applyTemplate} />}
      <VariantTabs
        value={variants}
        onChange={(l, v) => setVariants({ ...variants, [l]: v })}
        problems={[...(result?.problems ?? []), ...(result?.warnings ?? [])]}
        platforms={platforms}
        overrides={overrides}
        onOverride={setOverride}
        withMedia={mediaIds.length > 0}
        extra={(lang) =>
          unitId && (
            <HashtagSetPicker
              unitId={unitId}
              lang={lang}
              onAdd={(add) => setVariants((cur) => ({ ...cur, [lang]: { ...cur[lang], hashtags: appendTags(cur[lang].hashtags, add) } }))}
            />
          )
        }
      />
      {unitId && <MediaPicker unitId={unitId} selected={mediaIds} onChange={setMediaIds} />}
      <TargetPicker
        accounts={accounts}
        unitId={unitId}
        targets={targets}
        onChange={setTargets}
        problems={fieldProblems((f) => f === 'targets' || (f.startsWith('targets') && !f.endsWith('scheduledAt')), true)}
      />
      <div className="form-row">
        <div>
          <label htmlFor="date">{t('content.composer.date')}</label>
          <input id="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div>
          <label htmlFor="time">{t('content.composer.time', { zone: unit?.timeZone ?? 'Asia/Jakarta' })}</label>
          <input id="time" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
      </div>
      {unitId && <BestTimeHint unitId={unitId} onPick={(d, tm) => (setDate(d), setTime(tm))} />}
      {timeProblems.map((p) => (
        <p key={p.field + p.message} className="error field-error">
          {p.message}
        </p>
      ))}
      <TargetPreviews accounts={accounts} targets={targets} variants={variants} overrides={overrides} mediaIds={mediaIds} result={result} />
      {general.map((p, i) => (
        <p key={i} className="error" role="alert">
          {p.message}
        </p>
      ))}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void run('save')}>
          {t('content.composer.save')}
        </button>
        {(!post || ['draft', 'changes_requested'].includes(post.status)) && (
          <button type="button" className="primary" onClick={() => void run('submit')}>
            {t('content.composer.submit')}
          </button>
        )}
        {post && ['approved', 'scheduled'].includes(post.status) && (
          <button type="button" className="primary" onClick={() => void run('schedule')}>
            {t('content.composer.schedule')}
          </button>
        )}
      </div>
    </section>
  );
}
