import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../shared/system';
import { call } from '../api';
import { ErrorBanner, SelectField } from '../components/forms';
import { BackupSection } from './BackupSection';
import i18n, { changeLanguage as switchLanguage } from '../i18n/init';
import { href } from '../router';
import { CalendarFolderSettings } from './immigration/CalendarFolderSettings';
import { RetentionSettings } from './network/RetentionSettings';
import { useAsync } from '../useAsync';

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const info = useAsync(() => call('system.info'), []);
  const [error, setError] = useState<unknown>(null);

  async function changeLanguage(lng: string) {
    setError(null);
    try {
      const s = await call('settings.save', { uiLanguage: lng as UiLanguage });
      await switchLanguage(s.uiLanguage);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section aria-labelledby="page-title" className="form">
      <header className="page-head">
        <h1 id="page-title">{t('title')}</h1>
      </header>
      <ErrorBanner error={error ?? info.error} />
      <fieldset>
        <legend>{t('language')}</legend>
        <SelectField
          name="uiLanguage"
          label={t('language')}
          value={i18n.language}
          onChange={changeLanguage}
          options={UI_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('rules')}</legend>
        <p className="muted">{t('rulesHint')}</p>
        <a className="button" href={href('/fristen/regeln')}>
          {t('rules')}
        </a>
      </fieldset>
      <CalendarFolderSettings />
      <RetentionSettings />
      <fieldset>
        <legend>{t('data')}</legend>
        <p>{t('privacy')}</p>
        {info.data ? (
          <dl className="kv">
            <dt>{t('dataDir')}</dt>
            <dd>
              <code>{info.data.dataDir}</code>
            </dd>
            <dt>{t('dbPath')}</dt>
            <dd>
              <code>{info.data.dbPath}</code>
            </dd>
            <dt>{t('schema')}</dt>
            <dd>{info.data.schemaVersion}</dd>
            <dt>{t('version')}</dt>
            <dd>{info.data.appVersion}</dd>
            <dt>{t('transport')}</dt>
            <dd>{t(`transports.${info.data.transport}`)}</dd>
          </dl>
        ) : null}
      </fieldset>
      <BackupSection />
    </section>
  );
}
