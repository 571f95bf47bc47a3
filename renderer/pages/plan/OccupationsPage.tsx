// Occupations and their framework plans: the shipped ones (read-only), copies and the firm's own occupations,
// import and export of template files (the same format both ways).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { OccupationInfo, PositionRef } from '../../../shared/plan';
import { ApiError, call, saveFile } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner, FormActions, Notice, TextField, useFieldErrors } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';

/** The problems of a rejected template file, line by line. */
export function TemplateProblems({ error }: { error: unknown }) {
  const { t } = useTranslation('plan');
  const { t: te } = useTranslation('errors');
  if (!(error instanceof ApiError) || !error.issues.length || !['template_invalid', 'template_syntax', 'validation'].includes(error.code)) return null;
  return (
    <div className="banner banner-error template-problems">
      <p>{t('occupations.importProblems')}</p>
      <ul>
        {error.issues.map((i, n) => (
          <li key={n}>
            {(() => {
              const message = te(`field.${i.key}` as 'field.invalid', { ...i.params, defaultValue: te('field.invalid') });
              const field = String(i.params?.field ?? i.path.filter((x) => x !== 'template').join('.'));
              const line = i.params?.line;
              return line !== undefined && line !== '—' ? t('occupations.problemLine', { line, field, message }) : t('occupations.problemField', { field, message });
            })()}
          </li>
        ))}
      </ul>
    </div>
  );
}

type DialogState = { kind: 'copy'; occ: OccupationInfo } | { kind: 'create' } | null;

