import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_FORMS, DIRECTOR_FORMS, FEDERAL_STATES, LEGAL_FORMS, REGISTERED_FORMS, type AddressForm, type FederalState, type Firm, type LegalForm } from '../../shared/firm';
import { call } from '../api';
import { ErrorBanner, Notice, SelectField, TextArea, TextField, useFieldErrors } from '../components/forms';
import { useAsync } from '../useAsync';

interface TrainerRow {
  key: number;
  id?: number;
  name: string;
  role: string;
  aevo: boolean;
}

let rowKey = 0;

export function FirmPage() {
  const firm = useAsync(() => call('firm.get'), []);
  if (firm.loading) return null;
  // A failed load must not look like an empty profile (saving it would overwrite the real one).
  if (firm.error) return <ErrorBanner error={firm.error} />;
  return <FirmForm firm={firm.data ?? null} />;
}

function FirmForm({ firm }: { firm: Firm | null }) {
  const { t } = useTranslation('firm');
  const { t: tc } = useTranslation('common');
  const [f, setF] = useState({
    name: firm?.name ?? '',
    street: firm?.street ?? '',
    zip: firm?.zip ?? '',
    city: firm?.city ?? '',
    phone: firm?.phone ?? '',
    email: firm?.email ?? '',
    betriebsnummer: firm?.betriebsnummer ?? '',
    chamber: firm?.chamber ?? '',
    chamberMemberNo: firm?.chamberMemberNo ?? '',
    federalState: firm?.federalState ?? '',
    legalForm: firm?.legalForm ?? '',
    owner: firm?.owner ?? '',
    registerCourt: firm?.registerCourt ?? '',
    registerNumber: firm?.registerNumber ?? '',
    managingDirectors: firm?.managingDirectors ?? '',
    vatId: firm?.vatId ?? '',
    addressForm: firm?.addressForm ?? 'sie',
  });
  const [signatureLines, setSignatureLines] = useState(firm?.nachweisSignatureLines ?? false);
  const [trainers, setTrainers] = useState<TrainerRow[]>(() =>
    (firm?.trainers ?? []).map((x) => ({ key: rowKey++, id: x.id, name: x.name, role: x.role ?? '', aevo: x.aevo })),
  );
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors(error);
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const setTrainer = (key: number, patch: Partial<TrainerRow>) => setTrainers((ts) => ts.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const result = await call('firm.save', {
        ...f,
        federalState: (f.federalState || null) as FederalState | null,
        legalForm: (f.legalForm || null) as LegalForm | null,
        addressForm: f.addressForm as AddressForm,
        nachweisSignatureLines: signatureLines,
        trainers: trainers.map((x) => ({ ...(x.id ? { id: x.id } : {}), name: x.name, role: x.role, aevo: x.aevo })),
      });
      setTrainers(result.trainers.map((x) => ({ key: rowKey++, id: x.id, name: x.name, role: x.role ?? '', aevo: x.aevo })));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{t('title')}</h1>
      </header>
      <p className="muted">{t('intro')}</p>
      {saved ? <Notice>{tc('status.saved')}</Notice> : null}
      <ErrorBanner error={error} />
      <fieldset>
        <legend>{t('title')}</legend>
        <div className="grid">
          <TextField name="name" label={t('fields.name')} value={f.name} onChange={set('name')} error={errors.name} required wide />
          <TextField name="street" label={t('fields.street')} value={f.street} onChange={set('street')} error={errors.street} />
          <TextField name="zip" label={t('fields.zip')} value={f.zip} onChange={set('zip')} error={errors.zip} />
          <TextField name="city" label={t('fields.city')} value={f.city} onChange={set('city')} error={errors.city} />
          <TextField name="phone" type="tel" label={t('fields.phone')} value={f.phone} onChange={set('phone')} error={errors.phone} />
          <TextField name="email" type="email" label={t('fields.email')} value={f.email} onChange={set('email')} error={errors.email} />
          <TextField name="betriebsnummer" label={t('fields.betriebsnummer')} value={f.betriebsnummer} onChange={set('betriebsnummer')} error={errors.betriebsnummer} />
          <TextField name="chamber" label={t('fields.chamber')} value={f.chamber} onChange={set('chamber')} error={errors.chamber} />
          <TextField name="chamberMemberNo" label={t('fields.chamberMemberNo')} value={f.chamberMemberNo} onChange={set('chamberMemberNo')} error={errors.chamberMemberNo} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('legal.title')}</legend>
        <p className="muted">{t('legal.hint')}</p>
        <div className="grid">
          <SelectField name="legalForm" label={t('fields.legalForm')} value={f.legalForm} onChange={set('legalForm')} error={errors.legalForm} options={[{ value: '', label: '—' }, ...LEGAL_FORMS.map((l) => ({ value: l, label: t(`legalForms.${l}`) }))]} />
          {f.legalForm === 'einzelunternehmen' || f.legalForm === 'ek' ? <TextField name="owner" label={t('fields.owner')} value={f.owner} onChange={set('owner')} error={errors.owner} /> : null}
          {REGISTERED_FORMS.includes(f.legalForm as LegalForm) ? (
            <>
              <TextField name="registerCourt" label={t('fields.registerCourt')} value={f.registerCourt} onChange={set('registerCourt')} error={errors.registerCourt} />
              <TextField name="registerNumber" label={t('fields.registerNumber')} value={f.registerNumber} onChange={set('registerNumber')} error={errors.registerNumber} />
            </>
          ) : null}
          {DIRECTOR_FORMS.includes(f.legalForm as LegalForm) ? (
            <TextArea name="managingDirectors" label={t('fields.managingDirectors')} hint={t('fields.managingDirectorsHint')} value={f.managingDirectors} onChange={set('managingDirectors')} error={errors.managingDirectors} rows={2} />
          ) : null}
          <TextField name="vatId" label={t('fields.vatId')} value={f.vatId} onChange={set('vatId')} error={errors.vatId} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('print.title')}</legend>
        <div className="grid">
          <SelectField name="federalState" label={t('fields.federalState')} hint={t('fields.federalStateHint')} value={f.federalState} onChange={set('federalState')} error={errors.federalState} options={[{ value: '', label: '—' }, ...FEDERAL_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))]} />
          <SelectField name="addressForm" label={t('fields.addressForm')} value={f.addressForm} onChange={set('addressForm')} options={ADDRESS_FORMS.map((a) => ({ value: a, label: t(`addressForms.${a}`) }))} />
          <label className="check">
            <input type="checkbox" name="nachweisSignatureLines" checked={signatureLines} onChange={(e) => setSignatureLines(e.target.checked)} /> {t('fields.nachweisSignatureLines')}
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('trainers.title')}</legend>
        {trainers.length === 0 ? <p className="muted">{t('trainers.none')}</p> : null}
        {trainers.map((x, i) => (
          <div className="grid trainer-row" key={x.key}>
            <TextField name={`trainer${i}Name`} label={t('trainers.name')} value={x.name} onChange={(v) => setTrainer(x.key, { name: v })} error={errors[`trainers.${i}.name`]} required />
            <TextField name={`trainer${i}Role`} label={t('trainers.role')} value={x.role} onChange={(v) => setTrainer(x.key, { role: v })} error={errors[`trainers.${i}.role`]} />
            <label className="check">
              <input type="checkbox" name={`trainer${i}Aevo`} checked={x.aevo} onChange={(e) => setTrainer(x.key, { aevo: e.target.checked })} /> {t('trainers.aevo')}
            </label>
            <button type="button" className="remove" onClick={() => setTrainers((ts) => ts.filter((y) => y.key !== x.key))} aria-label={t('trainers.removeLabel', { name: x.name || '…' })}>
              {tc('actions.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setTrainers((ts) => [...ts, { key: rowKey++, name: '', role: '', aevo: false }])}>
          {t('trainers.add')}
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {tc('actions.save')}
        </button>
      </div>
    </form>
  );
}
