// The forms of the "Netzwerk" tab. Each one sends its input as typed; the contract reports what is wrong.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api';
import type { Contact } from '../../../shared/contacts';
import { toIsoDate } from '../../../shared/format';
import {
  AGREEMENT_STATUSES,
  COMPETENCE_PROOFS,
  COMPETENCE_SOURCES,
  CONFLICT_CATEGORIES,
  CONSENT_FORMS,
  DATA_CATEGORIES,
  LANGUAGE_LEVELS,
  MEASURE_STATUSES,
  MEASURE_TYPES,
  OUTCOMES,
  PARTICIPANT_ROLES,
  PARTNER_TYPES,
  PERSON_ROLES,
  RAISED_BY,
  STEP_KINDS,
  VIEW_SIDES,
  type ConflictCase,
  type ConsentText,
  type Measure,
  type Person,
} from '../../../shared/network';
import { call } from '../../api';
import { CheckboxGroup, ErrorBanner, FormActions, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';

type Values = Record<string, string>;
const orNull = (v: string | undefined) => (v ? v : null);
const today = () => toIsoDate(new Date());

/** Form state, submit with error display; `send` returns the call's promise. */
function useNetForm(initial: Values, send: (v: Values) => Promise<unknown>, onDone: () => void) {
  const [v, setV] = useState<Values>(initial);
  const [error, setError] = useState<unknown>(null);
  const errors = useFieldErrors(error);
  const set = (k: string) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await send(v);
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return { v, set, errors, error, submit };
}

function Shell({ f, children, onCancel }: { f: { error: unknown; submit: (e: FormEvent) => void }; children: ReactNode; onCancel: () => void }) {
  const { t } = useTranslation('network');
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <ErrorBanner error={f.error} />
      <div className="grid">{children}</div>
      <FormActions submit={t('save')} onCancel={onCancel} />
    </form>
  );
}

function useOptions() {
  const { t } = useTranslation('network');
  return <T extends string>(values: readonly T[], prefix: string, empty?: string) => [
    ...(empty !== undefined ? [{ value: '', label: empty }] : []),
    ...values.map((value) => ({ value, label: t(`${prefix}.${value}` as 'tab') })),
  ];
}

interface FormProps {
  traineeId: number;
  onDone: () => void;
  onCancel: () => void;
}

export function PersonForm({ traineeId, person, contacts, onDone, onCancel }: FormProps & { person?: Person; contacts: Contact[] }) {
  const { t } = useTranslation('network');
  const opts = useOptions();
  const f = useNetForm(
    { name: person?.name ?? '', role: person?.role ?? 'mediator', contactId: person?.contactId ? String(person.contactId) : '', partnerType: person?.partnerType ?? '', since: person?.since ?? '', until: person?.until ?? '', phone: person?.phone ?? '', email: person?.email ?? '', reach: person?.reach ?? '' },
    (v) =>
      call('network.savePerson', {
        ...(person ? { id: person.id } : {}),
        traineeId,
        name: v.name!,
        role: v.role as Person['role'],
        contactId: v.contactId ? Number(v.contactId) : null,
        partnerType: orNull(v.partnerType) as Person['partnerType'],
        since: orNull(v.since),
        until: orNull(v.until),
        phone: v.phone,
        email: v.email,
        reach: v.reach,
      }),
    onDone,
  );
  return (
    <Shell f={f} onCancel={onCancel}>
      <TextField label={t('people.name')} name="name" required value={f.v.name!} onChange={f.set('name')} error={f.errors.name} />
      <SelectField label={t('people.role')} name="role" value={f.v.role!} onChange={f.set('role')} options={opts(PERSON_ROLES, 'people.roles')} error={f.errors.role} />
      <SelectField label={t('people.organisation')} name="contactId" value={f.v.contactId!} onChange={f.set('contactId')} options={[{ value: '', label: t('people.noOrganisation') }, ...contacts.map((c) => ({ value: String(c.id), label: c.organisation }))]} error={f.errors.contactId} />
      <SelectField label={t('people.partnerType')} name="partnerType" value={f.v.partnerType!} onChange={f.set('partnerType')} options={opts(PARTNER_TYPES, 'people.partnerTypes', t('people.partnerTypes.none'))} />
      <TextField label={t('people.since')} name="since" type="date" value={f.v.since!} onChange={f.set('since')} error={f.errors.since} />
      <TextField label={t('people.until')} name="until" type="date" value={f.v.until!} onChange={f.set('until')} error={f.errors.until} />
      <TextField label={t('people.phone')} name="phone" value={f.v.phone!} onChange={f.set('phone')} error={f.errors.phone} />
      <TextField label={t('people.email')} name="email" value={f.v.email!} onChange={f.set('email')} error={f.errors.email} />
      <TextField label={t('people.reach')} name="reach" hint={t('people.reachHint')} wide value={f.v.reach!} onChange={f.set('reach')} error={f.errors.reach} />
    </Shell>
  );
}

