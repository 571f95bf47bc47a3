// A list of deadlines: by when, for whom, what to do (with its legal source), and the action to take.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { Deadline } from '../../../shared/immigration';
import { Dialog } from '../../components/Dialog';
import { ExportButton } from '../../components/ExportButton';
import { href } from '../../router';
import { CompleteForm } from './CompleteForm';
import { SourceNote, useImmigrationText } from './text';

export function DeadlineTable({ items, showWho, onChanged, caption }: { items: Deadline[]; showWho: boolean; onChanged: () => void; caption?: string }) {
  const { t } = useTranslation('immigration');
  const text = useImmigrationText();
  const [completing, setCompleting] = useState<Deadline | null>(null);
  return (
    <>
      <table className="data deadlines">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t('dashboard.columns.due')}</th>
            {showWho ? (
              <th scope="col" className="col-who">
                {t('dashboard.columns.who')}
              </th>
            ) : null}
            <th scope="col">{t('dashboard.columns.what')}</th>
            <th scope="col">{t('dashboard.columns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.key} className={d.daysLeft < 0 ? 'deadline-overdue' : d.urgent ? 'deadline-urgent' : undefined} data-kind={d.kind}>
              <td className="nowrap">
                <strong>{formatDate(d.dueOn)}</strong>
                <br />
                <span className="days">{text.days(d.daysLeft)}</span>
              </td>
              {showWho ? (
                <td>
                  <a href={href(`/trainees/${d.traineeId}/documents`)}>
                    {d.lastName}, {d.firstName}
                  </a>
                </td>
              ) : null}
              <td>
                <span className="deadline-kind">{t(`kindShort.${d.kind}`)}</span>
                <br />
                {d.binding !== 'law' ? <span className={`pill binding-${d.binding}`}>{t(`binding.${d.binding}`)}</span> : null} {text.what(d)}
                <br />
                <SourceNote source={d.sourceText} uncertain={d.uncertain} />
              </td>
              <td>
                <div className="row-actions">
                  {d.kind === 'notify_end' ? <ExportButton request={{ kind: 'mitteilung-abh', traineeId: d.traineeId }} label={t('dashboard.letter')} /> : null}
                  <button type="button" onClick={() => setCompleting(d)} aria-label={`${t('dashboard.done')} ${t(`kindShort.${d.kind}`)} – ${d.lastName}, ${d.firstName}`}>
                    {t('dashboard.done')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog open={completing !== null} title={t('complete.title')} onClose={() => setCompleting(null)}>
        {completing ? (
          <>
            <p>
              <strong>{t(`kindShort.${completing.kind}`)}</strong> – {completing.lastName}, {completing.firstName}
            </p>
            <CompleteForm
              deadlineKey={completing.key}
              withVia={completing.kind === 'notify_end'}
              onDone={() => {
                setCompleting(null);
                onChanged();
              }}
              onCancel={() => setCompleting(null)}
            />
          </>
        ) : null}
      </Dialog>
    </>
  );
}
