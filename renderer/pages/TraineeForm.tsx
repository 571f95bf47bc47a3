import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../shared/common';
import { formatNumber } from '../../shared/format';
import { LANGUAGES, type LanguageCode } from '../../shared/languages';
import { plannedEnd } from '../../shared/trainingCalendar';
import { CEFR_LEVELS, type Trainee, type TraineeFile } from '../../shared/trainees';
import { call } from '../api';
import { CheckboxGroup, ErrorBanner, SelectField, TextArea, TextField, useFieldErrors } from '../components/forms';
import { href, navigate } from '../router';
import { useAsync } from '../useAsync';

interface FormState {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  nationality: string;
  firstLanguages: LanguageCode[];
  otherLanguages: LanguageCode[];
  germanLevel: string;
  germanLevelDate: string;
  germanLevelSource: string;
  phone: string;
  email: string;
  address: string;
  occupationId: string;
  contractStart: string;
  contractEndPlanned: string;
  probationMonths: string;
  weeklyHours: string;
  schoolDays: number[];
  pay: string[];
  chamberRegistrationDate: string;
  chamberRegistrationNo: string;
  priorExperience: string;
  notes: string;
}

function fromTrainee(t: TraineeFile | null): FormState {
  const s = (v: string | null | undefined) => v ?? '';
  return {
    firstName: s(t?.firstName),
    lastName: s(t?.lastName),
    dateOfBirth: s(t?.dateOfBirth),
    nationality: s(t?.nationality),
    firstLanguages: (t?.firstLanguages ?? []) as LanguageCode[],
    otherLanguages: (t?.otherLanguages ?? []) as LanguageCode[],
    germanLevel: s(t?.germanLevel),
    germanLevelDate: s(t?.germanLevelDate),
    germanLevelSource: s(t?.germanLevelSource),
    phone: s(t?.phone),
    email: s(t?.email),
    address: s(t?.address),
    occupationId: s(t?.occupationId),
    contractStart: s(t?.contractStart),
    contractEndPlanned: s(t?.contractEndPlanned),
    probationMonths: t?.probationMonths != null ? String(t.probationMonths) : '4',
    weeklyHours: t?.weeklyHours != null ? String(t.weeklyHours) : '40',
    schoolDays: t?.schoolDays ?? [],
    pay: [0, 1, 2, 3].map((i) => (t?.payPerYear[i] !== undefined ? String(t.payPerYear[i]) : '')),
    chamberRegistrationDate: s(t?.chamberRegistrationDate),
    chamberRegistrationNo: s(t?.chamberRegistrationNo),
    priorExperience: s(t?.priorExperience),
    notes: s(t?.notes),
  };
}