export function MeasureForm({ traineeId, measure, onDone, onCancel }: FormProps & { measure?: Measure }) {
  const { t } = useTranslation('network');
  const opts = useOptions();
  const f = useNetForm(
    { type: measure?.type ?? 'praktikum', title: measure?.title ?? '', provider: measure?.provider ?? '', startOn: measure?.startOn ?? '', endOn: measure?.endOn ?? '', status: measure?.status ?? 'planned', level: measure?.level ?? '', hours: measure?.hours ? String(measure.hours) : '', nextStep: measure?.nextStep ?? '' },
    (v) =>
      call('network.saveMeasure', {
        ...(measure ? { id: measure.id } : {}),
        traineeId,
        type: v.type as Measure['type'],
        title: v.title,
        provider: v.provider,
        startOn: v.startOn!,
        endOn: orNull(v.endOn),
        status: v.status as Measure['status'],
        level: orNull(v.level) as Measure['level'],
        hours: v.hours ? Number(v.hours) : null,
        nextStep: v.nextStep,
      }),
    onDone,
  );
  const withLevel = f.v.type === 'sprachkurs' || f.v.type === 'asa_flex';
  return (
    <Shell f={f} onCancel={onCancel}>
      <SelectField label={t('measures.type')} name="type" value={f.v.type!} onChange={f.set('type')} options={opts(MEASURE_TYPES, 'measures.types')} error={f.errors.type} />
      <SelectField label={t('measures.status')} name="status" value={f.v.status!} onChange={f.set('status')} options={opts(MEASURE_STATUSES, 'measures.statuses')} />
      <TextField label={t('measures.titleField')} name="title" value={f.v.title!} onChange={f.set('title')} error={f.errors.title} />
      <TextField label={t('measures.provider')} name="provider" value={f.v.provider!} onChange={f.set('provider')} error={f.errors.provider} />
      <TextField label={t('measures.startOn')} name="startOn" type="date" required value={f.v.startOn!} onChange={f.set('startOn')} error={f.errors.startOn} />
      <TextField label={t('measures.endOn')} name="endOn" type="date" value={f.v.endOn!} onChange={f.set('endOn')} error={f.errors.endOn} />
      {withLevel ? (
        <>
          <SelectField label={t('measures.level')} name="level" value={f.v.level!} onChange={f.set('level')} options={[{ value: '', label: t('none') }, ...LANGUAGE_LEVELS.map((l) => ({ value: l, label: l }))]} error={f.errors.level} />
          <TextField label={t('measures.hours')} name="hours" type="number" value={f.v.hours!} onChange={f.set('hours')} error={f.errors.hours} />
        </>
      ) : null}
      <TextField label={t('measures.nextStep')} name="nextStep" wide value={f.v.nextStep!} onChange={f.set('nextStep')} error={f.errors.nextStep} />
    </Shell>
  );
}

