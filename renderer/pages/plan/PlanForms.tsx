// The supervisor's changes to a plan item, each a small form in a dialog: status (who confirmed, where),
// move, split, and the firm's own content and positions.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Firm } from '../../../shared/firm';
import { toIsoDate } from '../../../shared/format';
import { PLAN_STATUSES, type Plan, type PlanItem, type PlanPosition, type PlanStatus } from '../../../shared/plan';
import { call } from '../../api';
import { ErrorBanner, FormActions, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';
import { useMonthOptions } from './planText';

interface FormProps {
  plan: Plan;
  onDone: (plan: Plan) => void;
  onCancel: () => void;
}

function Buttons({ onCancel, busy }: { onCancel: () => void; busy: boolean }) {
  const { t } = useTranslation('common');
  return (
    <FormActions submit={t('actions.save')} onCancel={onCancel} disabled={busy} />
  );
}

/** The planned months (from, to) of an item, and its weeks where the form asks for them. */
function PeriodFields(p: {
  plan: Plan;
  from: string;
  to: string;
  setFrom: (v: string) => void;
  setTo: (v: string) => void;
  weeks?: string;
  setWeeks?: (v: string) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('plan');
  const months = useMonthOptions(p.plan);
  return (
    <div className="grid">
      {p.setWeeks ? <TextField name="weeks" type="number" step="0.5" label={t('fields.weeks')} value={p.weeks ?? ''} onChange={p.setWeeks} error={p.errors.weeks} /> : null}
      <SelectField name="plannedFrom" label={t('fields.from')} value={p.from} onChange={p.setFrom} options={months.from} error={p.errors.plannedFrom} />
      <SelectField name="plannedTo" label={t('fields.to')} value={p.to} onChange={p.setTo} options={months.to} error={p.errors.plannedTo} />
    </div>
  );
}

/** Runs a save and keeps its error for the fields. */
function useSubmit(onDone: (p: Plan) => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error);
  const run = (save: () => Promise<Plan>) => async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await save());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, errors, busy, run };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

export function StatusForm({ item, trainers, onDone, onCancel }: Omit<FormProps, 'plan'> & { item: PlanItem; trainers: Firm['trainers'] }) {
  const { t } = useTranslation('plan');
  const [status, setStatus] = useState<PlanStatus>(item.status);
  const [doneOn, setDoneOn] = useState(item.doneOn ?? toIsoDate(new Date()));
  const [confirmedBy, setConfirmedBy] = useState(String(item.confirmedBy ?? trainers[0]?.id ?? ''));
  const [place, setPlace] = useState(item.place ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const { error, errors, busy, run } = useSubmit(onDone);
  const done = status === 'done';
  return (
    <form
      className="form"
      noValidate
      onSubmit={run(() =>
        call('plan.setStatus', {
          id: item.id,
          status,
          doneOn: done ? doneOn : null,
          confirmedBy: done && confirmedBy ? Number(confirmedBy) : null,
          place: place || null,
          note: note || null,
        }),
      )}
    >
      <ErrorBanner error={error} />
      <SelectField name="status" label={t('fields.status')} value={status} onChange={(v) => setStatus(v as PlanStatus)} options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      {done ? (
        <>
          <TextField name="doneOn" type="date" label={t('fields.doneOn')} value={doneOn} onChange={setDoneOn} error={errors.doneOn} required />
          {trainers.length === 0 ? <p className="banner banner-warn">{t('noTrainers')}</p> : null}
          <SelectField
            name="confirmedBy"
            label={t('fields.confirmedBy')}
            value={confirmedBy}
            onChange={setConfirmedBy}
            error={errors.confirmedBy}
            required
            options={[{ value: '', label: '' }, ...trainers.map((x) => ({ value: String(x.id), label: x.name }))]}
          />
        </>
      ) : null}
      <TextField name="place" label={t('fields.place')} value={place} onChange={setPlace} error={errors.place} />
      <TextArea name="note" label={t('fields.note')} value={note} onChange={setNote} error={errors.note} rows={2} />
      <Buttons onCancel={onCancel} busy={busy} />
    </form>
  );
}

export function MoveForm({ plan, item, onDone, onCancel }: FormProps & { item: PlanItem }) {
  const [from, setFrom] = useState(item.plannedFrom);
  const [to, setTo] = useState(item.plannedTo);
  const { error, errors, busy, run } = useSubmit(onDone);
  return (
    <form className="form" noValidate onSubmit={run(() => call('plan.move', { id: item.id, plannedFrom: from, plannedTo: to }))}>
      <ErrorBanner error={error} />
      <PeriodFields plan={plan} from={from} to={to} setFrom={setFrom} setTo={setTo} errors={errors} />
      <Buttons onCancel={onCancel} busy={busy} />
    </form>
  );
}

export function SplitForm({ plan, position, item, onDone, onCancel }: FormProps & { position: PlanPosition; item: PlanItem }) {
  const { t } = useTranslation('plan');
  const [keys, setKeys] = useState<string[]>([]);
  const [weeks, setWeeks] = useState(String(Math.floor(item.weeks / 2)));
  const [from, setFrom] = useState(item.plannedFrom);
  const [to, setTo] = useState(item.plannedTo);
  const { error, errors, busy, run } = useSubmit(onDone);
  return (
    <form className="form" noValidate onSubmit={run(() => call('plan.split', { id: item.id, itemKeys: keys, weeks: num(weeks), plannedFrom: from, plannedTo: to }))}>
      <ErrorBanner error={error} />
      {item.text === null ? (
        <fieldset className={`field field-wide${errors.itemKeys ? ' field-invalid' : ''}`}>
          <legend>{t('fields.splitKeys')}</legend>
          <div className="plan-skill-checks">
            {item.itemKeys.map((k) => (
              <label key={k} className="check">
                <input type="checkbox" name="splitKey" value={k} checked={keys.includes(k)} onChange={(e) => setKeys((ks) => (e.target.checked ? [...ks, k] : ks.filter((x) => x !== k)))} />
                {k}) {position.skills.find((s) => s.key === k)?.text}
              </label>
            ))}
          </div>
          {errors.itemKeys ? <small className="error">{errors.itemKeys}</small> : null}
        </fieldset>
      ) : null}
      <PeriodFields plan={plan} from={from} to={to} setFrom={setFrom} setTo={setTo} weeks={weeks} setWeeks={setWeeks} errors={errors} />
      <Buttons onCancel={onCancel} busy={busy} />
    </form>
  );
}