/** Numbers as typed ("39,5" or "39.5"); an empty field becomes NaN (sent as null) so the contract reports it. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

function toInput(f: FormState) {
  const opt = (v: string) => (v.trim() === '' ? null : v);
  return {
    firstName: f.firstName,
    lastName: f.lastName,
    dateOfBirth: opt(f.dateOfBirth),
    nationality: opt(f.nationality),
    firstLanguages: f.firstLanguages,
    otherLanguages: f.otherLanguages,
    germanLevel: (opt(f.germanLevel) as Trainee['germanLevel']) ?? null,
    germanLevelDate: opt(f.germanLevelDate),
    germanLevelSource: opt(f.germanLevelSource),
    phone: opt(f.phone),
    email: opt(f.email),
    address: opt(f.address),
    occupationId: f.occupationId,
    contractStart: f.contractStart,
    contractEndPlanned: f.contractEndPlanned,
    probationMonths: num(f.probationMonths),
    weeklyHours: num(f.weeklyHours),
    schoolDays: f.schoolDays,
    payPerYear: f.pay.filter((p) => p.trim() !== '').map(num),
    chamberRegistrationDate: opt(f.chamberRegistrationDate),
    chamberRegistrationNo: opt(f.chamberRegistrationNo),
    priorExperience: opt(f.priorExperience),
    notes: opt(f.notes),
  };
}

export function TraineeFormPage({ id, contract = false }: { id?: number; contract?: boolean }) {
  const existing = useAsync(() => (id ? call('trainees.get', { id }) : Promise.resolve(null)), [id]);
  const occupations = useAsync(() => call('occupations.list'), []);
  if (existing.loading || occupations.loading) return null;
  if (existing.error || occupations.error) return <ErrorBanner error={existing.error ?? occupations.error} />;
  return <TraineeForm trainee={existing.data ?? null} occupations={occupations.data ?? []} contract={contract} />;
}

function TraineeForm({ trainee, occupations, contract }: { trainee: TraineeFile | null; occupations: { id: string; name: string; durationMonths: number | null }[]; contract: boolean }) {
  const { t } = useTranslation('trainees');
  const { t: tc } = useTranslation('common');
  const [f, setF] = useState<FormState>(() => fromTrainee(trainee));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error);
  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  // The planned end follows the occupation's regular duration and the start, until the user sets it by hand
  // (a shortened or extended training).
  const [endByHand, setEndByHand] = useState(trainee !== null && trainee.contractEndPlanned !== null);
  // An applicant's file has no contract yet; "Ausbildungsvertrag erfassen" (contract) adds it.
  const wasApplicant = trainee?.status === 'applicant';
  const [applicant, setApplicant] = useState(wasApplicant && !contract);
  const duration = occupations.find((o) => o.id === f.occupationId)?.durationMonths ?? null;
  const derive = (next: FormState): FormState =>
    !endByHand && duration !== null && isIsoDate(next.contractStart) ? { ...next, contractEndPlanned: plannedEnd(next.contractStart, occupations.find((o) => o.id === next.occupationId)?.durationMonths ?? duration) } : next;
  const setDerived = (k: 'occupationId' | 'contractStart') => (v: string) => setF((s) => derive({ ...s, [k]: v }));
  const langOptions = LANGUAGES.filter((l) => l.code !== 'de').map((l) => ({ value: l.code as LanguageCode, label: tc(`languages.${l.code}`) }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const input = toInput(f);
      const { contractStart: _s, contractEndPlanned: _e, probationMonths: _p, weeklyHours: _w, ...person } = input;
      const saved = applicant
        ? trainee
          ? await call('trainees.updateApplicant', { id: trainee.id, ...person })
          : await call('trainees.createApplicant', person)
        : trainee
          ? await call(wasApplicant ? 'trainees.recordContract' : 'trainees.update', { id: trainee.id, ...input })
          : await call('trainees.create', input);
      navigate(`/trainees/${saved.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const title = trainee
    ? t(wasApplicant && contract ? 'applicant.contractTitle' : 'editTitle', { name: `${trainee.firstName} ${trainee.lastName}` })
    : t('newTitle');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="page-title" className="form">
      <header className="page-head">
        <h1 id="page-title">{title}</h1>
      </header>
      <ErrorBanner error={error} />
      <fieldset>
        <legend>{t('sections.person')}</legend>
        <div className="grid">
          <TextField name="firstName" label={t('fields.firstName')} value={f.firstName} onChange={set('firstName')} error={errors.firstName} required />
          <TextField name="lastName" label={t('fields.lastName')} value={f.lastName} onChange={set('lastName')} error={errors.lastName} required />
          <TextField name="dateOfBirth" type="date" label={t('fields.dateOfBirth')} value={f.dateOfBirth} onChange={set('dateOfBirth')} error={errors.dateOfBirth} />
          <TextField name="nationality" label={t('fields.nationality')} value={f.nationality} onChange={set('nationality')} error={errors.nationality} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sections.languages')}</legend>
        <CheckboxGroup name="firstLanguages" legend={t('fields.firstLanguages')} options={langOptions} value={f.firstLanguages} onChange={set('firstLanguages')} error={errors.firstLanguages} />
        <CheckboxGroup name="otherLanguages" legend={t('fields.otherLanguages')} options={langOptions} value={f.otherLanguages} onChange={set('otherLanguages')} error={errors.otherLanguages} />
        <div className="grid">
          <SelectField
            name="germanLevel"
            label={t('fields.germanLevel')}
            hint={t('hints.germanLevel')}
            value={f.germanLevel}
            onChange={set('germanLevel')}
            error={errors.germanLevel}
            options={[{ value: '', label: t('notSet') }, ...CEFR_LEVELS.map((l) => ({ value: l, label: l }))]}
          />
          <TextField name="germanLevelDate" type="date" label={t('fields.germanLevelDate')} value={f.germanLevelDate} onChange={set('germanLevelDate')} error={errors.germanLevelDate} />
          <TextField name="germanLevelSource" label={t('fields.germanLevelSource')} value={f.germanLevelSource} onChange={set('germanLevelSource')} error={errors.germanLevelSource} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sections.contact')}</legend>
        <div className="grid">
          <TextField name="phone" type="tel" label={t('fields.phone')} value={f.phone} onChange={set('phone')} error={errors.phone} />
          <TextField name="email" type="email" label={t('fields.email')} value={f.email} onChange={set('email')} error={errors.email} />
          <TextField name="address" label={t('fields.address')} value={f.address} onChange={set('address')} error={errors.address} wide />
        </div>
      </fieldset>
      {trainee === null || (wasApplicant && !contract) ? (
        <div className="field field-wide">
          <label>
            <input type="checkbox" name="applicant" checked={applicant} onChange={(e) => setApplicant(e.target.checked)} /> {t('applicant.checkbox')}
          </label>
          <small className="hint">{t('applicant.checkboxHint')}</small>
        </div>
      ) : null}
      <fieldset>
        <legend>{t('sections.contract')}</legend>
        <div className="grid">
          <SelectField
            name="occupationId"
            label={t('fields.occupationId')}
            value={f.occupationId}
            onChange={setDerived('occupationId')}
            error={errors.occupationId}
            required
            options={[{ value: '', label: t('choose') }, ...occupations.map((o) => ({ value: o.id, label: o.name }))]}
          />
          {applicant ? null : (
            <>
          <TextField name="contractStart" type="date" label={t('fields.contractStart')} value={f.contractStart} onChange={setDerived('contractStart')} error={errors.contractStart} required />
          <TextField
            name="contractEndPlanned"
            type="date"
            label={t('fields.contractEndPlanned')}
            value={f.contractEndPlanned}
            onChange={(v) => {
              setEndByHand(true);
              set('contractEndPlanned')(v);
            }}
            error={errors.contractEndPlanned}
            hint={duration !== null ? t('endHint', { months: duration, years: formatNumber(duration / 12, 1) }) : undefined}
            required
          />
          <TextField name="probationMonths" type="number" label={t('fields.probationMonths')} value={f.probationMonths} onChange={set('probationMonths')} error={errors.probationMonths} required />
          <TextField name="weeklyHours" type="number" step="0.5" label={t('fields.weeklyHours')} value={f.weeklyHours} onChange={set('weeklyHours')} error={errors.weeklyHours} required />
            </>
          )}
        </div>
        <CheckboxGroup
          name="schoolDays"
          legend={t('fields.schoolDays')}
          options={[1, 2, 3, 4, 5, 6].map((d) => ({ value: d, label: tc(`weekdays.${d}` as 'weekdays.1') }))}
          value={f.schoolDays}
          onChange={set('schoolDays')}
          error={errors.schoolDays}
        />
        <fieldset className="field field-wide">
          <legend>{t('fields.payPerYear')}</legend>
          <div className="grid grid-4">
            {f.pay.map((p, i) => (
              <TextField
                key={i}
                name={`pay${i + 1}`}
                type="number"
                label={t('fields.payYear', { n: i + 1 })}
                value={p}
                onChange={(v) => setF((s) => ({ ...s, pay: s.pay.map((x, j) => (j === i ? v : x)) }))}
                error={errors[`payPerYear.${i}`]}
              />
            ))}
          </div>
        </fieldset>
        <div className="grid">
          <TextField name="chamberRegistrationDate" type="date" label={t('fields.chamberRegistrationDate')} value={f.chamberRegistrationDate} onChange={set('chamberRegistrationDate')} error={errors.chamberRegistrationDate} />
          <TextField name="chamberRegistrationNo" label={t('fields.chamberRegistrationNo')} value={f.chamberRegistrationNo} onChange={set('chamberRegistrationNo')} error={errors.chamberRegistrationNo} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sections.experience')}</legend>
        <TextArea name="priorExperience" label={t('fields.priorExperience')} hint={t('hints.priorExperience')} value={f.priorExperience} onChange={set('priorExperience')} error={errors.priorExperience} />
        <TextArea name="notes" label={t('fields.notes')} value={f.notes} onChange={set('notes')} error={errors.notes} />
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tc('status.saving') : tc('actions.save')}
        </button>
        <a className="button" href={href(trainee ? `/trainees/${trainee.id}` : '/trainees')}>
          {tc('actions.cancel')}
        </a>
      </div>
    </form>
  );
}