export function OccupationsPage() {
  const { t } = useTranslation('plan');
  const { t: tc } = useTranslation('common');
  const list = useAsync(() => call('occupations.overview', {}), []);
  const [open, setOpen] = useState<Record<string, PositionRef[]>>({});
  const [dialog, setDialog] = useState<DialogState>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(fn: () => Promise<void>) {
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  }
  const toggle = (o: OccupationInfo) =>
    run(async () => {
      if (open[o.id]) setOpen(({ [o.id]: _, ...rest }) => rest);
      else {
        const positions = await call('occupations.positions', { occupationId: o.id });
        setOpen((x) => ({ ...x, [o.id]: positions }));
      }
    });
  const importFile = (file: File) =>
    run(async () => {
      const info = await call('occupations.import', { text: await file.text(), fileName: file.name });
      setNotice(t('occupations.imported', { name: info.name }));
      list.reload();
    });

  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <div>
          <h1 id="page-title">{t('occupations.title')}</h1>
          <p className="muted">{t('occupations.intro')}</p>
        </div>
        <button type="button" className="primary nowrap" onClick={() => setDialog({ kind: 'create' })}>
          {t('occupations.create')}
        </button>
      </header>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorBanner error={error} />
      <TemplateProblems error={error} />
      <div className="toolbar">
        <label>
          {t('occupations.import')}
          <input
            type="file"
            name="templateFile"
            accept="application/json,.json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
      </div>
      {!list.data ? (
        <p className="muted">{tc('status.loading')}</p>
      ) : (
        <table className="data occupations-table">
          <thead>
            <tr>
              <th scope="col">{t('occupations.columns.name')}</th>
              <th scope="col">{t('occupations.columns.regulation')}</th>
              <th scope="col">{t('occupations.columns.duration')}</th>
              <th scope="col">{t('occupations.columns.positions')}</th>
              <th scope="col">{t('occupations.columns.trainees')}</th>
              <th scope="col">{t('occupations.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((o) => (
              <OccupationRow
                key={o.id}
                o={o}
                positions={open[o.id]}
                onToggle={() => toggle(o)}
                onCopy={() => setDialog({ kind: 'copy', occ: o })}
                onExport={() => run(async () => saveFile(await call('occupations.exportTemplate', { occupationId: o.id })))}
                onDelete={() =>
                  run(async () => {
                    await call('occupations.delete', { occupationId: o.id });
                    setNotice(t('occupations.deleted'));
                    list.reload();
                  })
                }
              />
            ))}
          </tbody>
        </table>
      )}
      <Dialog open={dialog !== null} title={dialog?.kind === 'copy' ? t('occupations.copyTitle', { name: dialog.occ.name }) : t('occupations.createTitle')} onClose={() => setDialog(null)}>
        {dialog ? (
          <NewOccupationForm
            copyFrom={dialog.kind === 'copy' ? dialog.occ : null}
            onCancel={() => setDialog(null)}
            onDone={(o) => {
              setDialog(null);
              window.location.hash = `#/occupations/${o.id}`;
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

function OccupationRow(p: { o: OccupationInfo; positions: PositionRef[] | undefined; onToggle: () => void; onCopy: () => void; onExport: () => void; onDelete: () => void }) {
  const { t } = useTranslation('plan');
  const { o } = p;
  return (
    <>
      <tr data-occupation={o.id}>
        <td>
          {o.name} <span className="pill">{t(`occupations.origin.${o.origin}`)}</span>
          {o.problem ? <p className="warn-text">{t('occupations.problem', { field: o.problem.field || '—', line: o.problem.line ?? '—' })}</p> : null}
        </td>
        <td>
          {o.regulationShort ?? o.regulationName ?? '—'}
          {o.regulationDate ? <span className="muted"> ({formatDate(o.regulationDate)})</span> : null}
        </td>
        <td>{o.durationMonths ? t('occupations.months', { count: o.durationMonths }) : '—'}</td>
        <td>{o.positionCount}</td>
        <td>{o.traineeCount}</td>
        <td>
          <div className="occupation-actions">
          <button type="button" onClick={p.onToggle} aria-expanded={Boolean(p.positions)}>
            {p.positions ? t('occupations.hide') : t('occupations.show')}
          </button>
          <button type="button" onClick={p.onCopy}>
            {t('occupations.copy')}
          </button>
          <button type="button" onClick={p.onExport}>
            {t('occupations.export')}
          </button>
          {o.custom ? (
            <>
              <a className="button" href={href(`/occupations/${o.id}`)}>
                {t('occupations.edit')}
              </a>
              {o.traineeCount === 0 ? (
                <button type="button" className="danger" onClick={p.onDelete}>
                  {t('occupations.delete')}
                </button>
              ) : null}
            </>
          ) : null}
          </div>
        </td>
      </tr>
      {p.positions ? (
        <tr className="occupation-positions">
          <td colSpan={6}>
            <ol className="plan-positions-compact">
              {p.positions.map((x) => (
                <li key={x.number}>
                  <strong>{x.number}</strong> {x.title}
                  <ul>
                    {x.items.map((i) => (
                      <li key={i.key}>
                        {i.key}) {i.text}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function NewOccupationForm({ copyFrom, onDone, onCancel }: { copyFrom: OccupationInfo | null; onDone: (o: OccupationInfo) => void; onCancel: () => void }) {
  const { t } = useTranslation('plan');
  const { t: tc } = useTranslation('common');
  const [name, setName] = useState(copyFrom ? t('occupations.copyName', { name: copyFrom.name }) : '');
  const [months, setMonths] = useState('36');
  const [error, setError] = useState<unknown>(null);
  const errors = useFieldErrors(error);
  return (
    <form
      className="form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          onDone(await call('occupations.create', { name, copyFrom: copyFrom?.id ?? null, durationMonths: Number(months) }));
        } catch (err) {
          setError(err);
        }
      }}
    >
      <ErrorBanner error={error} />
      <TextField name="occupationName" label={t('occupations.newName')} value={name} onChange={setName} error={errors.name} required />
      {copyFrom ? null : <TextField name="durationMonths" type="number" label={t('occupations.duration')} value={months} onChange={setMonths} error={errors.durationMonths} required />}
      <FormActions submit={tc('actions.save')} onCancel={onCancel} />
    </form>
  );
}