export function AddItemForm({ plan, onDone, onCancel }: FormProps) {
  const { t } = useTranslation('plan');
  const [positionNumber, setPositionNumber] = useState(plan.positions[0]?.number ?? '');
  const [text, setText] = useState('');
  const [weeks, setWeeks] = useState('1');
  const [from, setFrom] = useState(plan.months[0]!.from);
  const [to, setTo] = useState(plan.months[0]!.to);
  const { error, errors, busy, run } = useSubmit(onDone);
  return (
    <form
      className="form"
      noValidate
      onSubmit={run(() => call('plan.addItem', { traineeId: plan.traineeId, positionNumber, text, weeks: num(weeks), plannedFrom: from, plannedTo: to }))}
    >
      <ErrorBanner error={error} />
      <SelectField
        name="positionNumber"
        label={t('fields.position')}
        value={positionNumber}
        onChange={setPositionNumber}
        error={errors.positionNumber}
        options={plan.positions.map((p) => ({ value: p.number, label: `${p.number} ${p.title}` }))}
      />
      <TextArea name="text" label={t('fields.text')} value={text} onChange={setText} error={errors.text} rows={3} />
      <PeriodFields plan={plan} from={from} to={to} setFrom={setFrom} setTo={setTo} weeks={weeks} setWeeks={setWeeks} errors={errors} />
      <Buttons onCancel={onCancel} busy={busy} />
    </form>
  );
}

export function AddPositionForm({ plan, onDone, onCancel }: FormProps) {
  const { t } = useTranslation('plan');
  const [number, setNumber] = useState(`F${plan.positions.filter((p) => p.firmSpecific).length + 1}`);
  const [title, setTitle] = useState('');
  const { error, errors, busy, run } = useSubmit(onDone);
  return (
    <form className="form" noValidate onSubmit={run(() => call('plan.addPosition', { traineeId: plan.traineeId, number, title }))}>
      <ErrorBanner error={error} />
      <div className="grid">
        <TextField name="number" label={t('fields.number')} value={number} onChange={setNumber} error={errors.number} required />
        <TextField name="title" label={t('fields.title')} value={title} onChange={setTitle} error={errors.title} required />
      </div>
      <Buttons onCancel={onCancel} busy={busy} />
    </form>
  );
}
