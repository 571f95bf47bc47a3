// One sheet of the Ausbildungsnachweis: write it (weekly or by day), sign it off (trainee, then trainer),
// take back the trainee's sign-off, correct a signed sheet with a reason, copy it for the next week.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Firm } from '../../../shared/firm';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { ABSENCE_KINDS, ENTRY_KINDS, copyDayEntries, daysOf, type AbsenceKind, type EntryKind, type NachweisMode, type NachweisRecord, type PublicHoliday } from '../../../shared/nachweis';
import { isoWeek, isoWeekday } from '../../../shared/trainingCalendar';
import { call } from '../../api';
import { TraineePinSign } from './PinForms';
import { ErrorBanner, Notice, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';

interface EntryRow {
  key: number;
  kind: EntryKind;
  day: string;
  text: string;
  hours: string;
  positions: string;
}
interface AbsenceRow {
  key: number;
  day: string;
  kind: AbsenceKind;
  hours: string;
  note: string;
}

let nextKey = 1;
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
const optNum = (s: string) => (s.trim() === '' ? null : num(s));

const holidayAbsence = (h: PublicHoliday): AbsenceRow => ({ key: nextKey++, day: h.day, kind: 'public_holiday', hours: '', note: h.name });

/** The form of a sheet; a new sheet starts with the week's public holidays entered as such. */
function fromRecord(r: NachweisRecord | null, holidays: PublicHoliday[] = []) {
  return {
    entries: (r?.content.entries ?? []).map((e) => ({ key: nextKey++, kind: e.kind, day: e.day ?? '', text: e.text, hours: String(e.hours), positions: e.positions.join(', ') })),
    absences: r
      ? r.content.absences.map((a) => ({ key: nextKey++, day: a.day, kind: a.kind, hours: a.hours === null ? '' : String(a.hours), note: a.note ?? '' }))
      : holidays.map(holidayAbsence),
    remarks: r?.content.remarks ?? '',
  };
}

export interface EditorTarget {
  record: NachweisRecord | null;
  from: string;
  to: string;
  /** Public holidays of the firm's federal state in the week. */
  holidays: PublicHoliday[];
}

export function WeekEditor({
  traineeId,
  mode,
  trainers,
  target,
  onClose,
}: {
  traineeId: number;
  mode: NachweisMode;
  trainers: Firm['trainers'];
  target: EditorTarget;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation('nachweis');
  const { t: tc } = useTranslation('common');
  const [record, setRecord] = useState<NachweisRecord | null>(target.record);
  const [from, setFrom] = useState(target.from);
  const [to, setTo] = useState(target.to);
  const [form, setForm] = useState(() => fromRecord(target.record, target.holidays.filter((h) => h.day >= target.from && h.day <= target.to)));
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState('');
  const [author, setAuthor] = useState(String(trainers[0]?.id ?? ''));
  const [trainerId, setTrainerId] = useState(String(trainers[0]?.id ?? ''));
  const [copy, setCopy] = useState({ from: target.from, to: target.from });
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const errors = useFieldErrors(error);
  const status = record?.status ?? 'draft';
  const editable = status === 'draft' || amending;
  const daily = (record?.mode ?? mode) === 'daily';
  const days = daysOf(from, to);
  const week = isoWeek(from);
  const dayName = (d: string) => `${t(`weekdays.${isoWeekday(d)}` as 'weekdays.1')} ${formatDate(d).slice(0, 6)}`;

  const content = () => ({
    entries: form.entries.map((e) => ({
      kind: e.kind,
      day: e.day || null,
      text: e.text,
      hours: num(e.hours),
      positions: e.positions
        .split(/[,;\s]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    })),
    absences: form.absences.map((a) => ({ day: a.day, kind: a.kind, hours: optNum(a.hours), note: a.note || null })),
    remarks: form.remarks || null,
  });

  async function act(fn: () => Promise<NachweisRecord | null>, message: string | null = null) {
    setError(null);
    setNotice(null);
    try {
      const r = await fn();
      setChanged(true);
      if (r) {
        setRecord(r);
        setFrom(r.from);
        setTo(r.to);
        setForm(fromRecord(r));
        setAmending(false);
        setReason('');
      }
      if (message) setNotice(message);
      return r;
    } catch (e) {
      setError(e);
      return null;
    }
  }
  const save = () => act(() => call('nachweis.save', { traineeId, id: record?.id ?? null, from, to, content: content() }), t('editor.saved'));
  const setEntry = (key: number, patch: Partial<EntryRow>) => setForm((f) => ({ ...f, entries: f.entries.map((e) => (e.key === key ? { ...e, ...patch } : e)) }));
  const setAbsence = (key: number, patch: Partial<AbsenceRow>) => setForm((f) => ({ ...f, absences: f.absences.map((a) => (a.key === key ? { ...a, ...patch } : a)) }));
  // Public holidays of the week not entered yet: offered as absences of that kind.
  const holidaysOpen = target.holidays.filter((h) => days.includes(h.day) && !form.absences.some((a) => a.day === h.day));
  const dayOptions = [...(daily ? [] : [{ value: '', label: t('editor.noDay') }]), ...days.map((d) => ({ value: d, label: dayName(d) }))];

  return (
    <section className="card week-editor" aria-labelledby="week-editor-title">
      <div className="section-head">
        <h2 id="week-editor-title">{record ? t('editor.title', { week: week.week, year: week.year }) : t('editor.newTitle', { week: week.week, year: week.year })}</h2>
        <button type="button" onClick={() => onClose(changed)}>
          {t('editor.close')}
        </button>
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorBanner error={error} />
      {status === 'signed' && !amending ? <p className="banner banner-ok">{t('editor.locked')}</p> : null}
      {status === 'trainee_signed' ? <p className="banner banner-warn">{t('editor.lockedTrainee')}</p> : null}
      {record && record.warnings.length > 0 ? (
        <div className="banner banner-warn" role="status">
          <p>{t('warnings.title')}</p>
          <ul>
            {record.warnings.map((w, i) => (
              <li key={i}>{t(`warnings.${w.key}` as 'warnings.hours_above_contract', { ...w.params, day: w.params.day ? formatDate(String(w.params.day)) : undefined, total: formatNumber(Number(w.params.total ?? 0), 2), expected: formatNumber(Number(w.params.expected ?? 0), 2) })}</li>
            ))}
          </ul>
          <small>{t('warnings.source')}</small>
        </div>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (amending && record) {
            void act(() => call('nachweis.amend', { id: record.id, reason, trainerId: author ? Number(author) : null, content: content() }));
          } else void save();
        }}
      >
        <div className="grid">
          <TextField name="from" type="date" label={t('editor.from')} value={from} onChange={setFrom} error={errors.from} required />
          <TextField name="to" type="date" label={t('editor.to')} value={to} onChange={setTo} error={errors.to} required />
        </div>
        <fieldset disabled={!editable}>
          <legend>{t('editor.entries')}</legend>
          {form.entries.map((e, i) => (
            <div key={e.key} className="week-entry" data-entry={i}>
              <div className="grid week-entry-head">
                <SelectField name={`kind${i}`} label={t('editor.kind')} value={e.kind} onChange={(v) => setEntry(e.key, { kind: v as EntryKind })} options={ENTRY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
                <SelectField name={`day${i}`} label={t('editor.day')} value={e.day} onChange={(v) => setEntry(e.key, { day: v })} options={dayOptions} error={errors[`content.entries.${i}.day`]} />
                <TextField name={`hours${i}`} type="number" step="0.25" label={t('editor.hours')} value={e.hours} onChange={(v) => setEntry(e.key, { hours: v })} error={errors[`content.entries.${i}.hours`]} required />
                <TextField
                  name={`positions${i}`}
                  label={t('editor.positions')}
                  value={e.positions}
                  onChange={(v) => setEntry(e.key, { positions: v })}
                  error={Object.entries(errors).find(([k]) => k.startsWith(`content.entries.${i}.positions`))?.[1]}
                />
              </div>
              <TextArea name={`text${i}`} label={t('editor.text')} value={e.text} onChange={(v) => setEntry(e.key, { text: v })} error={errors[`content.entries.${i}.text`]} rows={3} />
              {editable ? (
                <button type="button" className="danger" onClick={() => setForm((f) => ({ ...f, entries: f.entries.filter((x) => x.key !== e.key) }))}>
                  {t('editor.removeEntry')}
                </button>
              ) : null}
            </div>
          ))}
          {editable ? (
            <div className="actions">
              {ENTRY_KINDS.map((k) => (
                <button
                  key={k}
                  type="button"
                  onClick={() => setForm((f) => ({ ...f, entries: [...f.entries, { key: nextKey++, kind: k, day: daily ? (days[0] ?? '') : k === 'school' ? (days[1] ?? '') : '', text: '', hours: '', positions: '' }] }))}
                >
                  {t('editor.addEntry', { kind: t(`kind.${k}`) })}
                </button>
              ))}
            </div>
          ) : null}
          {editable && daily && days.length > 1 ? (
            <div className="toolbar week-copy-day">
              <SelectField name="copyFrom" label={t('editor.copyFrom')} value={copy.from} onChange={(v) => setCopy((c) => ({ ...c, from: v }))} options={days.map((d) => ({ value: d, label: dayName(d) }))} />
              <SelectField name="copyTo" label={t('editor.copyTo')} value={copy.to} onChange={(v) => setCopy((c) => ({ ...c, to: v }))} options={days.map((d) => ({ value: d, label: dayName(d) }))} />
              <button
                type="button"
                onClick={() =>
                  setForm((f) => ({ ...f, entries: copyDayEntries(f.entries, copy.from, copy.to).map((x, n) => (n >= f.entries.length ? { ...x, key: nextKey++ } : x)) }))
                }
              >
                {t('editor.copyDay')}
              </button>
            </div>
          ) : null}
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('editor.absences')}</legend>
          {form.absences.map((a, i) => (
            <div key={a.key} className="grid week-absence">
              <SelectField name={`absenceDay${i}`} label={t('editor.day')} value={a.day} onChange={(v) => setAbsence(a.key, { day: v })} options={days.map((d) => ({ value: d, label: dayName(d) }))} error={errors[`content.absences.${i}.day`]} />
              <SelectField name={`absenceKind${i}`} label={t('editor.absenceKind')} value={a.kind} onChange={(v) => setAbsence(a.key, { kind: v as AbsenceKind })} options={ABSENCE_KINDS.map((k) => ({ value: k, label: t(`absence.${k}`) }))} />
              <TextField name={`absenceHours${i}`} type="number" step="0.25" label={t('editor.absenceHours')} value={a.hours} onChange={(v) => setAbsence(a.key, { hours: v })} error={errors[`content.absences.${i}.hours`]} />
              <TextField name={`absenceNote${i}`} label={t('editor.absenceNote')} value={a.note} onChange={(v) => setAbsence(a.key, { note: v })} />
            </div>
          ))}
          {editable ? (
            <button type="button" onClick={() => setForm((f) => ({ ...f, absences: [...f.absences, { key: nextKey++, day: days[0] ?? from, kind: 'illness', hours: '', note: '' }] }))}>
              {t('editor.addAbsence')}
            </button>
          ) : null}
          {editable
            ? holidaysOpen.map((h) => (
                <button type="button" key={h.day} onClick={() => setForm((f) => ({ ...f, absences: [...f.absences, holidayAbsence(h)] }))}>
                  {t('editor.addHoliday', { day: dayName(h.day), name: h.name })}
                </button>
              ))
            : null}
        </fieldset>
        <fieldset disabled={!editable}>
          <TextArea name="remarks" label={t('editor.remarks')} value={form.remarks} onChange={(v) => setForm((f) => ({ ...f, remarks: v }))} error={errors['content.remarks']} rows={2} />
        </fieldset>
        {record ? <p className="muted">{t('editor.total', { hours: formatNumber(record.totalHours, 2) })}</p> : null}
        {amending ? (
          <div className="grid">
            <TextArea name="reason" label={t('amend.reason')} value={reason} onChange={setReason} error={errors.reason} rows={2} />
            <SelectField
              name="author"
              label={t('amend.author')}
              value={author}
              onChange={setAuthor}
              options={[...trainers.map((x) => ({ value: String(x.id), label: x.name })), { value: '', label: t('amend.authorTrainee') }]}
            />
          </div>
        ) : null}
        <div className="actions">
          {editable ? (
            <button type="submit" className="primary">
              {amending ? t('amend.save') : t('editor.save')}
            </button>
          ) : null}
          {amending ? (
            <button type="button" onClick={() => (setAmending(false), setForm(fromRecord(record)))}>
              {tc('actions.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {record ? (
        <div className="week-signoff">
          <h3>{t('sign.title')}</h3>
          {record.traineeSignedAt ? <p>{t(record.traineeSignedBy === 'pin' ? 'sign.traineeDonePin' : 'sign.traineeDone', { name: record.traineeSignedName, date: formatDateTime(record.traineeSignedAt) })}</p> : null}
          {record.trainerSignedAt ? <p>{t('sign.trainerDone', { name: record.trainerName, date: formatDateTime(record.trainerSignedAt) })}</p> : null}
          <div className="actions">
            {status === 'draft' ? (
              <TraineePinSign traineeId={traineeId} record={record} beforeSign={async () => (await save()) !== null} onSigned={(r) => act(async () => r)} />
            ) : null}
            {status === 'trainee_signed' ? (
              <>
                <SelectField name="trainerId" label={t('sign.trainerSelect')} value={trainerId} onChange={setTrainerId} options={trainers.map((x) => ({ value: String(x.id), label: x.name }))} />
                <button type="button" className="primary" onClick={() => act(() => call('nachweis.sign', { id: record.id, as: 'trainer', trainerId: Number(trainerId) }))}>
                  {t('sign.trainer')}
                </button>
                <button type="button" onClick={() => act(() => call('nachweis.withdrawSignature', { id: record.id }))}>
                  {t('sign.withdraw')}
                </button>
              </>
            ) : null}
            {status === 'signed' && !amending ? (
              <button type="button" onClick={() => setAmending(true)}>
                {t('amend.button')}
              </button>
            ) : null}
            <button type="button" onClick={() => act(() => call('nachweis.copyWeek', { id: record.id }), t('editor.copied'))}>
              {t('editor.copyWeek')}
            </button>
            {status === 'draft' ? (
              <button
                type="button"
                className="danger"
                onClick={async () => {
                  setError(null);
                  try {
                    await call('nachweis.delete', { id: record.id });
                    onClose(true);
                  } catch (e) {
                    setError(e);
                  }
                }}
              >
                {t('editor.delete')}
              </button>
            ) : null}
          </div>
          {record.amendments.length > 0 ? (
            <>
              <h3>{t('amend.list')}</h3>
              <ul>
                {record.amendments.map((a) => (
                  <li key={a.id}>{t('amend.item', { date: formatDateTime(a.createdAt), author: a.author, reason: a.reason })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
