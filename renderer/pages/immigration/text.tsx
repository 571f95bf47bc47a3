// Translated wording for documents, reasons and deadlines, shared by the immigration pages. Rule texts (what to do,
// sources, what is uncertain) come from the rule catalogue in German and English; the screen shows its language.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { Deadline, DocumentType, Localized, MayTrain, Missing } from '../../../shared/immigration';

export function useImmigrationText() {
  const { t, i18n } = useTranslation('immigration');
  const lang: 'de' | 'en' = i18n.language === 'en' ? 'en' : 'de';
  const docName = (type: DocumentType | null, detail?: string | null) => (type === 'sonstiges' && detail ? detail : type ? t(`docTypes.${type}`) : '');
  const loc = (l: Localized | null | undefined) => (l ? l[lang] : '');
  return {
    t,
    lang,
    loc,
    docName,
    reason: (m: Pick<MayTrain, 'reason' | 'documentType' | 'reasonDate'>) =>
      m.reason === 'allowed' && !m.reasonDate
        ? t('reasons.allowed_open', { doc: docName(m.documentType) })
        : t(`reasons.${m.reason}`, { doc: docName(m.documentType), date: formatDate(m.reasonDate) }),
    what: (d: Deadline) => loc(d.text),
    days: (n: number) => (n === 0 ? t('days.today') : n > 0 ? t('days.left', { count: n }) : t('days.over', { count: -n })),
    missing: (m: Missing) => t(`missing.${m.code}`, { doc: docName(m.documentType), text: loc(m.text) }),
  };
}

/** The source of a statement, and the visible mark when the rule is uncertain. */
export function SourceNote({ source, uncertain }: { source: Localized | null; uncertain: Localized | null }) {
  const { t, loc } = useImmigrationText();
  if (!source && !uncertain) return null;
  return (
    <small className="muted source-note">
      {source ? t('source', { source: loc(source) }) : null}
      {uncertain ? (
        <>
          {' '}
          <strong className="uncertain-mark" data-testid="uncertain">
            {t('uncertain')}
          </strong>
          {loc(uncertain) !== t('uncertain') ? `: ${loc(uncertain)}` : ''}
        </>
      ) : null}
    </small>
  );
}