export function CaseForm({ traineeId, item, onDone, onCancel }: FormProps & { item?: ConflictCase }) {
  const { t } = useTranslation('network');
  const opts = useOptions();
  const f = useNetForm(
    { category: item?.category ?? 'attendance', occasion: item?.occasion ?? '', raisedBy: item?.raisedBy ?? 'firm', raisedOn: item?.raisedOn ?? today(), earlierWarnings: item?.earlierWarnings ?? '', outcome: item?.outcome ?? '', outcomeNote: item?.outcomeNote ?? '', closedOn: item?.closedOn ?? '' },
    (v) =>
      call('network.saveCase', {
        ...(item ? { id: item.id } : {}),
        traineeId,
        category: v.category as ConflictCase['category'],
        occasion: v.occasion!,
        raisedBy: v.raisedBy as ConflictCase['raisedBy'],
        raisedOn: v.raisedOn!,
        earlierWarnings: v.earlierWarnings,
        outcome: orNull(v.outcome) as ConflictCase['outcome'],
        outcomeNote: v.outcomeNote,
        closedOn: orNull(v.closedOn),
      }),
    onDone,
  );
  return (
    <Shell f={f} onCancel={onCancel}>
      <SelectField label={t('cases.category')} name="category" value={f.v.category!} onChange={f.set('category')} options={opts(CONFLICT_CATEGORIES, 'cases.categories')} />
      <SelectField label={t('cases.raisedBy')} name="raisedBy" value={f.v.raisedBy!} onChange={f.set('raisedBy')} options={opts(RAISED_BY, 'cases.raisedByOptions')} />
      <TextField label={t('cases.raisedOn')} name="raisedOn" type="date" required value={f.v.raisedOn!} onChange={f.set('raisedOn')} error={f.errors.raisedOn} />
      <TextArea label={t('cases.occasion')} name="occasion" rows={2} value={f.v.occasion!} onChange={f.set('occasion')} error={f.errors.occasion} />
      <TextArea label={t('cases.earlierWarnings')} name="earlierWarnings" rows={2} value={f.v.earlierWarnings!} onChange={f.set('earlierWarnings')} error={f.errors.earlierWarnings} />
      {item ? (
        <>
          <SelectField label={t('cases.outcome')} name="outcome" value={f.v.outcome!} onChange={f.set('outcome')} options={opts(OUTCOMES, 'cases.outcomes', t('cases.noOutcome'))} error={f.errors.outcome} />
          <TextField label={t('cases.closedOn')} name="closedOn" type="date" value={f.v.closedOn!} onChange={f.set('closedOn')} error={f.errors.closedOn} />
          <TextArea label={t('cases.outcomeNote')} name="outcomeNote" rows={2} value={f.v.outcomeNote!} onChange={f.set('outcomeNote')} error={f.errors.outcomeNote} />
        </>
      ) : null}
    </Shell>
  );
}

type Participant = { name: string; role: string; language: string };

