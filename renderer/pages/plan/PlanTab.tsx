// The trainee's "Ausbildungsplan" tab: create the plan from the template, see the progress (per training year,
// per position, overdue), adjust items (status, move, split, the firm's own content), export the PDFs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../shared/format';
import type { Plan, PlanItem, PlanPosition, Progress, ProgressCount } from '../../../shared/plan';
import type { Trainee } from '../../../shared/trainees';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ExportButton } from '../../components/ExportButton';
import { ErrorBanner } from '../../components/forms';
import { useAsync } from '../../useAsync';
import { AddItemForm, AddPositionForm, MoveForm, SplitForm, StatusForm } from './PlanForms';
import { itemLabel, monthYear, useChangeText } from './planText';

type DialogState =
  | { kind: 'status' | 'move' | 'split'; position: PlanPosition; item: PlanItem }
  | { kind: 'addItem' | 'addPosition' }
  | null;

export function PlanTab({ trainee }: { trainee: Trainee }) {
  const { t } = useTranslation('plan');
  const { t: tc } = useTranslation('common');
  const data = useAsync(async () => {
    const [plan, firm] = await Promise.all([call('plan.get', { traineeId: trainee.id }), call('firm.get')]);
    const progress = plan ? await call('plan.progress', { traineeId: trainee.id }) : null;
    return { plan, progress, trainers: firm?.trainers ?? [] };
  }, [trainee.id]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (data.error) return <ErrorBanner error={data.error} />;
  if (!data.data) return <p className="muted">{tc('status.loading')}</p>;
  const { plan, progress, trainers } = data.data;

  if (!plan || !progress) {
    return (
      <section className="card" aria-labelledby="plan-none">
        <h2 id="plan-none">{t('none.title')}</h2>
        <p>{t('none.text', { occupation: trainee.occupationName })}</p>
        <ErrorBanner error={error} />
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await call('plan.create', { traineeId: trainee.id });
              data.reload();
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('none.create')}
        </button>
      </section>
    );
  }
  return <PlanView plan={plan} progress={progress} trainers={trainers} trainee={trainee} reload={data.reload} />;
}

