// The trainee's personal PIN: signing a week with it (setting it on the first sign-off), and on the Nachweis tab
// setting or changing it, a supervisor's reset of a forgotten PIN, and the PIN history.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Firm } from '../../../shared/firm';
import { formatDateTime } from '../../../shared/format';
import type { NachweisRecord, PinStatus } from '../../../shared/nachweis';
import { ApiError, call } from '../../api';
import { ErrorBanner, Notice, SelectField, TextField, useFieldErrors } from '../../components/forms';
import { useAsync } from '../../useAsync';

/** A refusal of the repeated PIN, shown like a field error of the contract. */
const mismatch = (path: string) => new ApiError({ code: 'validation', message: 'The PINs differ', issues: [{ path: [path], key: 'pin_mismatch' }] });

/** New PIN and its repetition; returns the PIN when both agree, else reports the mismatch. */
function useNewPin() {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  return { pin, repeat, setPin, setRepeat, reset: () => (setPin(''), setRepeat('')) };
}

/** Signing a week as the trainee: with the PIN, or setting it first when there is none yet. */
export function TraineePinSign({ traineeId, record, beforeSign, onSigned }: { traineeId: number; record: NachweisRecord; beforeSign: () => Promise<boolean>; onSigned: (r: NachweisRecord) => void }) {
  const { t } = useTranslation('nachweis');
  const status = useAsync(() => call('nachweis.pinStatus', { traineeId }), [traineeId]);
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const fresh = useNewPin();
  const [error, setError] = useState<unknown>(null);
  const errors = useFieldErrors(error);
  if (!open) {
    return (
      <button type="button" className="primary" onClick={async () => (await beforeSign()) && setOpen(true)}>
        {t('sign.trainee')}
      </button>
    );
  }
  if (!status.data) return <ErrorBanner error={status.error} />;
  const isSet = status.data.set;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      if (!isSet) {
        if (fresh.pin !== fresh.repeat) return setError(mismatch('repeat'));
        await call('nachweis.setPin', { traineeId, pin: fresh.pin, currentPin: null });
      }
      onSigned(await call('nachweis.sign', { id: record.id, as: 'trainee', pin: isSet ? pin : fresh.pin }));
    } catch (err) {
      setError(err);
      setPin('');
      status.reload();
    }
  }
  return (
    <form className="pin-sign" onSubmit={submit} aria-label={t('pin.signTitle')} noValidate>
      <ErrorBanner error={error} />
      {isSet ? (
        <PinField name="pin" label={t('pin.enter')} value={pin} onChange={setPin} error={errors.pin} hint={t('pin.enterHint')} />
      ) : (
        <>
          <p className="muted">{t('pin.firstTime')}</p>
          <PinField name="newPin" label={t('pin.new')} value={fresh.pin} onChange={fresh.setPin} error={errors.pin} hint={t('pin.rule')} />
          <PinField name="repeat" label={t('pin.repeat')} value={fresh.repeat} onChange={fresh.setRepeat} error={errors.repeat} />
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {isSet ? t('pin.sign') : t('pin.setAndSign')}
        </button>
        <button type="button" onClick={() => (setOpen(false), setError(null))}>
          {t('pin.cancel')}
        </button>
      </div>
    </form>
  );
}

function PinField(p: { name: string; label: string; value: string; onChange: (v: string) => void; error?: string | undefined; hint?: string }) {
  return <TextField type="password" {...p} />;
}

const eventText = (t: (k: string, o?: Record<string, unknown>) => string, e: PinStatus['events'][number]) =>
  t(`pin.event.${e.kind}`, { date: formatDateTime(e.at), name: e.byName });

/** The PIN section of the Nachweis tab: state, set or change (the trainee), reset (a supervisor), history. */
export function PinSection({ traineeId, trainers }: { traineeId: number; trainers: Firm['trainers'] }) {
  const { t } = useTranslation('nachweis');
  const status = useAsync(() => call('nachweis.pinStatus', { traineeId }), [traineeId]);
  const [current, setCurrent] = useState('');
  const fresh = useNewPin();
  const [trainerId, setTrainerId] = useState(String(trainers[0]?.id ?? ''));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFieldErrors(error);
  const s = status.data;
  async function run(fn: () => Promise<unknown>, message: string) {
    setError(null);
    setNotice(null);
    try {
      await fn();
      setNotice(message);
      setCurrent('');
      fresh.reset();
    } catch (err) {
      setError(err);
    }
    status.reload();
  }
  return (
    <section className="card pin-section" aria-labelledby="pin-title">
      <h2 id="pin-title">{t('pin.title')}</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorBanner error={error ?? status.error} />
      {s ? (
        <>
          <p>
            {s.set ? t('pin.isSet', { date: formatDateTime(s.setAt) }) : t('pin.notSet')}
            {s.lockedUntil ? ` ${t('pin.lockedUntil', { date: formatDateTime(s.lockedUntil) })}` : ''}
          </p>
          <p className="muted">{t('pin.explain')}</p>
          <form
            className="grid"
            noValidate
            aria-label={s.set ? t('pin.change') : t('pin.setNow')}
            onSubmit={(e) => {
              e.preventDefault();
              if (fresh.pin !== fresh.repeat) return setError(mismatch('repeat'));
              return run(() => call('nachweis.setPin', { traineeId, pin: fresh.pin, currentPin: s.set ? current : null }), s.set ? t('pin.changed') : t('pin.saved'));
            }}
          >
            {s.set ? <PinField name="currentPin" label={t('pin.current')} value={current} onChange={setCurrent} error={errors.currentPin} /> : null}
            <PinField name="newPin" label={t('pin.new')} value={fresh.pin} onChange={fresh.setPin} error={errors.pin} hint={t('pin.rule')} />
            <PinField name="repeat" label={t('pin.repeat')} value={fresh.repeat} onChange={fresh.setRepeat} error={errors.repeat} />
            <div className="actions">
              <button type="submit">{s.set ? t('pin.change') : t('pin.setNow')}</button>
            </div>
          </form>
          {s.set && trainers.length > 0 ? (
            <div className="toolbar">
              <SelectField name="resetBy" label={t('pin.resetBy')} value={trainerId} onChange={setTrainerId} options={trainers.map((x) => ({ value: String(x.id), label: x.name }))} error={errors.trainerId} />
              <button type="button" className="danger" onClick={() => run(() => call('nachweis.resetPin', { traineeId, trainerId: Number(trainerId) }), t('pin.resetDone'))}>
                {t('pin.reset')}
              </button>
            </div>
          ) : null}
          {s.events.length > 0 ? (
            <>
              <h3>{t('pin.history')}</h3>
              <ul className="pin-history">
                {s.events.map((e, i) => (
                  <li key={i}>{eventText(t as never, e)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
