// Add, edit or renew a residence document, with its copy (scan). The file is read in the browser and sent as
// base64 with the call; the core checks its real type, size and content.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, MAX_COPY_BYTES, WORK_NOTES, type DocumentType, type ResidenceDocument, type WorkNote } from '../../../shared/immigration';
import { call } from '../../api';
import { ErrorBanner, Field, FormActions, SelectField, TextField, useFieldErrors } from '../../components/forms';

export type DocumentFormMode = { kind: 'create' } | { kind: 'edit'; doc: ResidenceDocument } | { kind: 'renew'; doc: ResidenceDocument };

interface State {
  type: string;
  typeDetail: string;
  number: string;
  authority: string;
  issuedOn: string;
  validUntil: string;
  workNote: string;
  workNoteText: string;
  residenceObligation: string;
  safeOrigin: boolean;
  fileNumber: string;
}

function initial(mode: DocumentFormMode): State {
  const d = mode.kind === 'create' ? null : mode.doc;
  const s = (v: string | null | undefined) => v ?? '';
  const renew = mode.kind === 'renew';
  return {
    type: s(d?.type),
    typeDetail: s(d?.typeDetail),
    number: renew ? '' : s(d?.number),
    authority: s(d?.authority),
    issuedOn: renew ? '' : s(d?.issuedOn),
    validUntil: renew ? '' : s(d?.validUntil),
    workNote: s(d?.workNote),
    workNoteText: s(d?.workNoteText),
    residenceObligation: s(d?.residenceObligation),
    safeOrigin: d?.safeOrigin ?? false,
    fileNumber: s(d?.fileNumber),
  };
}

/** The file's bytes as base64, without the "data:…;base64," prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function DocumentForm({ traineeId, mode, onDone, onCancel }: { traineeId: number; mode: DocumentFormMode; onDone: (d: ResidenceDocument) => void; onCancel: () => void }) {
  const { t } = useTranslation('immigration');
  const { t: tc } = useTranslation('common');
  const { t: te } = useTranslation('errors');
  const [f, setF] = useState<State>(() => initial(mode));
  const [file, setFile] = useState<File | null>(null);
  const [removeCopy, setRemoveCopy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error);
  const set = <K extends keyof State>(k: K) => (v: State[K]) => setF((s) => ({ ...s, [k]: v }));
  const opt = (v: string) => (v.trim() === '' ? null : v);
  const isPass = f.type === 'pass';

  function pickFile(list: FileList | null) {
    const picked = list?.[0] ?? null;
    setFileError(null);
    // Checked here too, so a huge file is not read and sent at all; the core checks again.
    if (picked && picked.size > MAX_COPY_BYTES) {
      setFile(null);
      setFileError(te('field.file_too_large', { maxMb: 20 }));
      return;
    }
    setFile(picked);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (fileError) return;
    setBusy(true);
    setError(null);
    try {
      const fields = {
        type: f.type as DocumentType,
        typeDetail: opt(f.typeDetail),
        number: opt(f.number),
        authority: opt(f.authority),
        issuedOn: opt(f.issuedOn),
        validUntil: opt(f.validUntil),
        workNote: isPass ? null : ((opt(f.workNote) as WorkNote | null) ?? null),
        workNoteText: isPass ? null : opt(f.workNoteText),
        residenceObligation: opt(f.residenceObligation),
        safeOrigin: f.type === 'aufenthaltsgestattung' && f.safeOrigin,
        fileNumber: opt(f.fileNumber),
      };
      const copy = file ? { fileName: file.name, base64: await readBase64(file) } : null;
      const saved =
        mode.kind === 'create'
          ? await call('documents.create', { traineeId, ...fields, copy })
          : mode.kind === 'edit'
            ? await call('documents.update', { id: mode.doc.id, ...fields, copy, removeCopy: removeCopy && !file })
            : await call('documents.renew', { replacesId: mode.doc.id, ...fields, copy });
      onDone(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const copyError = fileError ?? errors.copy ?? errors['copy.base64'] ?? errors['copy.fileName'];
  return (
    <form onSubmit={submit} noValidate className="form doc-form">
      {mode.kind === 'renew' ? <p className="muted">{t('docs.renewHint')}</p> : null}
      <ErrorBanner error={error} />
      <p className="hint privacy-hint">{t('form.privacy')}</p>
      <div className="grid">
        <SelectField
          name="type"
          label={t('form.type')}
          value={f.type}
          onChange={set('type')}
          error={errors.type}
          required
          options={[{ value: '', label: t('form.choose') }, ...DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`docTypes.${d}`) }))]}
        />
        {f.type === 'sonstiges' ? <TextField name="typeDetail" label={t('form.typeDetail')} value={f.typeDetail} onChange={set('typeDetail')} error={errors.typeDetail} required /> : null}
        <TextField name="number" label={t('form.number')} value={f.number} onChange={set('number')} error={errors.number} />
        <TextField name="authority" label={t('form.authority')} value={f.authority} onChange={set('authority')} error={errors.authority} />
        <TextField name="issuedOn" type="date" label={t('form.issuedOn')} value={f.issuedOn} onChange={set('issuedOn')} error={errors.issuedOn} />
        <TextField name="validUntil" type="date" label={t('form.validUntil')} value={f.validUntil} onChange={set('validUntil')} error={errors.validUntil} required={f.type !== 'sonstiges'} />
      </div>
      {isPass ? null : (
        <div className="grid">
          <SelectField
            name="workNote"
            label={t('form.workNote')}
            hint={t('form.workNoteHint')}
            value={f.workNote}
            onChange={set('workNote')}
            error={errors.workNote}
            required
            options={[{ value: '', label: t('form.choose') }, ...WORK_NOTES.map((n) => ({ value: n, label: t(`workNotes.${n}`) }))]}
          />
          <TextField name="workNoteText" label={t('form.workNoteText')} value={f.workNoteText} onChange={set('workNoteText')} error={errors.workNoteText} />
        </div>
      )}
      {f.type === 'aufenthaltsgestattung' ? (
        <label className="check">
          <input type="checkbox" name="safeOrigin" checked={f.safeOrigin} onChange={(e) => set('safeOrigin')(e.target.checked)} /> {t('form.safeOrigin')}
        </label>
      ) : null}
      <TextField name="residenceObligation" label={t('form.residenceObligation')} value={f.residenceObligation} onChange={set('residenceObligation')} error={errors.residenceObligation} wide />
      <TextField name="fileNumber" label={t('form.fileNumber')} value={f.fileNumber} onChange={set('fileNumber')} error={errors.fileNumber} />
      <Field label={t('form.copy')} hint={t('form.copyHint')} error={copyError ?? undefined} wide>
        {(a) => <input {...a} type="file" name="copy" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onChange={(e) => pickFile(e.target.files)} />}
      </Field>
      {mode.kind === 'edit' && mode.doc.copy ? (
        <div className="copy-current">
          <span className="muted">{t('form.currentCopy', { name: mode.doc.copy.fileName })}</span>
          <label className="check">
            <input type="checkbox" name="removeCopy" checked={removeCopy} onChange={(e) => setRemoveCopy(e.target.checked)} disabled={Boolean(file)} /> {t('form.removeCopy')}
          </label>
        </div>
      ) : null}
      <FormActions submit={busy ? tc('status.saving') : tc('actions.save')} onCancel={onCancel} disabled={busy} />
    </form>
  );
}
