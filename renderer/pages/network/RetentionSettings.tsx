// Settings: how long moderation records and counselling notes are kept (used by the "due for deletion" list),
// beside the other retention rules with their source. Reminders, not legal advice.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RETENTION_CATEGORIES, type RetentionYears } from '../../../shared/network';
import { call } from '../../api';
import { ErrorBanner, Notice, TextField, useFieldErrors } from '../../components/forms';
import { useAsync } from '../../useAsync';

export function RetentionSettings() {
  const { t, i18n } = useTranslation('network');
  const lang: 'de' | 'en' = i18n.language === 'en' ? 'en' : 'de';
  const r = useAsync(() => call('network.retention', {}), []);
  const [f, setF] = useState<Record<keyof RetentionYears, string>>({ moderation: '', counselling_notes: '' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors(error);
  useEffect(() => {
    if (r.data) setF({ moderation: String(r.data.years.moderation), counselling_notes: String(r.data.years.counselling_notes) });
  }, [r.data]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const num = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : (v as unknown as number));
      await call('network.saveRetention', { moderation: num(f.moderation), counselling_notes: num(f.counselling_notes) });
      setSaved(true);
      r.reload();
    } catch (err) {
      setError(err);
    }
  }
  if (!r.data) return <ErrorBanner error={r.error} />;
  const { rules, years, defaults } = r.data;
  return (
    <fieldset className="network-retention">
      <legend>{t('retention.title')}</legend>
      <p className="muted">{t('retention.hint')}</p>
      <ul className="retention-rules">
        {rules.map((rule) => (
          <li key={rule.id}>
            <strong>{rule.what[lang]}</strong>:{' '}
            {rule.id in years ? `${years[rule.id as keyof RetentionYears]} ${rule.keep[lang]}` : rule.keep[lang]}{' '}
            <small className="muted">
              {t('retention.source', { source: rule.source })}
              {rule.uncertain ? ` (${t('retention.uncertain')})` : ''}
            </small>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate>
        <ErrorBanner error={error} />
        {saved ? <Notice>{t('retention.saved')}</Notice> : null}
        <div className="grid">
          {RETENTION_CATEGORIES.map((k) => (
            <TextField key={k} name={`retention-${k}`} label={t(`retention.years.${k}`)} hint={t('retention.default', { count: defaults[k] })} value={f[k]} onChange={(v) => setF({ ...f, [k]: v })} error={errors[k]} />
          ))}
        </div>
        <div className="actions">
          <button type="submit">{t('retention.save')}</button>
        </div>
      </form>
    </fieldset>
  );
}