export function StepForm({ caseId, onDone, onCancel }: { caseId: number; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('network');
  const opts = useOptions();
  const [people, setPeople] = useState<Participant[]>([{ name: '', role: 'firm', language: '' }]);
  const f = useNetForm(
    { kind: 'moderated', heldOn: today(), place: '', facts: '', summaryTo: '' },
    (v) =>
      call('network.saveStep', {
        caseId,
        kind: v.kind as (typeof STEP_KINDS)[number],
        heldOn: v.heldOn!,
        place: v.place,
        facts: v.facts,
        summaryTo: v.summaryTo,
        participants: people.filter((p) => p.name.trim() !== '').map((p) => ({ name: p.name, role: p.role as (typeof PARTICIPANT_ROLES)[number], language: orNull(p.language) })),
      }),
    onDone,
  );
  const setP = (i: number, k: keyof Participant) => (x: string) => setPeople((s) => s.map((p, j) => (j === i ? { ...p, [k]: x } : p)));
  return (
    <Shell f={f} onCancel={onCancel}>
      <SelectField label={t('steps.kind')} name="kind" value={f.v.kind!} onChange={f.set('kind')} options={opts(STEP_KINDS, 'steps.kinds')} />
      <TextField label={t('steps.heldOn')} name="heldOn" type="date" required value={f.v.heldOn!} onChange={f.set('heldOn')} error={f.errors.heldOn} />
      <TextField label={t('steps.place')} name="place" value={f.v.place!} onChange={f.set('place')} error={f.errors.place} />
      <fieldset className="field field-wide participants">
        <legend>{t('steps.participants')}</legend>
        {people.map((p, i) => (
          <div key={i} className="participant-row" data-testid={`participant-${i}`}>
            <TextField label={t('steps.participantName')} name={`participant-name-${i}`} value={p.name} onChange={setP(i, 'name')} error={f.errors[`participants.${i}.name`]} />
            <SelectField label={t('steps.participantRole')} name={`participant-role-${i}`} value={p.role} onChange={setP(i, 'role')} options={opts(PARTICIPANT_ROLES, 'steps.roles')} />
            {p.role === 'interpreter' ? <TextField label={t('steps.participantLanguage')} name={`participant-language-${i}`} value={p.language} onChange={setP(i, 'language')} error={f.errors[`participants.${i}.language`]} /> : null}
          </div>
        ))}
        <button type="button" onClick={() => setPeople((s) => [...s, { name: '', role: 'trainee', language: '' }])}>
          {t('steps.addParticipant')}
        </button>
      </fieldset>
      <TextArea label={t('steps.facts')} name="facts" rows={3} value={f.v.facts!} onChange={f.set('facts')} error={f.errors.facts} />
      <TextField label={t('steps.summaryTo')} name="summaryTo" wide value={f.v.summaryTo!} onChange={f.set('summaryTo')} error={f.errors.summaryTo} />
    </Shell>
  );
}

export function ViewForm({ stepId, side, onDone, onCancel }: { stepId: number; side: (typeof VIEW_SIDES)[number]; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('network');
  const f = useNetForm({ text: '', confirmedOn: '' }, (v) => call('network.saveView', { stepId, side, text: v.text!, confirmedOn: orNull(v.confirmedOn) }), onDone);
  return (
    <Shell f={f} onCancel={onCancel}>
      <TextArea label={t(`steps.sides.${side}`)} name="text" rows={3} value={f.v.text!} onChange={f.set('text')} error={f.errors.text} />
      <TextField label={t('steps.confirmedOn')} name="confirmedOn" type="date" value={f.v.confirmedOn!} onChange={f.set('confirmedOn')} error={f.errors.confirmedOn} />
    </Shell>
  );
}

export function AgreementForm({ stepId, onDone, onCancel }: { stepId: number; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('network');
  const opts = useOptions();
  const f = useNetForm(
    { what: '', who: '', dueOn: '', reviewOn: '', status: 'open' },
    (v) => call('network.saveAgreement', { stepId, what: v.what!, who: v.who!, dueOn: v.dueOn!, reviewOn: orNull(v.reviewOn), status: v.status as (typeof AGREEMENT_STATUSES)[number] }),
    onDone,
  );
  return (
    <Shell f={f} onCancel={onCancel}>
      <TextField label={t('steps.what')} name="what" required wide value={f.v.what!} onChange={f.set('what')} error={f.errors.what} />
      <TextField label={t('steps.who')} name="who" required value={f.v.who!} onChange={f.set('who')} error={f.errors.who} />
      <TextField label={t('steps.dueOn')} name="dueOn" type="date" required value={f.v.dueOn!} onChange={f.set('dueOn')} error={f.errors.dueOn} />
      <TextField label={t('steps.reviewOn')} name="reviewOn" type="date" value={f.v.reviewOn!} onChange={f.set('reviewOn')} error={f.errors.reviewOn} />
      <SelectField label={t('steps.agreementStatus')} name="status" value={f.v.status!} onChange={f.set('status')} options={opts(AGREEMENT_STATUSES, 'steps.agreementStatuses')} />
    </Shell>
  );
}

export function ConsentForm({ traineeId, people, texts, onDone, onCancel }: FormProps & { people: Person[]; texts: ConsentText[] }) {
  const { t } = useTranslation('network');
  const opts = useOptions();
  const [categories, setCategories] = useState<(typeof DATA_CATEGORIES)[number][]>([]);
  const latest = texts.filter((x) => !texts.some((y) => y.family === x.family && y.version > x.version));
  const f = useNetForm(
    { personId: '', textId: latest[0] ? String(latest[0].id) : '', textTitle: '', textBody: '', purpose: '', givenOn: today(), form: 'paper_scan', validUntil: '' },
    async (v) => {
      let textId = Number(v.textId);
      if (!v.textId) textId = (await call('network.saveConsentText', { title: v.textTitle!, body: v.textBody! })).id;
      const input: CallInput<'network.saveConsent'> = { traineeId, textId, personId: v.personId ? Number(v.personId) : null, purpose: v.purpose!, categories, givenOn: v.givenOn!, form: v.form as (typeof CONSENT_FORMS)[number], validUntil: orNull(v.validUntil) };
      return call('network.saveConsent', input);
    },
    onDone,
  );
  return (
    <Shell f={f} onCancel={onCancel}>
      <SelectField label={t('consents.recipient')} name="personId" required value={f.v.personId!} onChange={f.set('personId')} options={[{ value: '', label: t('consents.chooseRecipient') }, ...people.map((p) => ({ value: String(p.id), label: p.organisation ? `${p.name} (${p.organisation})` : p.name }))]} error={f.errors.personId} />
      <SelectField label={t('consents.text')} name="textId" value={f.v.textId!} onChange={f.set('textId')} options={[...latest.map((x) => ({ value: String(x.id), label: t('consents.textVersion', { title: x.title, version: x.version }) })), { value: '', label: t('consents.newText') }]} />
      {!f.v.textId ? (
        <>
          <TextField label={t('consents.textTitle')} name="textTitle" wide required value={f.v.textTitle!} onChange={f.set('textTitle')} error={f.errors.title} />
          <TextArea label={t('consents.textBody')} name="textBody" rows={4} value={f.v.textBody!} onChange={f.set('textBody')} error={f.errors.body} />
        </>
      ) : null}
      <TextField label={t('consents.purpose')} name="purpose" required wide value={f.v.purpose!} onChange={f.set('purpose')} error={f.errors.purpose} />
      <CheckboxGroup legend={t('consents.categories')} name="categories" options={DATA_CATEGORIES.map((value) => ({ value, label: t(`consents.dataCategories.${value}`) }))} value={categories} onChange={setCategories} error={f.errors.categories} />
      <TextField label={t('consents.givenOn')} name="givenOn" type="date" required value={f.v.givenOn!} onChange={f.set('givenOn')} error={f.errors.givenOn} />
      <SelectField label={t('consents.form')} name="form" value={f.v.form!} onChange={f.set('form')} options={opts(CONSENT_FORMS, 'consents.forms')} />
      <TextField label={t('consents.validUntil')} name="validUntil" type="date" value={f.v.validUntil!} onChange={f.set('validUntil')} error={f.errors.validUntil} />
    </Shell>
  );
}

export function RevokeForm({ consentId, onDone, onCancel }: { consentId: number; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('network');
  const f = useNetForm({ revokedOn: today() }, (v) => call('network.revokeConsent', { id: consentId, revokedOn: v.revokedOn! }), onDone);
  return (
    <Shell f={f} onCancel={onCancel}>
      <p className="field-wide">{t('consents.revokeHint')}</p>
      <TextField label={t('consents.revokedOn')} name="revokedOn" type="date" required value={f.v.revokedOn!} onChange={f.set('revokedOn')} error={f.errors.revokedOn} />
    </Shell>
  );
}

export function NoteForm({ traineeId, onDone, onCancel }: FormProps) {
  const { t } = useTranslation('network');
  const [confidential, setConfidential] = useState(true);
  const f = useNetForm({ notedOn: today(), author: '', topic: '', body: '' }, (v) => call('network.saveNote', { traineeId, notedOn: v.notedOn!, author: v.author!, topic: v.topic!, body: v.body!, confidential }), onDone);
  return (
    <Shell f={f} onCancel={onCancel}>
      <TextField label={t('notes.notedOn')} name="notedOn" type="date" required value={f.v.notedOn!} onChange={f.set('notedOn')} error={f.errors.notedOn} />
      <TextField label={t('notes.author')} name="author" required value={f.v.author!} onChange={f.set('author')} error={f.errors.author} />
      <TextField label={t('notes.topic')} name="topic" required value={f.v.topic!} onChange={f.set('topic')} error={f.errors.topic} />
      <TextArea label={t('notes.body')} name="body" rows={4} value={f.v.body!} onChange={f.set('body')} error={f.errors.body} />
      <label className="check field-wide">
        <input type="checkbox" name="confidential" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} /> {t('notes.confidential')}
      </label>
    </Shell>
  );
}

export function CompetenceForm({ traineeId, onDone, onCancel }: FormProps) {
  const { t } = useTranslation('network');
  const opts = useOptions();
  const f = useNetForm(
    { what: '', source: 'country', where: '', proof: 'own_account', planPositions: '' },
    (v) =>
      call('network.saveCompetence', {
        traineeId,
        what: v.what!,
        source: v.source as (typeof COMPETENCE_SOURCES)[number],
        where: v.where,
        proof: v.proof as (typeof COMPETENCE_PROOFS)[number],
        planPositions: v.planPositions!.split(',').map((x) => x.trim()).filter(Boolean),
      }),
    onDone,
  );
  return (
    <Shell f={f} onCancel={onCancel}>
      <TextField label={t('competences.what')} name="what" required wide value={f.v.what!} onChange={f.set('what')} error={f.errors.what} />
      <SelectField label={t('competences.source')} name="source" value={f.v.source!} onChange={f.set('source')} options={opts(COMPETENCE_SOURCES, 'competences.sources')} />
      <TextField label={t('competences.where')} name="where" value={f.v.where!} onChange={f.set('where')} error={f.errors.where} />
      <SelectField label={t('competences.proof')} name="proof" value={f.v.proof!} onChange={f.set('proof')} options={opts(COMPETENCE_PROOFS, 'competences.proofs')} />
      <TextField label={t('competences.planPositions')} name="planPositions" hint={t('competences.planPositionsHint')} value={f.v.planPositions!} onChange={f.set('planPositions')} error={f.errors.planPositions} />
    </Shell>
  );
}
