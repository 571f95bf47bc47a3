// One glossary entry: German side, translations into every language (right to left where needed), picture.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARTICLES, GLOSSARY_TAGS, PICTURE_MAX_BYTES, TRANSLATION_LANGUAGES, WORD_CLASSES, type GlossaryEntry, type GlossaryTag, type WordClass } from '../../../shared/glossary';
import { isRtl } from '../../../shared/languages';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { CheckboxGroup, ErrorBanner, Field, Notice, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';
import { href, navigate } from '../../router';
import { useAsync } from '../../useAsync';
import { Foreign, SuggestionMark, fileToBase64, mb, useLanguageName } from './util';

interface FormState {
  occupationId: string;
  term: string;
  article: string;
  plural: string;
  wordClass: WordClass;
  explanation: string;
  example: string;
  tags: GlossaryTag[];
  translations: Record<string, string>;
}

const fromEntry = (e: GlossaryEntry | null): FormState => ({
  occupationId: e?.occupationId ?? '',
  term: e?.term ?? '',
  article: e?.article ?? '',
  plural: e?.plural ?? '',
  wordClass: e?.wordClass ?? 'noun',
  explanation: e?.explanation ?? '',
  example: e?.example ?? '',
  tags: e?.tags ?? [],
  translations: { ...(e?.translations ?? {}) },
});

export function GlossaryEntryPage({ id }: { id?: number }) {
  const entry = useAsync(() => (id ? call('glossary.get', { id }) : Promise.resolve(null)), [id]);
  const occupations = useAsync(() => call('occupations.list'), []);
  if (entry.error || occupations.error) return <ErrorBanner error={entry.error ?? occupations.error} />;
  // Keep the form mounted while it reloads after a save (its state, e.g. the notice, stays).
  if (entry.data === undefined || !occupations.data) return null;
  return <EntryForm key={entry.data?.id ?? 'new'} entry={entry.data} occupations={occupations.data} reload={entry.reload} />;
}

function EntryForm({ entry, occupations, reload }: { entry: GlossaryEntry | null; occupations: { id: string; name: string }[]; reload: () => void }) {
  const { t } = useTranslation('language');
  const { t: tc } = useTranslation('common');
  const langName = useLanguageName();
  const [f, setF] = useState<FormState>(() => fromEntry(entry));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const errors = useFieldErrors(error);
  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const opt = (v: string) => (v.trim() === '' ? null : v);
    const input = {
      occupationId: opt(f.occupationId),
      term: f.term,
      article: (opt(f.article) as GlossaryEntry['article']) ?? null,
      plural: opt(f.plural),
      wordClass: f.wordClass,
      explanation: opt(f.explanation),
      example: opt(f.example),
      tags: f.tags,
      translations: f.translations,
    };
    try {
      if (entry) {
        await call('glossary.update', { id: entry.id, ...input });
        setNotice(tc('status.saved'));
        reload();
      } else {
        const created = await call('glossary.create', input);
        navigate(`/glossary/${created.id}`);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="entry-page">
      <form onSubmit={submit} noValidate aria-labelledby="page-title" className="form">
        <header className="page-head">
          <div>
            <p className="crumbs">
              <a href={href('/glossary')}>{t('entry.back')}</a>
            </p>
            <h1 id="page-title">{entry ? t('entry.editTitle', { term: entry.term }) : t('entry.newTitle')}</h1>
            {entry ? (
              <p className="muted small">
                {t('entry.origin', { origin: t(`origin.${entry.origin}`) })}
                {entry.usedInTasks ? ` · ${t('entry.usedIn', { count: entry.usedInTasks })}` : ''}
              </p>
            ) : null}
          </div>
        </header>
        {notice ? <Notice>{notice}</Notice> : null}
        <ErrorBanner error={error} />
        <fieldset>
          <legend>{t('entry.sections.german')}</legend>
          <div className="grid">
            <TextField name="term" label={t('entry.fields.term')} hint={t('entry.hints.term')} value={f.term} onChange={set('term')} error={errors.term} required />
            <SelectField
              name="article"
              label={t('entry.fields.article')}
              value={f.article}
              onChange={set('article')}
              error={errors.article}
              options={[{ value: '', label: t('entry.noArticle') }, ...ARTICLES.map((a) => ({ value: a, label: a }))]}
            />
            <TextField name="plural" label={t('entry.fields.plural')} value={f.plural} onChange={set('plural')} error={errors.plural} />
            <SelectField
              name="wordClass"
              label={t('entry.fields.wordClass')}
              value={f.wordClass}
              onChange={(v) => setF((s) => ({ ...s, wordClass: v as WordClass, article: v === 'noun' ? s.article : '' }))}
              error={errors.wordClass}
              required
              options={WORD_CLASSES.map((w) => ({ value: w, label: t(`wordClass.${w}`) }))}
            />
            <SelectField
              name="occupationId"
              label={t('entry.fields.occupationId')}
              value={f.occupationId}
              onChange={set('occupationId')}
              error={errors.occupationId}
              options={[{ value: '', label: t('general') }, ...occupations.map((o) => ({ value: o.id, label: o.name }))]}
            />
          </div>
          <TextArea name="explanation" label={t('entry.fields.explanation')} hint={t('entry.hints.explanation')} value={f.explanation} onChange={set('explanation')} error={errors.explanation} rows={2} />
          <TextArea name="example" label={t('entry.fields.example')} hint={t('entry.hints.example')} value={f.example} onChange={set('example')} error={errors.example} rows={2} />
          <CheckboxGroup name="tags" legend={t('entry.fields.tags')} options={GLOSSARY_TAGS.map((g) => ({ value: g, label: t(`tags.${g}`) }))} value={f.tags} onChange={set('tags')} error={errors.tags} />
        </fieldset>
        <fieldset>
          <legend>{t('entry.sections.translations')}</legend>
          <p className="hint small">{t('entry.hints.translations')}</p>
          <div className="grid">
            {TRANSLATION_LANGUAGES.map((l) => (
              <Field
                key={l}
                label={langName(l)}
                error={errors[`translations.${l}`]}
                {...(entry?.suggested.includes(l) && f.translations[l] === entry.translations[l] ? { hint: t('suggestion.hint') } : {})}
              >
                {(a) => (
                  <input
                    {...a}
                    name={`translation-${l}`}
                    lang={l}
                    dir={isRtl(l) ? 'rtl' : 'ltr'}
                    value={f.translations[l] ?? ''}
                    onChange={(e) => setF((s) => ({ ...s, translations: { ...s.translations, [l]: e.target.value } }))}
                  />
                )}
              </Field>
            ))}
          </div>
          {entry && entry.suggested.length > 0 ? (
            <ul className="suggestions">
              {entry.suggested.map((l) => (
                <li key={l}>
                  {langName(l)}: <Foreign text={entry.translations[l] ?? ''} lang={l} /> <SuggestionMark entryId={entry.id} term={entry.term} language={l} onChecked={reload} />
                </li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? tc('status.saving') : tc('actions.save')}
          </button>
          <a className="button" href={href('/glossary')}>
            {tc('actions.cancel')}
          </a>
          {entry ? (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {t('entry.delete.button')}
            </button>
          ) : null}
        </div>
      </form>
      <PictureCard entry={entry} onChanged={reload} />
      {entry ? (
        <Dialog open={confirmDelete} title={t('entry.delete.title', { term: entry.term })} onClose={() => setConfirmDelete(false)}>
          <DeleteEntry entry={entry} onCancel={() => setConfirmDelete(false)} />
        </Dialog>
      ) : null}
    </div>
  );
}

function PictureCard({ entry, onChanged }: { entry: GlossaryEntry | null; onChanged: () => void }) {
  const { t } = useTranslation('language');
  const { t: te } = useTranslation('errors');
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const picture = useAsync(() => (entry?.picture ? call('glossary.picture', { id: entry.id }) : Promise.resolve(null)), [entry?.id, entry?.updatedAt]);
  async function choose(file: File | undefined) {
    if (!file || !entry) return;
    setError(null);
    setLocal(null);
    if (file.size > PICTURE_MAX_BYTES) return setLocal(te('picture_too_large', { sizeMb: mb(file.size), maxMb: mb(PICTURE_MAX_BYTES) }));
    try {
      await call('glossary.setPicture', { id: entry.id, fileName: file.name, base64: await fileToBase64(file) });
      onChanged();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card picture-card" aria-labelledby="picture-title">
      <h2 id="picture-title">{t('entry.sections.picture')}</h2>
      {!entry ? <p className="muted">{t('entry.picture.saveFirst')}</p> : null}
      {entry && picture.data ? <img className="glossary-picture" src={`data:${picture.data.mimeType};base64,${picture.data.base64}`} alt={t('entry.picture.alt', { term: entry.term })} /> : null}
      {entry && !entry.picture ? <p className="muted">{t('entry.picture.none')}</p> : null}
      <ErrorBanner error={error} />
      {local ? (
        <div role="alert" className="banner banner-error">
          {local}
        </div>
      ) : null}
      {entry ? (
        <div className="actions">
          <Field label={t('entry.picture.choose', { maxMb: mb(PICTURE_MAX_BYTES) })}>
            {(a) => <input {...a} type="file" name="picture" accept="image/png,image/jpeg" onChange={(e) => void choose(e.target.files?.[0])} />}
          </Field>
          {entry.picture ? (
            <button
              type="button"
              onClick={async () => {
                await call('glossary.removePicture', { id: entry.id });
                onChanged();
              }}
            >
              {t('entry.picture.remove')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function DeleteEntry({ entry, onCancel }: { entry: GlossaryEntry; onCancel: () => void }) {
  const { t } = useTranslation('language');
  const { t: tc } = useTranslation('common');
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="form">
      <p>{t('entry.delete.text')}</p>
      <ErrorBanner error={error} />
      <div className="actions">
        <button
          type="button"
          className="danger"
          onClick={async () => {
            try {
              await call('glossary.delete', { id: entry.id });
              navigate('/glossary');
            } catch (err) {
              setError(err);
            }
          }}
        >
          {t('entry.delete.button')}
        </button>
        <button type="button" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </div>
  );
}
