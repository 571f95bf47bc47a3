// The trainee's "Netzwerk" tab: people around the trainee, the measures on one timeline with gaps marked,
// the conflict moderation cases, consents and what went to whom.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, toIsoDate } from '../../../shared/format';
import type { ConflictCase, ConflictStep, Consent, Person } from '../../../shared/network';
import type { TraineeFile } from '../../../shared/trainees';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ExportButton } from '../../components/ExportButton';
import { ErrorBanner, Notice } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { ConsentScan } from './ConsentScan';
import { ImportReply, ShareCasefileForm } from '../casefile/ShareCasefile';
import { AgreementForm, CaseForm, CompetenceForm, ConsentForm, MeasureForm, NoteForm, PersonForm, RevokeForm, StepForm, ViewForm } from './forms';

type DialogState =
  | { kind: 'person'; person?: Person }
  | { kind: 'measure' }
  | { kind: 'case'; item?: ConflictCase }
  | { kind: 'step'; caseId: number }
  | { kind: 'view'; stepId: number; side: 'firm' | 'trainee' }
  | { kind: 'agreement'; stepId: number }
  | { kind: 'consent' }
  | { kind: 'revoke'; consent: Consent }
  | { kind: 'note' }
  | { kind: 'competence' }
  | { kind: 'casefile' }
  | null;

