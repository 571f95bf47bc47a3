import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatEuro, formatNumber, toIsoDate } from '../../shared/format';
import type { EndNotice } from '../../shared/immigration';
import type { Trainee } from '../../shared/trainees';
import { call } from '../api';
import { Dialog } from '../components/Dialog';
import { ExportButton } from '../components/ExportButton';
import { ErrorBanner, FormActions, Notice, TextArea, TextField, useFieldErrors } from '../components/forms';
import { navigate } from '../router';
import { useAsync } from '../useAsync';
import { CompleteForm } from './immigration/CompleteForm';
import { SourceNote } from './immigration/text';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children || '—'}</dd>
    </>
  );
}

export function TraineeOverview({ trainee: tr, reload }: { trainee: Trainee; reload: () => void }) {
  const { t } = useTranslation('trainees');
  const { t: tc } = useTranslation('common');
  const [dialog, setDialog] = useState<null | 'end' | 'delete'>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const langs = (l: string[]) => l.map((c) => tc(`languages.${c}` as 'languages.de')).join(', ');
  return (
    <div className="overview">
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorBanner error={error} />
      <div className="cards">
        <section className="card">
          <h2>{t('sections.person')}</h2>
          <dl>
            <Row label={t('fields.dateOfBirth')}>{formatDate(tr.dateOfBirth)}</Row>
            <Row label={t('fields.nationality')}>{tr.nationality}</Row>
            <Row label={t('fields.firstLanguages')}>{langs(tr.firstLanguages)}</Row>
            <Row label={t('fields.otherLanguages')}>{langs(tr.otherLanguages)}</Row>
            <Row label={t('fields.germanLevel')}>
              {tr.germanLevel ? `${tr.germanLevel}${tr.germanLevelDate ? ` (${formatDate(tr.germanLevelDate)})` : ''}${tr.germanLevelSource ? ` – ${tr.germanLevelSource}` : ''}` : ''}
            </Row>
            <Row label={t('fields.phone')}>{tr.phone}</Row>
            <Row label={t('fields.email')}>{tr.email}</Row>
            <Row label={t('fields.address')}>{tr.address}</Row>
          </dl>
        </section>
        <section className="card">
          <h2>{t('sections.contract')}</h2>
          <dl>
            <Row label={t('fields.occupationId')}>{tr.occupationName}</Row>
            <Row label={t('fields.contractStart')}>{formatDate(tr.contractStart)}</Row>
            <Row label={t('fields.contractEndPlanned')}>{formatDate(tr.contractEndPlanned)}</Row>
            <Row label={t('fields.probationMonths')}>{tr.probationMonths}</Row>
            <Row label={t('fields.weeklyHours')}>{formatNumber(tr.weeklyHours)}</Row>
            <Row label={t('fields.schoolDays')}>{tr.schoolDays.map((d) => tc(`weekdays.${d}` as 'weekdays.1')).join(', ')}</Row>
            <Row label={t('fields.payPerYear')}>
              {tr.payPerYear.length > 0
                ? tr.payPerYear.map((p, i) => (
                    <span key={i} className="line">
                      {t('fields.payYear', { n: i + 1 })}: {formatEuro(p)}
                    </span>
                  ))
                : null}
            </Row>
            <Row label={t('fields.chamberRegistrationDate')}>
              {[formatDate(tr.chamberRegistrationDate), tr.chamberRegistrationNo].filter(Boolean).join(' · ')}
            </Row>
            <Row label={t('fields.status')}>
              {t(`statusLabel.${tr.status}`)}
              {tr.endedOn ? ` (${formatDate(tr.endedOn)}${tr.endReason ? `: ${tr.endReason}` : ''})` : ''}
              {tr.scheduledEnd ? ` – ${t('end.scheduled', { date: formatDate(tr.scheduledEnd.date) })}${tr.endReason ? ` (${tr.endReason})` : ''}` : ''}
            </Row>
          </dl>
        </section>
      </div>
      <section className="card">
        <h2>{t('sections.experience')}</h2>
        <p className="prewrap">{tr.priorExperience || t('notSet')}</p>
        {tr.notes ? (
          <>
            <h3>{t('sections.notes')}</h3>
            <p className="prewrap">{tr.notes}</p>
          </>
        ) : null}
      </section>
      <div className="actions">
        <ExportButton request={{ kind: 'stammblatt', traineeId: tr.id }} label={t('exportStammblatt')} />
        {tr.status === 'active' && !tr.scheduledEnd ? (
          <button type="button" onClick={() => setDialog('end')}>
            {t('end.button')}
          </button>
        ) : (
          <button
            type="button"
            onClick={async () => {
              setError(null);
              try {
                await call('trainees.reopen', { id: tr.id });
                reload();
              } catch (e) {
                setError(e);
              }
            }}
          >
            {tr.scheduledEnd ? t('end.cancelScheduled') : t('end.reopen')}
          </button>
        )}
        <button type="button" className="danger" onClick={() => setDialog('delete')}>
          {t('delete.button')}
        </button>
      </div>
      <Dialog open={dialog === 'end'} title={t('end.title')} onClose={() => setDialog(null)}>
        <EndTrainingForm
          trainee={tr}
          onDone={(message) => {
            setDialog(null);
            setNotice(message);
            reload();
          }}
          onCancel={() => setDialog(null)}
        />
      </Dialog>
      <Dialog open={dialog === 'delete'} title={t('delete.title', { name: `${tr.firstName} ${tr.lastName}` })} onClose={() => setDialog(null)}>
        <DeleteForm trainee={tr} onCancel={() => setDialog(null)} />
      </Dialog>
    </div>
  );
}

