// Creates an export in the core (off the UI thread) and saves it (the browser's download), or, for a PDF, opens it
// for reading and printing ("Öffnen/Drucken"): in the system's PDF viewer in the desktop app, in a new tab in
// browser mode. A calendar export also says what changed since the export before.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarChanges } from '../../shared/calendar';
import { isPdfExport, type ExportRequest } from '../../shared/exports';
import { call, openPdf, reserveViewer, saveFile } from '../api';
import { ErrorBanner, Notice } from './forms';

export function ExportButton({ request, label, className }: { request: ExportRequest; label: string; className?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [calendar, setCalendar] = useState<CalendarChanges | null>(null);
  async function run(mode: 'save' | 'open') {
    const viewer = mode === 'open' ? reserveViewer() : null;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await call('exports.create', request);
      if (mode === 'open') {
        await openPdf(file, viewer);
        setDone(t('status.opened', { file: file.fileName }));
      } else {
        saveFile(file);
        setDone(t('status.exported', { file: file.fileName }));
        setCalendar(file.calendar ?? null);
      }
    } catch (e) {
      viewer?.close();
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="export-button">
      <div className="export-actions">
        <button type="button" className={className ?? 'secondary'} onClick={() => run('save')} disabled={busy} aria-busy={busy}>
          {busy ? t('status.exporting') : label}
        </button>
        {isPdfExport(request.kind) ? (
          <button type="button" className="secondary" onClick={() => run('open')} disabled={busy} title={t('actions.openPrintLabel', { what: label })}>
            {t('actions.openPrint')}
          </button>
        ) : null}
      </div>
      {done ? (
        <Notice>
          {done}
          {calendar ? ` ${t('status.calendarChanges', calendar)}` : null}
        </Notice>
      ) : null}
      <ErrorBanner error={error} />
    </div>
  );
}
