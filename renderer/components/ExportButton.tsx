// Creates an export in the core (off the UI thread) and hands the file to the browser's download. A calendar export
// also says what changed since the export before.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarChanges } from '../../shared/calendar';
import type { ExportRequest } from '../../shared/exports';
import { call, saveFile } from '../api';
import { ErrorBanner, Notice } from './forms';

export function ExportButton({ request, label, className }: { request: ExportRequest; label: string; className?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [calendar, setCalendar] = useState<CalendarChanges | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await call('exports.create', request);
      saveFile(file);
      setDone(file.fileName);
      setCalendar(file.calendar ?? null);
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
      {done ? (
        <Notice>
          {t('status.exported', { file: done })}
          {calendar ? ` ${t('status.calendarChanges', calendar)}` : null}
        </Notice>
      ) : null}
      <ErrorBanner error={error} />
    </div>
  );
}
