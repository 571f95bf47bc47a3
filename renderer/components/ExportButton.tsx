// Creates an export in the core (off the UI thread) and hands the file to the browser's download.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRequest } from '../../shared/exports';
import { call, saveFile } from '../api';
import { ErrorBanner, Notice } from './forms';

export function ExportButton({ request, label, className }: { request: ExportRequest; label: string; className?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await call('exports.create', request);
      saveFile(file);
      setDone(file.fileName);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="export-button">
      <button type="button" className={className ?? 'secondary'} onClick={run} disabled={busy} aria-busy={busy}>
        {busy ? t('status.exporting') : label}
      </button>
      {done ? <Notice>{t('status.exported', { file: done })}</Notice> : null}
      <ErrorBanner error={error} />
    </div>
  );
}
