// Translated wording for documents, reasons and deadlines, shared by the immigration pages.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { Deadline, DocumentType, MayTrain, Missing } from '../../../shared/immigration';

export function useImmigrationText() {
  const { t } = useTranslation('immigration');
  const docName = (type: DocumentType | null, detail?: string | null) => (type === 'sonstiges' && detail ? detail : type ? t(`docTypes.${type}`) : '');
  return {
    t,
    docName,
    reason: (m: Pick<MayTrain, 'reason' | 'documentType' | 'reasonDate'>) =>
      m.reason === 'allowed' && !m.reasonDate
        ? t('reasons.allowed_open', { doc: docName(m.documentType) })
        : t(`reasons.${m.reason}`, { doc: docName(m.documentType), date: formatDate(m.reasonDate) }),
    what: (d: Deadline) => t(`kinds.${d.kind}`, { doc: docName(d.documentType), date: formatDate(d.dueOn), from: formatDate(d.fromOn) }),
    days: (n: number) => (n === 0 ? t('days.today') : n > 0 ? t('days.left', { count: n }) : t('days.over', { count: -n })),
    missing: (m: Missing) => t(`missing.${m.code}`, { doc: docName(m.documentType) }),
  };
}
