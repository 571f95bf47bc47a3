// Einstellungen → Sicherungen: make a complete backup, list the backups (date, kind, size, app version), restore
// one of them or a file, and set how many automatic backups are kept. A restore keeps the current state as a
// backup first and reloads the window on the restored workspace.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { MAX_UPLOAD_BACKUP_BYTES, type BackupEntry, type BackupRetention } from '../../shared/system';
import { call } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorBanner, FormActions, Notice, TextField, useFieldErrors } from '../components/forms';
import { useAsync } from '../useAsync';
import { fileToBase64, mb } from './language/util';

type Pending = { name: string; label: string } | { file: File; label: string };

export function BackupSection() {
  const { t } = useTranslation('settings');
  const list = useAsync(() => call('system.backups'), []);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  async function backup() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const b = await call('system.backup');
      setNotice(t('backups.done', { name: b.name, count: b.files }));
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function restore(p: Pending) {
    setBusy(true);
    setError(null);
    try {
      if ('name' in p) await call('system.restore', { name: p.name });
      else await call('system.restore', { fileName: p.file.name, base64: await fileToBase64(p.file) });
      // Everything the window shows came from the replaced workspace: start over on the restored one.
      window.location.reload();
    } catch (e) {
      setError(e);
      setPending(null);
      setBusy(false);
    }
  }

  function chooseFile(file: File | null) {
    setError(null);
    if (!file) return;
    if (file.size > MAX_UPLOAD_BACKUP_BYTES) {
      setNotice(t('backups.tooLarge', { sizeMb: mb(file.size), maxMb: mb(MAX_UPLOAD_BACKUP_BYTES) }));
      return;
    }
    setPending({ file, label: file.name });
  }

  const kindLabel = (b: BackupEntry) => t(`backups.kinds.${b.kind}`);
  return (
    <fieldset>
      <legend>{t('backups.title')}</legend>
      <p className="muted">{t('backups.hint')}</p>
      <ErrorBanner error={error ?? list.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      <div className="actions">
        <button type="button" className="primary" onClick={backup} disabled={busy}>
          {t('backup')}
        </button>
        <label className="button">
          {t('backups.fromFile')}
          <input type="file" accept=".wbbackup,.sqlite" className="visually-hidden" disabled={busy} onChange={(e) => chooseFile(e.target.files?.[0] ?? null)} />
        </label>
      </div>
      {list.data ? (
        <>
          {list.data.backups.length === 0 ? (
            <p>{t('backups.none')}</p>
          ) : (
            <table className="data backups">
              <caption className="visually-hidden">{t('backups.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('backups.date')}</th>
                  <th scope="col">{t('backups.kind')}</th>
                  <th scope="col">{t('backups.content')}</th>
                  <th scope="col">{t('backups.size')}</th>
                  <th scope="col">{t('backups.appVersion')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('backups.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.backups.map((b) => (
                  <tr key={b.name} data-kind={b.kind}>
                    <td>{formatDateTime(b.createdAt)}</td>
                    <td>{kindLabel(b)}</td>
                    <td>{b.format === 'zip' ? t('backups.withFiles', { count: b.files }) : t('backups.dbOnly')}</td>
                    <td>{formatNumber(b.bytes / 1024 / 1024, 1)} MB</td>
                    <td>{b.appVersion ?? '–'}</td>
                    <td>
                      <button type="button" disabled={busy} onClick={() => setPending({ name: b.name, label: `${kindLabel(b)}, ${formatDateTime(b.createdAt)}` })}>
                        {t('backups.restore')}
                        <span className="visually-hidden"> {formatDateTime(b.createdAt)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <RetentionForm retention={list.data.retention} onSaved={list.reload} />
        </>
      ) : null}
      <Dialog open={pending !== null} title={t('backups.confirmTitle')} onClose={() => setPending(null)}>
        {pending ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void restore(pending);
            }}
          >
            <p>{t('backups.confirmText', { label: pending.label })}</p>
            <FormActions submit={busy ? t('backups.restoring') : t('backups.confirm')} onCancel={() => setPending(null)} danger disabled={busy} />
          </form>
        ) : null}
      </Dialog>
    </fieldset>
  );
}

function RetentionForm({ retention, onSaved }: { retention: BackupRetention; onSaved: () => void }) {
  const { t } = useTranslation('settings');
  const [f, setF] = useState({ daily: String(retention.daily), weekly: String(retention.weekly), monthly: String(retention.monthly) });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors(error);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const num = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : (v as unknown as number));
      await call('system.backupRetention', { daily: num(f.daily), weekly: num(f.weekly), monthly: num(f.monthly) });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} className="retention" noValidate>
      <h3>{t('backups.retention')}</h3>
      <p className="muted">{t('backups.retentionHint', { date: formatDate(retention.automaticUntil), count: retention.manualCount })}</p>
      <ErrorBanner error={error} />
      {saved ? <Notice>{t('backups.retentionSaved')}</Notice> : null}
      <div className="grid">
        {(['daily', 'weekly', 'monthly'] as const).map((k) => (
          <TextField key={k} name={k} label={t(`backups.keep.${k}`)} value={f[k]} onChange={(v) => setF({ ...f, [k]: v })} error={errors[k]} />
        ))}
      </div>
      <div className="actions">
        <button type="submit">{t('backups.retentionSave')}</button>
      </div>
    </form>
  );
}
