// The scan of a consent given on signed paper: upload (PDF, JPEG, PNG; the core checks type, size and content),
// open/save the stored one.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../shared/network';
import { call, saveFile } from '../../api';
import { ErrorBanner, Field } from '../../components/forms';
import { fileToBase64 } from '../language/util';

export function ConsentScan({ consent, onChanged }: { consent: Consent; onChanged: () => void }) {
  const { t } = useTranslation('network');
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (consent.form !== 'paper_scan') return null;
  async function run(f: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const upload = (file: File) => run(async () => {
    await call('network.attachConsentScan', { consentId: consent.id, copy: { fileName: file.name, base64: await fileToBase64(file) } });
    onChanged();
  });
  return (
    <div className="consent-scan">
      {consent.scan ? (
        <button type="button" disabled={busy} onClick={() => run(async () => saveFile(await call('network.consentScan', { consentId: consent.id })))}>
          {t('consents.scan.download', { name: consent.scan.fileName })}
        </button>
      ) : (
        <small className="muted">{t('consents.scan.none')}</small>
      )}{' '}
      {consent.revokedOn ? null : (
        <Field label={consent.scan ? t('consents.scan.replace') : t('consents.scan.upload')}>
          {(a) => (
            <input
              {...a}
              ref={input}
              type="file"
              name={`consent-scan-${consent.id}`}
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
                if (input.current) input.current.value = '';
              }}
            />
          )}
        </Field>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}
