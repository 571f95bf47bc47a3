// Helpers of the work-language pages.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorBanner } from '../../components/forms';
import type { Article } from '../../../shared/glossary';
import { isRtl } from '../../../shared/languages';

/** The bytes of a file chosen by the user, base64 (the core checks type and size by the bytes). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A language's name in the UI language. */
export function useLanguageName() {
  const { t } = useTranslation('common');
  return (code: string | null | undefined) => (code ? t(`languages.${code}` as 'languages.de', { defaultValue: code }) : '');
}

/** "der Hammer" with the article coloured like on the worksheet. */
export function TermLabel({ term, article }: { term: string; article: Article | null }) {
  return (
    <span className="term-label">
      {article ? <span className={`article article-${article}`}>{article} </span> : null}
      <span lang="de">{term}</span>
    </span>
  );
}

/** Text in a trainee's language, with its direction and language set for screen readers and the browser. */
export function Foreign({ text, lang }: { text: string; lang: string }) {
  return (
    <span lang={lang} dir={isRtl(lang) ? 'rtl' : 'ltr'} className="foreign">
      {text}
    </span>
  );
}

/** A shipped translation not yet checked in the firm: marked as such, with the button that marks it checked. */
export function SuggestionMark({ entryId, term, language, onChecked }: { entryId: number; term: string; language: string; onChecked: () => void }) {
  const { t } = useTranslation('language');
  const langName = useLanguageName();
  const [error, setError] = useState<unknown>(null);
  return (
    <span className="suggestion-mark">
      <span className="pill pill-suggested">{t('suggestion.label')}</span>{' '}
      <button
        type="button"
        className="small"
        aria-label={t('suggestion.checkLabel', { term, language: langName(language) })}
        onClick={async () => {
          setError(null);
          try {
            await call('glossary.markChecked', { id: entryId, language: language as 'ar' });
            onChecked();
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('suggestion.check')}
      </button>
      <ErrorBanner error={error} />
    </span>
  );
}
