// "Fallakte teilen" on the trainee's network tab: recipient from a valid consent, categories fixed by it (may be
// narrowed, never widened), period, PDFs, and the file's protection (a suggested passphrase of words, an own one,
// or the mediator's key file with its fingerprint). Also the import of a mediator's reply.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicKeys } from '../../../shared/casefile';
import { formatDate, toIsoDate } from '../../../shared/format';
import type { Consent, DataCategory } from '../../../shared/network';
import { addDays } from '../../../shared/trainingCalendar';
import { call, saveFile } from '../../api';
import { CheckboxGroup, ErrorBanner, FormActions, Notice, SelectField, TextField, useFieldErrors } from '../../components/forms';
import { fileToBase64 } from '../language/util';

const activeToday = (c: Consent, today: string) => c.revokedOn === null && c.givenOn <= today && (c.validUntil === null || c.validUntil >= today);

export function ShareCasefileForm({ traineeId, consents, onDone, onCancel }: { traineeId: number; consents: Consent[]; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('casefile');
  const { t: tn } = useTranslation('network');
  const today = toIsoDate(new Date());
  const valid = consents.filter((c) => activeToday(c, today));
  const [consentId, setConsentId] = useState(valid[0]?.id ?? 0);
  const consent = valid.find((c) => c.id === consentId);
  const [categories, setCategories] = useState<DataCategory[]>(consent?.categories ?? []);
  const [from, setFrom] = useState(addDays(today, -56));
  const [to, setTo] = useState(today);
  const [deleteBy, setDeleteBy] = useState('');
  const [pdfs, setPdfs] = useState(true);
  const [mode, setMode] = useState<'generated' | 'typed' | 'recipient'>('generated');
  const [asPdf, setAsPdf] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [keyFile, setKeyFile] = useState<{ text: string; keys: PublicKeys } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error);
  const suggest = () => call('casefile.passphrase', { forPdf: asPdf }).then((p) => setPassphrase(p.passphrase), setError);
  useEffect(() => {
    if (mode === 'generated') void suggest();
    else if (mode === 'typed') setPassphrase('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, asPdf]);
  if (valid.length === 0) return <p className="empty">{t('share.noConsent')}</p>;

  async function readKey(file: File | undefined) {
    setError(null);
    setKeyFile(null);
    if (!file) return;
    try {
      const text = await file.text();
      setKeyFile({ text, keys: await call('casefile.readKeyFile', { keyFile: text }) });
    } catch (e) {
      setError(e);
    }
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const encryption = mode === 'recipient' ? { mode: 'recipient' as const, keyFile: keyFile?.text ?? '' } : { mode: 'passphrase' as const, passphrase };
      const r = await call('casefile.export', { traineeId, consentId, from, to, categories, pdfs, deleteBy: deleteBy || null, format: asPdf ? 'pdf' : 'wbfall', encryption });
      saveFile(r);
      onDone(`${t('share.done', { file: r.fileName, date: formatDate(r.deleteBy) })}${r.fingerprint ? ` ${t('share.doneKey', { fingerprint: r.fingerprint })}` : ''}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form casefile-share">
      <p className="muted">{t('share.intro')}</p>
      <ErrorBanner error={error} />
      <div className="grid">
        <SelectField
          label={t('share.consent')}
          name="consent"
          value={String(consentId)}
          onChange={(v) => {
            setConsentId(Number(v));
            setCategories(valid.find((c) => c.id === Number(v))?.categories ?? []);
          }}
          options={valid.map((c) => ({ value: String(c.id), label: `${c.recipient} – ${c.purpose}` }))}
          error={errors.consentId}
        />
        <CheckboxGroup legend={t('share.categories')} name="categories" value={categories} onChange={setCategories}
          options={(consent?.categories ?? []).map((k) => ({ value: k, label: tn(`consents.dataCategories.${k}`) }))} error={errors.categories} />
        <TextField label={t('share.from')} type="date" name="from" value={from} onChange={setFrom} error={errors.from} />
        <TextField label={t('share.to')} type="date" name="to" value={to} onChange={setTo} error={errors.to} />
        <TextField label={t('share.deleteBy')} type="date" name="deleteBy" value={deleteBy} onChange={setDeleteBy} error={errors.deleteBy} wide />
        <label className="check field-wide">
          <input type="checkbox" name="pdfs" checked={pdfs} onChange={(e) => setPdfs(e.target.checked)} /> {t('share.pdfs')}
        </label>
        <label className="check field-wide">
          <input
            type="checkbox"
            name="asPdf"
            checked={asPdf}
            onChange={(e) => {
              setAsPdf(e.target.checked);
              if (e.target.checked && mode === 'recipient') setMode('generated');
            }}
          />{' '}
          {t('share.asPdf')}
        </label>
        <fieldset className="field field-wide">
          <legend>{t('share.mode')}</legend>
          {(['generated', 'typed', 'recipient'] as const).filter((m) => !asPdf || m !== 'recipient').map((m) => (
            <label key={m} className="check">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`share.modes.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'recipient' ? (
          <div className="field field-wide">
            <label htmlFor="casefile-keyfile">{t('share.keyFile')}</label>
            <input id="casefile-keyfile" type="file" accept=".json,application/json" onChange={(e) => void readKey(e.target.files?.[0])} />
            {keyFile ? <p className="fingerprint">{t('share.keyOf', { name: keyFile.keys.name, fingerprint: keyFile.keys.fingerprint })}</p> : null}
          </div>
        ) : (
          <>
            <TextField label={t('share.passphrase')} name="passphrase" value={passphrase} onChange={setPassphrase} hint={t('share.passphraseHint')} error={errors['encryption.passphrase']} wide />
            {mode === 'generated' ? (
              <button type="button" onClick={() => void suggest()}>
                {t('share.newPassphrase')}
              </button>
            ) : null}
          </>
        )}
      </div>
      <FormActions submit={t('share.submit')} onCancel={onCancel} disabled={busy} />
    </form>
  );
}

/** At the firm: imports a mediator's reply (a .wbfall of kind "reply") into the moderation log. */
export function ImportReply({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('casefile');
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  async function pick(file: File | undefined) {
    setError(null);
    setMessage(null);
    if (!file) return;
    try {
      const r = await call('casefile.import', { base64: await fileToBase64(file) });
      setMessage(r.alreadyImported ? t('reply.already') : t('reply.imported', { mediator: r.mediator, sessions: r.sessions, agreements: r.agreements }));
      onDone();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="casefile-import">
      <label htmlFor="casefile-reply">{t('reply.import')}</label>{' '}
      <input id="casefile-reply" type="file" accept=".wbfall" onChange={(e) => void pick(e.target.files?.[0])} />
      {message ? <Notice>{message}</Notice> : null}
      <ErrorBanner error={error} />
    </div>
  );
}