function PlanView({ plan, progress, trainers, trainee, reload }: { plan: Plan; progress: Progress; trainers: { id: number; name: string; role: string | null; aevo: boolean }[]; trainee: Trainee; reload: () => void }) {
  const { t } = useTranslation('plan');
  const [dialog, setDialog] = useState<DialogState>(null);
  const [error, setError] = useState<unknown>(null);
  const changeText = useChangeText();
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    reload();
  };
  async function remove(item: PlanItem) {
    setError(null);
    try {
      await call('plan.removeItem', { id: item.id });
      reload();
    } catch (e) {
      setError(e);
    }
  }
  const dialogTitle = dialog === null ? '' : 'item' in dialog ? t(`dialog.${dialog.kind}`, { item: itemLabel(dialog.position, dialog.item) }) : t(`dialog.${dialog.kind}`);
  return (
    <div className="plan-tab">
      {plan.occupationMismatch ? <p className="banner banner-warn">{t('mismatch', { planned: plan.occupationName, current: trainee.occupationName })}</p> : null}
      <ErrorBanner error={error} />
      <div className="section-head">
        <p className="muted">{t('regulation', { name: [plan.regulation.short, plan.regulation.name].filter(Boolean).join(' – ') })}</p>
        <div className="actions plan-exports">
          <ExportButton request={{ kind: 'ausbildungsplan', traineeId: trainee.id }} label={t('exportPlan')} />
          <ExportButton request={{ kind: 'ausbildungsstand', traineeId: trainee.id }} label={t('exportStand')} />
        </div>
      </div>
      <ProgressView progress={progress} />
      <section aria-labelledby="plan-positions">
        <div className="section-head">
          <h2 id="plan-positions">{t('positions.title')}</h2>
          <div className="actions">
            <button type="button" onClick={() => setDialog({ kind: 'addItem' })}>
              {t('actions.addItem')}
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'addPosition' })}>
              {t('actions.addPosition')}
            </button>
          </div>
        </div>
        <ol className="plan-positions">
          {plan.positions.map((p) => (
            <li key={p.number} className="card plan-position">
              <h3>
                <span className="plan-number">{p.number}</span> {p.title}
                {p.throughout ? <span className="pill">{t('positions.throughout')}</span> : null}
                {p.firmSpecific ? <span className="pill">{t('positions.firmSpecific')}</span> : null}
              </h3>
              <ul className="plan-items">
                {p.items.map((i) => (
                  <PlanItemRow key={i.id} position={p} item={i} onAction={(kind) => setDialog({ kind, position: p, item: i })} onRemove={() => remove(i)} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="plan-history">
        <h2 id="plan-history">{t('history.title')}</h2>
        <ul className="plan-history">
          {plan.history.map((h) => (
            <li key={h.id}>
              <span className="muted">{formatDate(h.at)}</span> {changeText(h)}
            </li>
          ))}
        </ul>
      </section>
      <Dialog open={dialog !== null} title={dialogTitle} onClose={close}>
        {dialog?.kind === 'status' ? <StatusForm item={dialog.item} trainers={trainers} onDone={done} onCancel={close} /> : null}
        {dialog?.kind === 'move' ? <MoveForm plan={plan} item={dialog.item} onDone={done} onCancel={close} /> : null}
        {dialog?.kind === 'split' ? <SplitForm plan={plan} position={dialog.position} item={dialog.item} onDone={done} onCancel={close} /> : null}
        {dialog?.kind === 'addItem' ? <AddItemForm plan={plan} onDone={done} onCancel={close} /> : null}
        {dialog?.kind === 'addPosition' ? <AddPositionForm plan={plan} onDone={done} onCancel={close} /> : null}
      </Dialog>
    </div>
  );
}

function PlanItemRow({ position: p, item: i, onAction, onRemove }: { position: PlanPosition; item: PlanItem; onAction: (k: 'status' | 'move' | 'split') => void; onRemove: () => void }) {
  const { t } = useTranslation('plan');
  const skills = i.itemKeys.map((k) => p.skills.find((s) => s.key === k)).filter((s) => s !== undefined);
  return (
    <li className={`plan-item plan-item-${i.status}${i.overdue ? ' plan-item-overdue' : ''}`} data-item={i.id}>
      <div className="plan-item-main">
        {i.text ? (
          <p>{t('positions.ownText', { text: i.text })}</p>
        ) : (
          <details>
            <summary>{t('positions.skills', { keys: i.itemKeys.join(', ') })}</summary>
            <ul className="plan-skills">
              {skills.map((s) => (
                <li key={s.key}>
                  {s.key}) {s.text}
                </li>
              ))}
            </ul>
          </details>
        )}
        <p className="muted">
          {p.throughout ? t('positions.throughout') : t('positions.period', { from: monthYear(i.plannedFrom), to: monthYear(i.plannedTo) })}
          {i.weeks ? ` · ${t('positions.weeks', { count: i.weeks })}` : ''}
        </p>
      </div>
      <div className="plan-item-state">
        <span className={`pill plan-status-${i.status}`}>{t(`status.${i.status}`)}</span>
        {i.overdue ? <span className="pill pill-danger">{t('overdueMark')}</span> : null}
        {i.status === 'done' ? <small>{t('doneBy', { date: formatDate(i.doneOn), name: i.confirmedByName ?? '' })}</small> : null}
        {i.place ? <small>{t('place', { place: i.place })}</small> : null}
        {i.note ? <small className="muted">{i.note}</small> : null}
      </div>
      <div className="plan-item-actions">
        <button type="button" onClick={() => onAction('status')}>
          {t('actions.status')}
        </button>
        {i.status !== 'done' && !p.throughout ? (
          <>
            <button type="button" onClick={() => onAction('move')}>
              {t('actions.move')}
            </button>
            {i.text !== null || i.itemKeys.length > 1 ? (
              <button type="button" onClick={() => onAction('split')}>
                {t('actions.split')}
              </button>
            ) : null}
          </>
        ) : null}
        {i.firmSpecific ? (
          <button type="button" className="danger" onClick={onRemove}>
            {t('actions.remove')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function ProgressView({ progress: pr }: { progress: Progress }) {
  const { t } = useTranslation('plan');
  const pct = (c: ProgressCount) => (c.weeks ? `${Math.round((c.weeksDone / c.weeks) * 100)} %` : '—');
  const row = (label: string, c: ProgressCount, key: string) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>{c.items}</td>
      <td>{c.done}</td>
      <td>{c.inProgress}</td>
      <td>{c.items - c.done}</td>
      <td className={c.overdue ? 'warn-text' : undefined}>{c.overdue}</td>
      <td>
        {formatNumber(c.weeksDone)} / {formatNumber(c.weeks)}
      </td>
      <td>{pct(c)}</td>
    </tr>
  );
  const head = (
    <thead>
      <tr>
        <th scope="col"></th>
        <th scope="col">{t('progress.items')}</th>
        <th scope="col">{t('progress.done')}</th>
        <th scope="col">{t('progress.inProgress')}</th>
        <th scope="col">{t('progress.open')}</th>
        <th scope="col">{t('progress.overdue')}</th>
        <th scope="col">{t('progress.weeks')}</th>
        <th scope="col">{t('progress.share')}</th>
      </tr>
    </thead>
  );
  return (
    <section className="plan-progress" aria-labelledby="plan-progress">
      <h2 id="plan-progress">
        {t('progress.title')} <span className="muted">{t('progress.asOf', { date: formatDate(pr.asOf) })}</span>
      </h2>
      <div className="plan-progress-grid">
        <div className="card">
          <table className="data plan-progress-table">
            {head}
            <tbody>
              {pr.years.map((y) => row(t('progress.year', { n: y.year }), y, `y${y.year}`))}
              {row(t('progress.throughout'), pr.throughout, 'thr')}
              {row(t('progress.total'), pr.total, 'total')}
            </tbody>
          </table>
        </div>
        <div className="card">
          <h3>{t('progress.overdueTitle')}</h3>
          {pr.overdue.length === 0 ? (
            <p className="muted">{t('progress.overdueNone')}</p>
          ) : (
            <ul className="plan-overdue">
              {pr.overdue.map((o) => (
                <li key={o.id}>
                  <strong>{o.positionNumber}</strong> {o.title}: {o.label} <span className="muted">({t('progress.plannedUntil', { date: formatDate(o.plannedTo) })})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <details className="card plan-progress-positions">
        <summary>{t('progress.byPosition')}</summary>
        <table className="data plan-progress-table">
          {head}
          <tbody>{pr.positions.map((p) => row(`${p.number} ${p.title}`, p, p.number))}</tbody>
        </table>
      </details>
    </section>
  );
}
