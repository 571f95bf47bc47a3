// The trainee's "Ausbildungsnachweis" tab: the weeks of the training with what is missing or waits for a
// sign-off, the sheet editor, the form (weekly / daily) and the PDF export for a date range. A week has its own
// address (#/trainees/<id>/nachweis/<Monday>), so the supervisor's overview and bookmarks open it directly.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../shared/format';
import { NACHWEIS_MODES, type NachweisMode, type WeekRow } from '../../../shared/nachweis';
import { addDays } from '../../../shared/trainingCalendar';
import type { Trainee } from '../../../shared/trainees';
import { call } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { ErrorBanner, SelectField, TextField } from '../../components/forms';
import { href, navigate, useRoute } from '../../router';
import { useAsync } from '../../useAsync';
import { PinSection } from './PinForms';
import { WeekEditor, type EditorTarget } from './WeekEditor';

/** What the editor opens for a week: its sheet, or a new one for the week's working days within the training. */
async function targetOf(w: WeekRow): Promise<EditorTarget> {
  if (w.recordIds[0]) {
    const r = await call('nachweis.get', { id: w.recordIds[0] });
    return { record: r, from: r.from, to: r.to, holidays: w.holidays };
  }
  const friday = addDays(w.monday, 4);
  return { record: null, from: w.from, to: w.to < friday ? w.to : friday < w.from ? w.to : friday, holidays: w.holidays };
}

export function NachweisTab({ trainee }: { trainee: Trainee }) {
  const { t } = useTranslation('nachweis');
  const { t: tc } = useTranslation('common');
  const data = useAsync(async () => {
    const [list, firm] = await Promise.all([call('nachweis.list', { traineeId: trainee.id }), call('firm.get')]);
    return { list, trainers: firm?.trainers ?? [] };
  }, [trainee.id]);
  const [target, setTarget] = useState<EditorTarget | null>(null);
  const [range, setRange] = useState({ from: '', to: '' });
  const [error, setError] = useState<unknown>(null);
  const [unknownWeek, setUnknownWeek] = useState<string | null>(null);
  const route = useRoute();
  const tabPath = `/trainees/${trainee.id}/nachweis`;
  const week = route[0] === 'trainees' && route[2] === 'nachweis' ? route[3] : undefined;
  const weeks = data.data?.list.weeks;

  // The week in the address opens in the editor; without one the list shows.
  useEffect(() => {
    let current = true;
    setUnknownWeek(null);
    if (!week) {
      setTarget(null);
      return;
    }
    if (!weeks) return;
    const w = weeks.find((x) => x.monday === week);
    if (!w) {
      setTarget(null);
      setUnknownWeek(week);
      return;
    }
    setError(null);
    targetOf(w).then(
      (t) => current && setTarget(t),
      (e) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [week, weeks]);

  if (data.error) return <ErrorBanner error={data.error} />;
  if (!data.data) return <p className="muted">{tc('status.loading')}</p>;
  const { list, trainers } = data.data;

  const openWeek = (w: WeekRow) => navigate(`${tabPath}/${w.monday}`);
  async function setMode(mode: NachweisMode) {
    setError(null);
    try {
      await call('nachweis.setMode', { traineeId: trainee.id, mode });
      data.reload();
    } catch (e) {
      setError(e);
    }
  }

  if (target) {
    return (
      <WeekEditor
        key={`${target.record?.id ?? 'new'}-${target.from}`}
        traineeId={trainee.id}
        mode={list.mode}
        trainers={trainers}
        target={target}
        onClose={(changed) => {
          setTarget(null);
          navigate(tabPath);
          if (changed) data.reload();
        }}
      />
    );
  }
  const exportRequest = { kind: 'ausbildungsnachweis' as const, traineeId: trainee.id, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
  return (
    <div className="nachweis-tab">
      <ErrorBanner error={error} />
      {unknownWeek ? (
        <p className="banner banner-error" role="alert">
          {t('weekNotInTraining', { date: /^\d{4}-\d{2}-\d{2}$/.test(unknownWeek) ? formatDate(unknownWeek) : unknownWeek })} <a href={href(tabPath)}>{t('backToWeeks')}</a>
        </p>
      ) : null}
      <div className="section-head">
        <p className="nachweis-counts">
          <span className={`pill${list.counts.missing ? ' pill-danger' : ''}`}>{t('counts.missing', { count: list.counts.missing })}</span>{' '}
          <span className="pill">{t('counts.draft', { count: list.counts.draft })}</span> <span className="pill">{t('counts.traineeSigned', { count: list.counts.traineeSigned })}</span>{' '}
          <span className="pill pill-active">{t('counts.signed', { count: list.counts.signed })}</span>
        </p>
        <SelectField name="mode" label={t('mode.label')} value={list.mode} onChange={(v) => setMode(v as NachweisMode)} options={NACHWEIS_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
      </div>
      <table className="data nachweis-weeks">
        <thead>
          <tr>
            <th scope="col">{t('columns.week')}</th>
            <th scope="col">{t('columns.period')}</th>
            <th scope="col">{t('columns.year')}</th>
            <th scope="col">{t('columns.state')}</th>
            <th scope="col">{t('columns.hours')}</th>
            <th scope="col">{t('columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {[...list.weeks].reverse().map((w) => (
            <tr key={w.monday} data-week={w.monday}>
              <td>{t('weekLabel', { week: w.week, year: w.weekYear })}</td>
              <td>
                {formatDate(w.from)} – {formatDate(w.to)}
              </td>
              <td>{t('yearLabel', { n: w.trainingYear })}</td>
              <td>
                <span className={`pill nachweis-state-${w.state}`}>{t(`state.${w.state}`)}</span>
                {w.amended ? <span className="pill">{t('amended')}</span> : null}
                {w.warnings ? <span className="pill pill-danger">!</span> : null}
              </td>
              <td>{w.hours === null ? '—' : formatNumber(w.hours, 2)}</td>
              <td>
                <button type="button" onClick={() => openWeek(w)} aria-label={`${w.recordIds.length ? t('open') : t('write')} ${t('weekLabel', { week: w.week, year: w.weekYear })}`}>
                  {w.recordIds.length ? t('open') : t('write')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="card nachweis-export" aria-labelledby="nachweis-export">
        <h2 id="nachweis-export">{t('export.title')}</h2>
        <div className="toolbar">
          <TextField name="exportFrom" type="date" label={t('export.from')} value={range.from} onChange={(v) => setRange((r) => ({ ...r, from: v }))} />
          <TextField name="exportTo" type="date" label={t('export.to')} value={range.to} onChange={(v) => setRange((r) => ({ ...r, to: v }))} />
          <ExportButton request={exportRequest} label={t('export.button')} className="primary" />
        </div>
        <p className="muted">{t('export.hint')}</p>
      </section>
      <PinSection traineeId={trainee.id} trainers={trainers} />
    </div>
  );
}
