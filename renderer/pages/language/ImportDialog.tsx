// CSV import: choose a file and where rows without an occupation go; the result lists every row not imported.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_MAX_BYTES, type ImportResult } from '../../../shared/glossary';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner, Field, SelectField, useFieldErrors } from '../../components/forms';
import { fileToBase64, mb } from './util';

export function ImportDialog(p: { open: boolean; occupations: { id: string; name: string }[]; defaultTarget: string | null; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation('language');
  return (
    <Dialog open={p.open} title={t('import.title')} onClose={p.onClose}>
      <ImportForm {...p} />
    </Dialog>
  );
}

function ImportForm({ occupations, defaultTarget, onClose, onImported }: { occupations: { id: string; name: string }[]; defaultTarget: string | null; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation('language');
  const { t: te } = useTranslation('errors');
  const { t: tc } = useTranslation('common');
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState(defaultTarget ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<ImportResult | null>(null);
  const errors = useFieldErrors(error);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    if (!file) return setFileError(te('field.required'));
    if (file.size > CSV_MAX_BYTES) return setFileError(t('import.tooLarge', { sizeMb: mb(file.size), maxMb: mb(CSV_MAX_BYTES) }));
    setFileError(undefined);
    setBusy(true);
    try {
      const r = await call('glossary.import', { occupationId: target || null, fileName: file.name, base64: await fileToBase64(file) });
      setResult(r);
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const problem = (key: string, params?: Record<string, string | number>) =>
    key.startsWith('csv_')
      ? te(`csv.${key}` as 'csv.csv_bad_tag', { ...params, defaultValue: te('field.invalid') })
      : te(`field.${key}` as 'field.invalid', { ...params, defaultValue: te('field.invalid') });

  return (
    <form onSubmit={submit} noValidate className="form import-form">
      <p className="small">{t('import.intro')}</p>
      <ErrorBanner error={error} />
      <Field label={t('import.file')} error={fileError ?? errors.base64} required>
        {(a) => <input {...a} type="file" name="csvFile" accept=".csv,.txt,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      <SelectField
        name="target"
        label={t('import.target')}
        value={target}
        onChange={setTarget}
        error={errors.occupationId}
        options={[{ value: '', label: t('general') }, ...occupations.map((o) => ({ value: o.id, label: o.name }))]}
      />
      {result ? (
        <div role="status" aria-live="polite" className="import-result">
          <p className="banner banner-ok">{t('import.result', { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged })}</p>
          {result.problemCount > 0 ? (
            <>
              <p className="warn-text">{t('import.problems', { count: result.problemCount })}</p>
              <div className="scroll-box">
                <table className="data compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('import.columns.row')}</th>
                      <th scope="col">{t('import.columns.column')}</th>
                      <th scope="col">{t('import.columns.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.problems.map((pr, i) => (
                      <tr key={i}>
                        <td>{pr.row}</td>
                        <td>{pr.column ?? t('import.wholeRow')}</td>
                        <td>{problem(pr.key, pr.params)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {result.problemCount > result.problems.length ? <p className="small">{t('import.problemsMore', { count: result.problemCount - result.problems.length })}</p> : null}
            </>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('import.running') : t('import.start')}
        </button>
        <button type="button" onClick={onClose}>
          {tc('actions.close')}
        </button>
      </div>
    </form>
  );
}
