// Settings: the folder where the app keeps the deadlines' calendar file up to date (for subscribing in Thunderbird).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import type { CalendarFolder } from '../../../shared/calendar';
import { call } from '../../api';
import { ErrorBanner, Notice, TextField, useFieldErrors } from '../../components/forms';
import { useAsync } from '../../useAsync';

export function CalendarFolderSettings() {
  const { t } = useTranslation('settings');
  const { t: te } = useTranslation('errors');
  const current = useAsync(() => call('calendar.folder'), []);
  const [state, setState] = useState<CalendarFolder | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fieldErrors = useFieldErrors(error);
  const shown = state ?? current.data;
  const value = folder ?? shown?.folder ?? '';

  async function save(next: string | null, e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const r = await call('calendar.setFolder', { folder: next });
      setState(r);
      setFolder(r.folder ?? '');
      setNotice(t(r.folder ? 'calendar.saved' : 'calendar.stopped'));
    } catch (err) {
      setError(err);
    }
  }

  const last = shown?.lastWrite;
  return (
    <form onSubmit={(e) => save(value, e)} aria-labelledby="calendar-title">
      <fieldset>
        <legend id="calendar-title">{t('calendar.title')}</legend>
        <p className="muted">{t('calendar.intro')}</p>
        <ErrorBanner error={fieldErrors.folder ? null : (error ?? current.error)} />
        {notice ? <Notice>{notice}</Notice> : null}
        <TextField name="calendarFolder" label={t('calendar.folder')} hint={t('calendar.folderHint')} value={value} onChange={setFolder} error={fieldErrors.folder} wide />
        {shown?.file ? (
          <dl className="kv calendar-file">
            <dt>{t('calendar.file')}</dt>
            <dd>
              <code>{shown.file}</code>
            </dd>
            <dt>{t('calendar.address')}</dt>
            <dd>
              <code>{shown.fileUrl}</code>
            </dd>
            {last?.ok ? (
              <>
                <dt>{t('calendar.lastWrite')}</dt>
                <dd>{formatDateTime(last.at)}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {shown?.folder && !shown.available ? (
          <p role="alert" className="banner banner-error">
            {te('calendar_folder_missing')}
          </p>
        ) : last && !last.ok ? (
          <p role="alert" className="banner banner-error">
            {t('calendar.lastWriteFailed', { date: formatDateTime(last.at), reason: te(last.error as 'internal', { defaultValue: te('internal') }) })}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit">{t('calendar.save')}</button>
          {shown?.folder ? (
            <button type="button" className="secondary" onClick={() => save(null)}>
              {t('calendar.stop')}
            </button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