export function NetworkTab({ trainee }: { trainee: TraineeFile }) {
  const { t } = useTranslation('network');
  const { t: tc } = useTranslation('common');
  const data = useAsync(
    () => Promise.all([call('network.overview', { traineeId: trainee.id }), call('contacts.list', {}), call('network.consentTexts', {})]),
    [trainee.id],
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const { t: tf } = useTranslation('casefile');
  const [shared, setShared] = useState<string | null>(null);
  if (data.error) return <ErrorBanner error={data.error} />;
  if (!data.data) return <p className="muted">{tc('status.loading')}</p>;
  const [ov, contacts, texts] = data.data;
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    data.reload();
  };
  const common = { traineeId: trainee.id, onDone: done, onCancel: close };
  const title =
    dialog === null ? '' : { person: t('people.add'), measure: t('measures.add'), case: t('cases.add'), step: t('cases.addStep'), view: t('steps.addView'), agreement: t('steps.addAgreement'), consent: t('consents.add'), revoke: t('consents.revokeTitle'), note: t('notes.add'), competence: t('competences.add'), casefile: tf('share.title') }[dialog.kind];
  const todayIso = toIsoDate(new Date());

  return (
    <div className="network-tab">
      <p className="muted">{t('intro')}</p>

      <section aria-labelledby="net-people">
        <div className="section-head">
          <h2 id="net-people">{t('people.title')}</h2>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'person' })}>
            {t('people.add')}
          </button>
        </div>
        {ov.people.length === 0 ? (
          <p className="empty">{t('people.empty')}</p>
        ) : (
          <table className="data network-people">
            <thead>
              <tr>
                <th>{t('people.name')}</th>
                <th>{t('people.role')}</th>
                <th>{t('people.organisation')}</th>
                <th>{t('people.reach')}</th>
                <th>{t('people.since')} – {t('people.until')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {ov.people.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{t(`people.roles.${p.role}`)}</td>
                  <td>
                    {p.organisation ?? t('none')}
                    {p.partnerType ? <small className="muted"> ({t(`people.partnerTypes.${p.partnerType}`)})</small> : null}
                  </td>
                  <td>{[p.phone, p.email, p.reach].filter(Boolean).join(' · ') || t('none')}</td>
                  <td>{p.since || p.until ? `${formatDate(p.since)} – ${formatDate(p.until)}` : t('none')}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setDialog({ kind: 'person', person: p })}>
                      {t('edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="net-measures">
        <div className="section-head">
          <h2 id="net-measures">{t('measures.title')}</h2>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'measure' })}>
            {t('measures.add')}
          </button>
        </div>
        {ov.measures.length === 0 ? (
          <p className="empty">{t('measures.empty')}</p>
        ) : (
          <ol className="timeline">
            {ov.measures.map((m) => (
              <li key={m.id} className={`timeline-item status-${m.status}${m.gap ? ' has-gap' : ''}`} data-testid={`measure-${m.id}`}>
                <div>
                  <strong>{t(`measures.types.${m.type}`)}</strong>
                  {m.title ? ` – ${m.title}` : ''} <span className="muted">({t(`measures.statuses.${m.status}`)})</span>
                </div>
                <div>
                  {formatDate(m.startOn)} – {m.endOn ? formatDate(m.endOn) : t('measures.open')}
                  {m.provider ? ` · ${m.provider}` : ''}
                  {m.level ? ` · ${m.level}` : ''}
                  {m.hours ? ` · ${m.hours} ${t('measures.hours')}` : ''}
                </div>
                {m.nextStep ? (
                  <div className="muted">
                    {t('measures.nextStep')}: {m.nextStep}
                  </div>
                ) : null}
                {m.gap ? (
                  <div className="gap-warning" role="note">
                    <strong>{t('measures.gap', { date: formatDate(m.endOn) })}</strong> {t('measures.gapHint')}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="net-cases">
        <div className="section-head">
          <h2 id="net-cases">{t('cases.title')}</h2>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'case' })}>
            {t('cases.add')}
          </button>
        </div>
        {ov.cases.length === 0 ? <p className="empty">{t('cases.empty')}</p> : null}
        {ov.cases.map((c) => (
          <article key={c.id} className="card conflict-case" aria-label={t('cases.caseLabel', { category: t(`cases.categories.${c.category}`), date: formatDate(c.raisedOn) })}>
            <h3>{t('cases.caseLabel', { category: t(`cases.categories.${c.category}`), date: formatDate(c.raisedOn) })}</h3>
            <p>{c.occasion}</p>
            <p className="muted">
              {t('cases.raisedBy')}: {t(`cases.raisedByOptions.${c.raisedBy}`)}
              {c.earlierWarnings ? ` · ${t('cases.earlierWarnings')}: ${c.earlierWarnings}` : ''}
            </p>
            <p>
              {t('cases.outcome')}: {c.outcome ? t(`cases.outcomes.${c.outcome}`) : t('cases.noOutcome')}
              {c.closedOn ? ` (${formatDate(c.closedOn)})` : ''}
            </p>
            {c.endsTraining && trainee.status === 'active' ? (
              <div className="banner banner-warn">
                {t('cases.endsTraining')} <a href={href(`/trainees/${trainee.id}`)}>{t('cases.toEnd')}</a>
              </div>
            ) : null}
            {c.steps.map((s) => (
              <StepView key={s.id} step={s} onView={(side) => setDialog({ kind: 'view', stepId: s.id, side })} onAgreement={() => setDialog({ kind: 'agreement', stepId: s.id })} />
            ))}
            <div className="actions">
              <button type="button" onClick={() => setDialog({ kind: 'step', caseId: c.id })}>
                {t('cases.addStep')}
              </button>
              <button type="button" onClick={() => setDialog({ kind: 'case', item: c })}>
                {t('edit')}
              </button>
              <ExportButton request={{ kind: 'moderationsprotokoll', caseId: c.id }} label={t('cases.protocol')} />
            </div>
          </article>
        ))}
      </section>

      <section aria-labelledby="net-casefile">
        <div className="section-head">
          <h2 id="net-casefile">{tf('share.title')}</h2>
          <button type="button" className="primary" onClick={() => (setShared(null), setDialog({ kind: 'casefile' }))}>
            {tf('share.button')}
          </button>
        </div>
        {shared ? <Notice>{shared}</Notice> : null}
        <ImportReply onDone={data.reload} />
      </section>

      <section aria-labelledby="net-consents">
        <div className="section-head">
          <h2 id="net-consents">{t('consents.title')}</h2>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'consent' })}>
            {t('consents.add')}
          </button>
        </div>
        <p className="muted">{t('consents.intro')}</p>
        <p className="banner banner-info statutory-note">{t('consents.statutory')}</p>
        {ov.consents.length === 0 ? (
          <p className="empty">{t('consents.empty')}</p>
        ) : (
          <table className="data network-consents">
            <thead>
              <tr>
                <th>{t('consents.recipient')}</th>
                <th>{t('consents.purpose')}</th>
                <th>{t('consents.categories')}</th>
                <th>{t('consents.givenOn')}</th>
                <th>{t('consents.validUntil')}</th>
                <th>{t('consents.text')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {ov.consents.map((c) => (
                <tr key={c.id}>
                  <td>{c.recipient}</td>
                  <td>{c.purpose}</td>
                  <td>{c.categories.map((k) => t(`consents.dataCategories.${k}`)).join(', ')}</td>
                  <td>
                    {formatDate(c.givenOn)} <small className="muted">({t(`consents.forms.${c.form}`)})</small>
                  </td>
                  <td>{formatDate(c.validUntil) || t('none')}</td>
                  <td>{t('consents.textVersion', { title: c.textTitle, version: c.textVersion })}</td>
                  <td>
                    <ConsentScan consent={c} onChanged={data.reload} />
                    <ExportButton request={{ kind: 'einwilligung', consentId: c.id }} label={t('consents.printForm')} />{' '}
                    {c.revokedOn ? (
                      <strong className="revoked">{t('consents.revoked', { date: formatDate(c.revokedOn) })}</strong>
                    ) : c.validUntil && c.validUntil < todayIso ? (
                      t('consents.expired')
                    ) : (
                      <button type="button" onClick={() => setDialog({ kind: 'revoke', consent: c })}>
                        {t('consents.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('consents.disclosures')}</h3>
        {ov.disclosures.length === 0 ? (
          <p className="empty">{t('consents.noDisclosures')}</p>
        ) : (
          <ul className="disclosures">
            {ov.disclosures.map((d) => (
              <li key={d.id}>
                {formatDate(d.disclosedOn)}: {d.recipient} – {d.categories.map((k) => t(`consents.dataCategories.${k}`)).join(', ')}
                {d.sha256 ? <small className="muted"> (SHA-256 {d.sha256.slice(0, 12)}…)</small> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="net-access">
        <h2 id="net-access">{t('access.title')}</h2>
        <p className="muted">{t('access.intro')}</p>
        <div className="actions">
          <ExportButton request={{ kind: 'auskunft', traineeId: trainee.id }} label={t('access.pdf')} />
          <ExportButton request={{ kind: 'auskunft-json', traineeId: trainee.id }} label={t('access.json')} />
        </div>
      </section>

      <section aria-labelledby="net-competences">
        <div className="section-head">
          <h2 id="net-competences">{t('competences.title')}</h2>
          <button type="button" onClick={() => setDialog({ kind: 'competence' })}>
            {t('competences.add')}
          </button>
        </div>
        {ov.competences.length === 0 ? (
          <p className="empty">{t('competences.empty')}</p>
        ) : (
          <ul className="competences">
            {ov.competences.map((c) => (
              <li key={c.id}>
                <strong>{c.what}</strong> – {t(`competences.sources.${c.source}`)}
                {c.where ? `: ${c.where}` : ''} · {t(`competences.proofs.${c.proof}`)}
                {c.planPositions.length > 0 ? ` · ${t('competences.planPositions')}: ${c.planPositions.join(', ')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="net-notes">
        <div className="section-head">
          <h2 id="net-notes">{t('notes.title')}</h2>
          <button type="button" onClick={() => setDialog({ kind: 'note' })}>
            {t('notes.add')}
          </button>
        </div>
        {ov.notes.length === 0 ? (
          <p className="empty">{t('notes.empty')}</p>
        ) : (
          <ul className="notes">
            {ov.notes.map((n) => (
              <li key={n.id}>
                <strong>
                  {formatDate(n.notedOn)} · {n.topic}
                </strong>{' '}
                <span className="muted">
                  ({n.author}
                  {n.confidential ? `, ${t('notes.confidentialShort')}` : ''})
                </span>
                <div>{n.body}</div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Dialog open={dialog !== null} title={title} onClose={close}>
        {dialog?.kind === 'person' ? <PersonForm {...common} contacts={contacts} {...(dialog.person ? { person: dialog.person } : {})} /> : null}
        {dialog?.kind === 'measure' ? <MeasureForm {...common} /> : null}
        {dialog?.kind === 'case' ? <CaseForm {...common} {...(dialog.item ? { item: dialog.item } : {})} /> : null}
        {dialog?.kind === 'step' ? <StepForm caseId={dialog.caseId} onDone={done} onCancel={close} /> : null}
        {dialog?.kind === 'view' ? <ViewForm stepId={dialog.stepId} side={dialog.side} onDone={done} onCancel={close} /> : null}
        {dialog?.kind === 'agreement' ? <AgreementForm stepId={dialog.stepId} onDone={done} onCancel={close} /> : null}
        {dialog?.kind === 'consent' ? <ConsentForm {...common} people={ov.people} texts={texts} /> : null}
        {dialog?.kind === 'note' ? <NoteForm {...common} /> : null}
        {dialog?.kind === 'competence' ? <CompetenceForm {...common} /> : null}
        {dialog?.kind === 'casefile' ? <ShareCasefileForm traineeId={trainee.id} consents={ov.consents} onCancel={close} onDone={(m) => (setShared(m), done())} /> : null}
        {dialog?.kind === 'revoke' ? <RevokeForm consentId={dialog.consent.id} onDone={done} onCancel={close} /> : null}
      </Dialog>
    </div>
  );
}

function StepView({ step, onView, onAgreement }: { step: ConflictStep; onView: (side: 'firm' | 'trainee') => void; onAgreement: () => void }) {
  const { t } = useTranslation('network');
  return (
    <section className="conflict-step" aria-label={`${t(`steps.kinds.${step.kind}`)} ${formatDate(step.heldOn)}`}>
      <h4>
        {t(`steps.kinds.${step.kind}`)} – {formatDate(step.heldOn)}
        {step.place ? `, ${step.place}` : ''}
      </h4>
      {step.participants.length > 0 ? (
        <p>
          {t('steps.participants')}:{' '}
          {step.participants.map((p) => `${p.name} (${t(`steps.roles.${p.role}`)}${p.language ? `, ${p.language}` : ''})`).join('; ')}
        </p>
      ) : null}
      {step.facts ? (
        <p>
          <strong>{t('steps.facts')}:</strong> {step.facts}
        </p>
      ) : null}
      <h5>{t('steps.views')}</h5>
      <ul className="views">
        {(['firm', 'trainee'] as const).map((side) => {
          const v = step.views.find((x) => x.side === side);
          return (
            <li key={side}>
              <strong>{t(`steps.sides.${side}`)}:</strong>{' '}
              {v ? (
                <>
                  {v.text} <small className="muted">({v.confirmedOn ? t('steps.confirmed', { date: formatDate(v.confirmedOn) }) : t('steps.unconfirmed')})</small>
                </>
              ) : (
                t('none')
              )}{' '}
              <button type="button" className="link-button" onClick={() => onView(side)}>
                {t('steps.addView')}: {t(`steps.sides.${side}`)}
              </button>
            </li>
          );
        })}
      </ul>
      <h5>{t('steps.agreements')}</h5>
      {step.agreements.length > 0 ? (
        <table className="data agreements">
          <thead>
            <tr>
              <th>{t('steps.what')}</th>
              <th>{t('steps.who')}</th>
              <th>{t('steps.dueOn')}</th>
              <th>{t('steps.reviewOn')}</th>
              <th>{t('steps.agreementStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {step.agreements.map((a) => (
              <tr key={a.id}>
                <td>{a.what}</td>
                <td>{a.who}</td>
                <td>{formatDate(a.dueOn)}</td>
                <td>{formatDate(a.reviewOn) || t('none')}</td>
                <td>{t(`steps.agreementStatuses.${a.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" onClick={onAgreement}>
        {t('steps.addAgreement')}
      </button>
    </section>
  );
}
