// Records a deadline (or a renewal application) as done: on which day, by whom, with a note.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../../shared/format';
import { call } from '../../api';
import { ErrorBanner, Field, FormActions, TextArea, TextField, useFieldErrors } from '../../components/forms';
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

export function CompleteForm({ deadlineKey, onDone, onCancel }: { deadlineKey: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('immigration');
  const [doneOn, setDoneOn] = useState(toIsoDate(new Date()));
  const [doneBy, setDoneBy] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = useFieldErrors(error);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await call('deadlines.complete', { key: deadlineKey, doneOn, doneBy, note: note || null });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorBanner error={error} />
      <TextField name="doneOn" type="date" label={t('complete.doneOn')} value={doneOn} onChange={setDoneOn} error={errors.doneOn} required />
      <WhoField label={t('complete.doneBy')} value={doneBy} onChange={setDoneBy} error={errors.doneBy} />
      <TextArea name="note" label={t('complete.note')} value={note} onChange={setNote} error={errors.note} rows={2} />
      <FormActions submit={t('complete.save')} onCancel={onCancel} />
    </form>
  );
}
