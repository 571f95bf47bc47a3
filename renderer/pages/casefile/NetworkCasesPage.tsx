// The "Netzwerk" area of a mediator's workspace: the cases firms shared with them (read-only; removed at their
// delete-by date, and the page says so), "Datei öffnen", a case's contents with its PDFs, the mediator's sessions
// (notes, both views, agreements) and the reply to the firm.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationCase } from '../../../shared/casefile';
import { formatDate, formatDateTime, toIsoDate } from '../../../shared/format';
import { call, openPdf, reserveViewer, saveFile } from '../../api';
import { ErrorBanner, FormActions, Notice, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { fileToBase64 } from '../language/util';

/** `filePath`: a .wbfall the desktop app was started with (double-click), handed over by the shell. */
export function NetworkCasesPage({ caseId, filePath }: { caseId?: number; filePath?: string }) {
  return caseId ? <CaseDetail key={caseId} id={caseId} /> : <CaseList {...(filePath ? { filePath } : {})} />;
}

function CaseList({ filePath }: { filePath?: string }) {
  const { t } = useTranslation('casefile');
  const data = useAsync(() => Promise.all([call('casefile.cases', {}), call('casefile.keys', {})]), []);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  async function open(file: File | undefined) {
    setError(null);
    setMessage(null);
    if (!file) return;
    try {
      const r = await call('casefile.open', { base64: await fileToBase64(file), ...(passphrase.trim() ? { passphrase } : {}) });
      setMessage(r.alreadyOpen ? t('cases.alreadyOpen') : t('cases.opened', { firm: r.case.firmName }));
      data.reload();
    } catch (e) {
      setError(e);
    }
  }
  async function openPath() {
    setError(null);
    setMessage(null);
    try {
      const r = await call('casefile.openPath', { path: filePath!, ...(passphrase.trim() ? { passphrase } : {}) });
      setMessage(r.alreadyOpen ? t('cases.alreadyOpen') : t('cases.opened', { firm: r.case.firmName }));
      data.reload();
    } catch (e) {
      setError(e);
    }
  }
  const saveKeyFile = () => call('casefile.keyFile', {}).then(saveFile, setError);
  return (
    <div className="page casefile-cases">
      <h1>{t('cases.title')}</h1>
      <p className="muted">{t('cases.intro')}</p>
      <div className="grid casefile-open">
        <TextField label={t('cases.passphrase')} name="passphrase" value={passphrase} onChange={setPassphrase} />
        {filePath ? (
          <div className="field">
            <p>{t('cases.fromFile', { name: filePath.split(/[\\/]/).pop() })}</p>
            <button type="button" className="primary" onClick={() => void openPath()}>
              {t('cases.openFile')}
            </button>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="casefile-file">{t('cases.open')}</label>
          <input id="casefile-file" type="file" accept=".wbfall" onChange={(e) => void open(e.target.files?.[0])} />
        </div>
      </div>
      {message ? <Notice>{message}</Notice> : null}
      <ErrorBanner error={error ?? data.error} />
      {data.data ? (
        <>
          {data.data[0].removed.map((r) => (
            <p key={r.uuid} className="banner banner-info">
              {t('cases.removed', { removed: formatDateTime(r.removedAt), subject: r.subject, firm: r.firmName, date: formatDate(r.deleteBy) })}
            </p>
          ))}
          {data.data[0].cases.length === 0 ? (
            <p className="empty">{t('cases.empty')}</p>
          ) : (
            <table className="data shared-cases">
              <thead>
                <tr>
                  <th>{t('cases.subject')}</th>
                  <th>{t('cases.firm')}</th>
                  <th>{t('cases.created')}</th>
                  <th>{t('cases.deleteBy')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.data[0].cases.map((c) => (
                  <tr key={c.id}>
                    <td>{c.subject}</td>
                    <td>{c.firmName}</td>
                    <td>{formatDate(c.created.slice(0, 10))}</td>
                    <td>{formatDate(c.deleteBy)}</td>
                    <td>
                      <a href={href(`/netzwerk/${c.id}`)}>{t('cases.details')}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="fingerprint">{t('cases.keys', { fingerprint: data.data[1].fingerprint })}</p>
          <button type="button" onClick={() => void saveKeyFile()}>
            {t('cases.keyFile')}
          </button>
        </>
      ) : null}
    </div>
  );
}

function CaseDetail({ id }: { id: number }) {
  const { t } = useTranslation('casefile');
  const { t: tn } = useTranslation('network');
  const data = useAsync(() => call('casefile.case', { id }), [id]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  if (data.error) return <ErrorBanner error={data.error} />;
  const c = data.data;
  if (!c) return null;
  const moderation = ((c.data['data/moderation.json'] as { items: ModerationCase[] } | undefined)?.items ?? []);
  async function openDoc(name: string) {
    const viewer = reserveViewer();
    try {
      await openPdf(await call('casefile.document', { id, name }), viewer);
    } catch (e) {
      viewer?.close();
      setError(e);
    }
  }
  async function reply() {
    setError(null);
    try {
      const r = await call('casefile.reply', { id });
      saveFile(r);
      setMessage(t('detail.replied', { file: r.fileName, sessions: r.sessions }));
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="page casefile-detail">
      <p>
        <a href={href('/netzwerk')}>{t('detail.back')}</a>
      </p>
      <h1>{c.subject}</h1>
      <p>{t('detail.shared', { firm: c.firmName, fingerprint: c.firmFingerprint, created: formatDateTime(c.created), recipient: c.recipient })}</p>
      <p className="muted">{t('detail.consent', { uuid: c.consentUuid, version: c.consentVersion, purpose: c.purpose })}</p>
      <p>{t('detail.period', { from: formatDate(c.periodFrom), to: formatDate(c.periodTo), deleteBy: formatDate(c.deleteBy) })}</p>
      <p>
        <strong>{t('detail.included')}:</strong> {c.included.map((k) => tn(`consents.dataCategories.${k}`)).join(', ')}
        <br />
        <strong>{t('detail.withheld')}:</strong> {c.withheld.map((k) => tn(`consents.dataCategories.${k}`)).join(', ')}
      </p>
      <ErrorBanner error={error} />
      {message ? <Notice>{message}</Notice> : null}

      <h2>{t('detail.documents')}</h2>
      <ul className="casefile-docs">
        {c.entries.filter((e) => e.name.startsWith('docs/')).map((e) => (
          <li key={e.name}>
            {e.name.slice(5)}{' '}
            <button type="button" className="link-button" onClick={() => void openDoc(e.name)}>
              {t('detail.openDoc')}
            </button>
          </li>
        ))}
      </ul>

      <h2>{t('detail.moderation')}</h2>
      {moderation.map((m) => (
        <section key={m.uuid} className="conflict-case" aria-label={m.occasion}>
          <h3>
            {tn(`cases.categories.${m.category}`)}: {m.occasion} ({formatDate(m.raisedOn)})
          </h3>
          {m.steps.map((s) => (
            <div key={s.uuid} className="conflict-step">
              <h4>
                {tn(`steps.kinds.${s.kind}`)} – {formatDate(s.heldOn)}
                {s.place ? `, ${s.place}` : ''}
                {s.byMediator ? ` (${t('detail.mediatorEntry')})` : ''}
              </h4>
              {s.facts ? <p>{s.facts}</p> : null}
              {s.views.map((v) => (
                <p key={v.uuid}>
                  <strong>{tn(`steps.sides.${v.side}`)}:</strong> {v.text}
                </p>
              ))}
              {s.agreements.length > 0 ? (
                <ul>
                  {s.agreements.map((a) => (
                    <li key={a.uuid}>
                      {a.what} – {a.who}, {formatDate(a.dueOn)}
                      {a.reviewOn ? ` (${tn('steps.reviewOn')} ${formatDate(a.reviewOn)})` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
        </section>
      ))}

      <div className="section-head">
        <h2>{t('detail.sessions')}</h2>
        {moderation.length > 0 ? (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            {t('detail.addSession')}
          </button>
        ) : null}
      </div>
      {c.sessions.length === 0 ? <p className="empty">{t('detail.noSessions')}</p> : null}
      <ul className="mediator-sessions">
        {c.sessions.map((s) => (
          <li key={s.id}>
            <strong>{formatDate(s.heldOn)}</strong>
            {s.place ? `, ${s.place}` : ''}: {s.notes}
            {s.agreements.length > 0 ? ` · ${t('detail.agreements')}: ${s.agreements.map((a) => `${a.what} (${a.who}, ${formatDate(a.dueOn)})`).join('; ')}` : ''}
          </li>
        ))}
      </ul>
      {adding ? <SessionForm caseId={id} moderation={moderation} onCancel={() => setAdding(false)} onDone={() => (setAdding(false), data.reload())} /> : null}
      {c.sessions.length > 0 ? (
        <button type="button" className="primary" onClick={() => void reply()}>
          {t('detail.writeReply')}
        </button>
      ) : null}
    </div>
  );
}

function SessionForm({ caseId, moderation, onDone, onCancel }: { caseId: number; moderation: ModerationCase[]; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('casefile');
  const [v, setV] = useState({ conflictCaseUuid: moderation[0]!.uuid, heldOn: toIsoDate(new Date()), place: '', notes: '', firmView: '', traineeView: '', what: '', who: '', dueOn: '', reviewOn: '' });
  const [error, setError] = useState<unknown>(null);
  const errors = useFieldErrors(error);
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const agreements = v.what.trim() ? [{ what: v.what, who: v.who, dueOn: v.dueOn, reviewOn: v.reviewOn || null }] : [];
      await call('casefile.saveSession', { sharedCaseId: caseId, conflictCaseUuid: v.conflictCaseUuid, heldOn: v.heldOn, place: v.place || null, notes: v.notes, firmView: v.firmView || null, traineeView: v.traineeView || null, agreements });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form session-form" aria-label={t('detail.addSession')}>
      <ErrorBanner error={error} />
      <div className="grid">
        <SelectField label={t('detail.case')} name="conflictCaseUuid" value={v.conflictCaseUuid} onChange={set('conflictCaseUuid')} options={moderation.map((m) => ({ value: m.uuid, label: m.occasion }))} />
        <TextField label={t('detail.heldOn')} type="date" name="heldOn" value={v.heldOn} onChange={set('heldOn')} error={errors.heldOn} />
        <TextField label={t('detail.place')} name="place" value={v.place} onChange={set('place')} error={errors.place} />
        <TextArea label={t('detail.notes')} name="notes" value={v.notes} onChange={set('notes')} error={errors.notes} />
        <TextArea label={t('detail.firmView')} name="firmView" value={v.firmView} onChange={set('firmView')} error={errors.firmView} rows={2} />
        <TextArea label={t('detail.traineeView')} name="traineeView" value={v.traineeView} onChange={set('traineeView')} error={errors.traineeView} rows={2} />
        <TextField label={t('detail.agreement')} name="what" value={v.what} onChange={set('what')} error={errors['agreements.0.what']} wide />
        <TextField label={t('detail.who')} name="who" value={v.who} onChange={set('who')} error={errors['agreements.0.who']} />
        <TextField label={t('detail.dueOn')} type="date" name="dueOn" value={v.dueOn} onChange={set('dueOn')} error={errors['agreements.0.dueOn']} />
        <TextField label={t('detail.reviewOn')} type="date" name="reviewOn" value={v.reviewOn} onChange={set('reviewOn')} error={errors['agreements.0.reviewOn']} />
      </div>
      <FormActions submit={t('detail.save')} onCancel={onCancel} />
    </form>
  );
}