/**
 * Ending a training: kind, last day (a day in the future is recorded in advance), the day the firm learned of it, the
 * reason. Before confirming it says what must be sent to which Ausländerbehörde, by when and why; afterwards it offers
 * the letter at once and records when and how it was sent.
 */
function EndTrainingForm({ trainee, onDone, onCancel }: { trainee: Trainee; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('trainees');
  const { t: tc } = useTranslation('common');
  const [kind, setKind] = useState<'regular' | 'early'>('early');
  const [date, setDate] = useState(toIsoDate(new Date()));
  const [knownOn, setKnownOn] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [recorded, setRecorded] = useState<{ date: string } | null>(null);
  const [sending, setSending] = useState(false);
  const errors = useFieldErrors(error);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && (knownOn === '' || /^\d{4}-\d{2}-\d{2}$/.test(knownOn));
  const preview = useAsync(
    () => (valid ? call('immigration.endNotice', { traineeId: trainee.id, kind, date, knownOn: knownOn || null }) : Promise.resolve(null)),
    [trainee.id, kind, date, knownOn, valid],
  );
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      await call('trainees.end', { id: trainee.id, kind, date, reason: reason || null, knownOn: knownOn || null });
      if (preview.data?.due) setRecorded({ date });
      else onDone(t('end.done'));
    } catch (err) {
      setError(err);
    }
  }
  if (recorded) {
    const key = `notify_end:${trainee.id}:-:${recorded.date}`;
    return (
      <div className="form end-notice-next">
        <p>{t('end.notice.next')}</p>
        {preview.data ? <NoticeSummary notice={preview.data} /> : null}
        {sending ? (
          <CompleteForm deadlineKey={key} withVia onDone={() => onDone(t('end.notice.sent'))} onCancel={() => setSending(false)} />
        ) : (
          <div className="actions">
            <ExportButton request={{ kind: 'mitteilung-abh', traineeId: trainee.id }} label={t('end.notice.letter')} className="primary" />
            <button type="button" onClick={() => setSending(true)}>
              {t('end.notice.recordSent')}
            </button>
            <button type="button" onClick={() => onDone(t('end.done'))}>
              {t('end.notice.later')}
            </button>
          </div>
        )}
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorBanner error={error} />
      <fieldset className="field">
        <legend>{t('end.kind')}</legend>
        {(['early', 'regular'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`end.${k}`)}
          </label>
        ))}
      </fieldset>
      <TextField name="endDate" type="date" label={t('end.date')} value={date} onChange={setDate} error={errors.date} required />
      {valid && date > toIsoDate(new Date()) ? <p className="hint">{t('end.future')}</p> : null}
      <TextField name="knownOn" type="date" label={t('end.knownOn')} hint={t('end.knownOnHint')} value={knownOn} onChange={setKnownOn} error={errors.knownOn} />
      <TextArea name="endReason" label={t('end.reason')} value={reason} onChange={setReason} error={errors.reason} rows={3} />
      {preview.data ? <NoticeSummary notice={preview.data} /> : null}
      <FormActions submit={tc('actions.confirm')} onCancel={onCancel} />
    </form>
  );
}

/** What must be sent, to whom, by when and why (with the rule's source and, where uncertain, the visible mark). */
function NoticeSummary({ notice: n }: { notice: EndNotice }) {
  const { t } = useTranslation('trainees');
  const authority = n.authority ? [n.authority.organisation, n.authority.city].filter(Boolean).join(', ') : t('end.notice.noAuthority');
  return (
    <section className={`card ${n.due ? 'card-warn' : ''} end-notice`} aria-labelledby="end-notice-title" data-testid="end-notice">
      <h3 id="end-notice-title">{t('end.notice.title')}</h3>
      {n.due ? (
        <>
          <p>
            {n.binding === 'law'
              ? t('end.notice.due', { authority, date: formatDate(n.dueOn), cite: n.cite ?? '' })
              : t('end.notice.recommended', { authority, date: formatDate(n.dueOn) })}
          </p>
          {n.from === 'knowledge' && n.fromOn ? <p>{t('end.notice.fromKnowledge', { days: n.days, date: formatDate(n.fromOn) })}</p> : null}
          <p className="muted small">{t('end.notice.content')}</p>
          <SourceNote source={n.source} uncertain={n.uncertain} />
        </>
      ) : (
        <p>{t('end.notice.none')}</p>
      )}
    </section>
  );
}

function DeleteForm({ trainee, onCancel }: { trainee: Trainee; onCancel: () => void }) {
  const { t } = useTranslation('trainees');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(null);
  const matches = typed.trim() === trainee.lastName;
  const backups = useAsync(() => call('system.backups'), []);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!matches) return;
    try {
      await call('trainees.delete', { id: trainee.id });
      navigate('/trainees');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} className="form">
      <p>{t('delete.text')}</p>
      {backups.data ? (
        <p className="muted" data-testid="delete-backups">
          {t('delete.backups', { date: formatDate(backups.data.retention.automaticUntil), count: backups.data.retention.manualCount })}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      <TextField name="confirmName" label={t('delete.typeName', { name: trainee.lastName })} value={typed} onChange={setTyped} />
      <FormActions submit={t('delete.confirm')} onCancel={onCancel} danger disabled={!matches} />
    </form>
  );
}
