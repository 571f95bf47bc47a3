// The trainee's "Dokumente" tab: may they train today, the documents with state and copy, renewal history,
// what is missing, open deadlines, the letters, the institutions involved, and deleting copies after the end.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, toIsoDate } from '../../../shared/format';
import type { ResidenceDocument } from '../../../shared/immigration';
import type { Trainee } from '../../../shared/trainees';
import { call, saveFile } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ExportButton } from '../../components/ExportButton';
import { ErrorBanner, FormActions, Notice, TextField, useFieldErrors } from '../../components/forms';
import { useAsync } from '../../useAsync';
import { WhoField } from './CompleteForm';
import { DeadlineTable } from './DeadlineTable';
import { DocumentForm, type DocumentFormMode } from './DocumentForm';
import { TraineeContacts } from './TraineeContacts';
import { SourceNote, useImmigrationText } from './text';

type DialogState = { kind: 'form'; mode: DocumentFormMode } | { kind: 'applied'; doc: ResidenceDocument } | { kind: 'delete'; doc: ResidenceDocument } | { kind: 'copies' } | null;

export function DocumentsTab({ trainee, reload }: { trainee: Trainee; reload: () => void }) {
  const { t } = useTranslation('immigration');
  const { t: tc } = useTranslation('common');
  const text = useImmigrationText();
  const ov = useAsync(() => call('documents.list', { traineeId: trainee.id }), [trainee.id]);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [withReason, setWithReason] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => {
    ov.reload();
    // The banner under the trainee's name answers "may train today?" again.
    reload();
  };
  const close = () => setDialog(null);
  const data = ov.data;
  if (ov.error) return <ErrorBanner error={ov.error} />;
  if (!data) return <p className="muted">{tc('status.loading')}</p>;
  const current = data.documents.filter((d) => d.state !== 'replaced');
  const history = data.documents.filter((d) => d.state === 'replaced');
  const m = data.mayTrain;
  const ok = m.verdict === 'allowed' || (m.verdict === 'not_started' && (m.reason === 'allowed' || m.reason === 'allowed_continuing'));
  const name = (d: ResidenceDocument) => text.docName(d.type, d.typeDetail);

  async function openCopy(d: ResidenceDocument) {
    setError(null);
    try {
      saveFile(await call('documents.copy', { id: d.id }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="documents-tab">
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorBanner error={error} />
      {m.verdict !== 'ended' ? (
        <section className={`card may-train-card ${ok ? 'card-ok' : m.verdict === 'unclear' ? 'card-warn' : 'card-danger'}`} aria-labelledby="may-train-title">
          <h2 id="may-train-title">{m.verdict === 'not_started' ? t('docs.mayTrainAtStart', { date: formatDate(m.date) }) : t('docs.mayTrainTitle')}</h2>
          <p>{text.reason(m)}</p>
          <SourceNote source={m.source} uncertain={m.uncertain} />
        </section>
      ) : null}
      {trainee.scheduledEnd && current.some((d) => d.copy) ? (
        <p className="muted small" data-testid="keep-copies">
          {t('docs.keepCopies', { date: formatDate(trainee.scheduledEnd.date) })} {text.loc(data.retention)}
        </p>
      ) : null}
      {data.proposeDeleteCopies ? (
        <div className="banner banner-warn privacy-banner">
          <p>
            {t('docs.privacy')} <small>{text.loc(data.retention)}</small>
          </p>
          <button type="button" className="danger" onClick={() => setDialog({ kind: 'copies' })}>
            {t('docs.deleteCopies')}
          </button>
        </div>
      ) : null}

      <section aria-labelledby="docs-title">
        <div className="section-head">
          <h2 id="docs-title">{t('docs.title')}</h2>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'form', mode: { kind: 'create' } })}>
            {t('docs.add')}
          </button>
        </div>
        {current.length === 0 ? <p className="empty">{t('docs.empty')}</p> : <DocTable docs={current} onAction={setDialog} onCopy={openCopy} name={name} />}
        {history.length > 0 ? (
          <details className="history">
            <summary>{t('docs.history', { count: history.length })}</summary>
            <DocTable docs={history} onAction={setDialog} onCopy={openCopy} name={name} />
          </details>
        ) : null}
      </section>

      <div className="cards">
        <section className="card" aria-labelledby="missing-title">
          <h2 id="missing-title">{t('docs.missing')}</h2>
          {data.missing.length === 0 ? (
            <p>{t('docs.nothingMissing')}</p>
          ) : (
            <ul className="missing-list">
              {data.missing.map((x, i) => (
                <li key={`${x.code}-${x.documentId ?? i}`}>
                  {text.missing(x)} <SourceNote source={x.source} uncertain={x.uncertain} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="exports-title">
          <h2 id="exports-title">{t('docs.exports')}</h2>
          <div className="actions">
            {data.deadlines.some((d) => d.kind === 'notify_end') || trainee.status === 'ended_early' ? (
              <>
                <ExportButton request={{ kind: 'mitteilung-abh', traineeId: trainee.id, withReason }} label={t('docs.exportMitteilung')} className="primary" />
                <label className="check">
                  <input type="checkbox" checked={withReason} onChange={(e) => setWithReason(e.target.checked)} /> {t('docs.withReason')}
                </label>
              </>
            ) : null}
            <ExportButton request={{ kind: 'dokumentenstand', traineeId: trainee.id }} label={t('docs.exportStand')} />
            <ExportButton request={{ kind: 'ausbildungsbestaetigung', traineeId: trainee.id }} label={t('docs.exportBestaetigung')} />
          </div>
        </section>
      </div>

      <section aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">{t('docs.deadlines')}</h2>
        {data.deadlines.length === 0 ? <p className="muted">{t('docs.noDeadlines')}</p> : <DeadlineTable items={data.deadlines} showWho={false} onChanged={refresh} />}
      </section>

      <TraineeContacts traineeId={trainee.id} />
      <p className="muted small">{t('notLegalAdvice')}</p>

      <Dialog
        open={dialog?.kind === 'form'}
        title={dialog?.kind === 'form' ? (dialog.mode.kind === 'create' ? t('docs.addTitle') : dialog.mode.kind === 'edit' ? t('docs.editTitle') : t('docs.renewTitle', { doc: name(dialog.mode.doc) })) : ''}
        onClose={close}
      >
        {dialog?.kind === 'form' ? (
          <DocumentForm
            traineeId={trainee.id}
            mode={dialog.mode}
            onDone={() => {
              close();
              setNotice(t('docs.saved'));
              refresh();
            }}
            onCancel={close}
          />
        ) : null}
      </Dialog>
      <Dialog open={dialog?.kind === 'applied'} title={t('docs.renewalAppliedTitle')} onClose={close}>
        {dialog?.kind === 'applied' ? (
          <RenewalAppliedForm
            doc={dialog.doc}
            onDone={() => {
              close();
              refresh();
            }}
            onCancel={close}
          />
        ) : null}
      </Dialog>
      <Dialog open={dialog?.kind === 'delete'} title={dialog?.kind === 'delete' ? t('docs.deleteTitle', { doc: name(dialog.doc) }) : ''} onClose={close}>
        <p>{t('docs.deleteText')}</p>
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={async () => {
              if (dialog?.kind !== 'delete') return;
              setError(null);
              try {
                await call('documents.delete', { id: dialog.doc.id });
                refresh();
              } catch (e) {
                setError(e);
              }
              close();
            }}
          >
            {t('docs.deleteConfirm')}
          </button>
          <button type="button" onClick={close}>
            {tc('actions.cancel')}
          </button>
        </div>
      </Dialog>
      <Dialog open={dialog?.kind === 'copies'} title={t('docs.deleteCopiesTitle')} onClose={close}>
        <p>{t('docs.deleteCopiesText', { name: `${trainee.firstName} ${trainee.lastName}` })}</p>
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={async () => {
              setError(null);
              try {
                const r = await call('documents.deleteCopies', { traineeId: trainee.id });
                setNotice(t('docs.copiesDeleted', { count: r.deleted }));
                refresh();
              } catch (e) {
                setError(e);
              }
              close();
            }}
          >
            {t('docs.deleteCopiesConfirm')}
          </button>
          <button type="button" onClick={close}>
            {tc('actions.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

function DocTable({
  docs,
  onAction,
  onCopy,
  name,
}: {
  docs: ResidenceDocument[];
  onAction: (d: DialogState) => void;
  onCopy: (d: ResidenceDocument) => void;
  name: (d: ResidenceDocument) => string;
}) {
  const { t } = useTranslation('immigration');
  return (
    <table className="data documents">
      <thead>
        <tr>
          <th scope="col">{t('docs.columns.doc')}</th>
          <th scope="col">{t('docs.columns.validity')}</th>
          <th scope="col">{t('docs.columns.state')}</th>
          <th scope="col">{t('docs.columns.note')}</th>
          <th scope="col">{t('docs.columns.next')}</th>
          <th scope="col">{t('docs.columns.copy')}</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d) => (
          <tr key={d.id} data-state={d.state}>
            <td>
              <strong>{name(d)}</strong>
              {d.number ? <div className="muted">{d.number}</div> : null}
              {d.authority ? <div className="muted small">{d.authority}</div> : null}
              {d.state !== 'replaced' ? (
                <div className="row-actions">
                  <button type="button" onClick={() => onAction({ kind: 'form', mode: { kind: 'edit', doc: d } })} aria-label={`${t('docs.edit')}: ${name(d)}`}>
                    {t('docs.edit')}
                  </button>
                  <button type="button" onClick={() => onAction({ kind: 'form', mode: { kind: 'renew', doc: d } })} aria-label={`${t('docs.renew')}: ${name(d)}`}>
                    {t('docs.renew')}
                  </button>
                  {d.validUntil && !d.renewalAppliedOn ? (
                    <button type="button" onClick={() => onAction({ kind: 'applied', doc: d })} aria-label={`${t('docs.renewalApplied')} ${name(d)}`}>
                      {/* § 104c cannot be extended: what is applied for is another title (§ 25a, § 25b …). */}
                      {d.type === 'chancen_104c' ? t('docs.otherTitleApplied') : t('docs.renewalApplied')}
                    </button>
                  ) : null}
                  <button type="button" className="danger" onClick={() => onAction({ kind: 'delete', doc: d })} aria-label={`${t('docs.delete')}: ${name(d)}`}>
                    {t('docs.delete')}
                  </button>
                </div>
              ) : null}
            </td>
            <td className="nowrap">{d.issuedOn ? t('docs.validity', { from: formatDate(d.issuedOn), to: formatDate(d.validUntil) || '—' }) : d.validUntil ? t('docs.validUntil', { date: formatDate(d.validUntil) }) : '—'}</td>
            <td>
              <span className={`pill state-${d.state}${d.urgent ? ' state-urgent' : ''}`}>{t(`states.${d.state}`)}</span>
              {d.renewalAppliedOn ? <div className="muted small">{t('docs.appliedOn', { date: formatDate(d.renewalAppliedOn) })}</div> : null}
            </td>
            <td>
              {d.workNote ? t(`workNotes.${d.workNote}`) : '—'}
              {d.workNoteText ? <div className="muted small">{d.workNoteText}</div> : null}
              {d.residenceObligation ? <div className="muted small">{d.residenceObligation}</div> : null}
            </td>
            <td>{d.nextDeadline ? `${t(`kindShort.${d.nextDeadline.kind}`)}: ${formatDate(d.nextDeadline.dueOn)}` : '—'}</td>
            <td>
              {d.copy ? (
                <button type="button" className="link-button" onClick={() => onCopy(d)} aria-label={`${t('docs.openCopy')}: ${d.copy.fileName}`}>
                  {t('docs.openCopy')}
                </button>
              ) : (
                <span className="muted">{t('docs.noCopy')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RenewalAppliedForm({ doc, onDone, onCancel }: { doc: ResidenceDocument; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('immigration');
  const { t: tc } = useTranslation('common');
  const [appliedOn, setAppliedOn] = useState(toIsoDate(new Date()));
  const [doneBy, setDoneBy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = useFieldErrors(error);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await call('documents.renewalApplied', { id: doc.id, appliedOn, doneBy });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorBanner error={error} />
      <TextField name="appliedOn" type="date" label={t('docs.appliedOnLabel')} value={appliedOn} onChange={setAppliedOn} error={errors.appliedOn} required />
      <WhoField label={t('complete.doneBy')} value={doneBy} onChange={setDoneBy} error={errors.doneBy} />
      <FormActions submit={tc('actions.save')} onCancel={onCancel} />
    </form>
  );
}
