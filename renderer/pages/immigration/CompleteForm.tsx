// Records a deadline (or a renewal application) as done: on which day, by whom, with a note.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../../shared/format';
import { call } from '../../api';
import { DONE_VIA } from '../../../shared/immigration';
import { ErrorBanner, Field, FormActions, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';
import { useAsync } from '../../useAsync';

/** "Who": free text with the firm's trainers as suggestions. */
export function WhoField({ value, onChange, error, label }: { value: string; onChange: (v: string) => void; error?: string | undefined; label: string }) {
  const listId = useId();
  const firm = useAsync(() => call('firm.get'), []);
  return (
    <Field label={label} error={error} required>
      {(a) => (
        <>
          <input {...a} name="doneBy" list={listId} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
          <datalist id={listId}>
            {(firm.data?.trainers ?? []).map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

/** Records a deadline as done; for the notice also how it was sent (`withVia`). */
export function CompleteForm({ deadlineKey, onDone, onCancel, withVia = false }: { deadlineKey: string; onDone: () => void; onCancel: () => void; withVia?: boolean }) {
  const { t } = useTranslation('immigration');
  const [via, setVia] = useState<string>(withVia ? 'post' : '');
  const [doneOn, setDoneOn] = useState(toIsoDate(new Date()));
  const [doneBy, setDoneBy] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = useFieldErrors(error);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await call('deadlines.complete', { key: deadlineKey, doneOn, doneBy, note: note || null, via: (via || null) as (typeof DONE_VIA)[number] | null });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorBanner error={error} />
      <TextField name="doneOn" type="date" label={withVia ? t('complete.sentOn') : t('complete.doneOn')} value={doneOn} onChange={setDoneOn} error={errors.doneOn} required />
      {withVia ? (
        <SelectField
          name="via"
          label={t('complete.via')}
          value={via}
          onChange={setVia}
          error={errors.via}
          required
          options={DONE_VIA.map((v) => ({ value: v, label: t(`complete.vias.${v}`) }))}
        />
      ) : null}
      <WhoField label={t('complete.doneBy')} value={doneBy} onChange={setDoneBy} error={errors.doneBy} />
      <TextArea name="note" label={t('complete.note')} value={note} onChange={setNote} error={errors.note} rows={2} />
      <FormActions submit={t('complete.save')} onCancel={onCancel} />
    </form>
  );
}
