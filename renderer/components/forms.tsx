// Form building blocks: every field has a visible label tied to its input, and its error right below it
// (aria-invalid + aria-describedby), so forms work with keyboard and screen readers.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { formatDate } from '../../shared/format';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

/** Translated error messages per field path ("trainers.0.name"), from an ApiError's issues. */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation('errors');
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const key = i.path.join('.');
    out[key] ??= t(`field.${i.key}` as 'field.invalid', { ...i.params, defaultValue: t('field.invalid') });
  }
  return out;
}

/** One translated sentence for any error (shown in the banner above a form). */
export function useErrorMessage() {
  const { t } = useTranslation('errors');
  return (error: unknown) => {
    if (error instanceof ApiError) return t(error.code as 'internal', { ...error.body.params, defaultValue: t('internal') });
    return t('internal');
  };
}

/**
 * The error above a form. After a failed save it moves focus (and the view) to the first field marked invalid in
 * the same form, so keyboard and screen-reader users land where the problem is.
 */
export function ErrorBanner({ error }: { error: unknown }) {
  const message = useErrorMessage();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error) return;
    const scope = ref.current?.closest('form, dialog, section, main');
    const first = error instanceof ApiError && error.issues.length > 0 ? scope?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    if (first) {
      first.focus({ preventScroll: true });
      first.scrollIntoView?.({ block: 'center' });
    } else ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref} role="alert" className="banner banner-error">
      {message(error)}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="banner banner-ok">
      {children}
    </div>
  );
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (p: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; required?: boolean }) => ReactNode;
  wide?: boolean;
}

export function Field({ label, error: reported, hint, required, children, wide }: FieldProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // A field's error disappears as soon as it is changed; the next save shows what is still wrong.
  const [edited, setEdited] = useState(false);
  useEffect(() => setEdited(false), [reported]);
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return;
    const reset = () => setEdited(false);
    form.addEventListener('submit', reset, true);
    return () => form.removeEventListener('submit', reset, true);
  }, []);
  const error = edited ? undefined : reported;
  const markEdited = () => {
    if (reported) setEdited(true);
  };
  const describedBy = [hint && `${id}-hint`, error && `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <div ref={ref} className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`} onInput={markEdited} onChange={markEdited}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req" aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(required ? { required } : {}) })}
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-err`} className="error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function TextField(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'password';
  name?: string;
  wide?: boolean;
  step?: string;
}) {
  return (
    <Field label={p.label} error={p.error} hint={p.hint} required={p.required ?? false} wide={p.wide ?? false}>
      {(a) =>
        p.type === 'date' ? (
          <DateInput {...a} name={p.name} value={p.value} onChange={p.onChange} />
        ) : (
          <input {...a} name={p.name} type={p.type ?? 'text'} step={p.step} value={p.value} onChange={(e) => p.onChange(e.target.value)} {...(p.type === 'password' ? { autoComplete: 'off' } : {})} />
        )
      }
    </Field>
  );
}

/** "1.8.2026", "01.08.26" or "2026-08-01" → "2026-08-01"; anything else is returned as typed (the contract then reports it). */
export function parseGermanDate(text: string): string {
  const s = text.trim();
  if (s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s);
  if (!m) return s;
  const year = m[3]!.length === 2 ? (Number(m[3]) < 70 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
  return `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/**
 * A date field in German format (TT.MM.JJJJ) whatever the browser's locale; value and onChange use ISO dates.
 * The native date input would follow the system locale (e.g. MM/DD/YYYY on an English Windows).
 */
function DateInput(p: { id: string; name?: string | undefined; value: string; onChange: (iso: string) => void; 'aria-invalid': boolean; 'aria-describedby'?: string; required?: boolean }) {
  const { t } = useTranslation('common');
  const { value, onChange, ...rest } = p;
  const [text, setText] = useState(() => formatDate(value));
  useEffect(() => {
    // Follow changes from outside (e.g. a reset), but not the echo of what is being typed.
    if (parseGermanDate(text) !== value) setText(/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('datePlaceholder')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseGermanDate(e.target.value));
      }}
      onBlur={() => {
        const iso = parseGermanDate(text);
        if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) setText(formatDate(iso));
      }}
    />
  );
}

export function TextArea(p: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; hint?: string; rows?: number; name?: string }) {
  return (
    <Field label={p.label} error={p.error} hint={p.hint} wide>
      {(a) => <textarea {...a} name={p.name} rows={p.rows ?? 4} value={p.value} onChange={(e) => p.onChange(e.target.value)} />}
    </Field>
  );
}

export function SelectField(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string | undefined;
  required?: boolean;
  name?: string;
  hint?: string;
}) {
  return (
    <Field label={p.label} error={p.error} required={p.required ?? false} hint={p.hint}>
      {(a) => (
        <select {...a} name={p.name} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of checkboxes in a fieldset with a legend. */
export function CheckboxGroup<T extends string | number>(p: {
  legend: string;
  options: { value: T; label: string }[];
  value: T[];
  onChange: (v: T[]) => void;
  error?: string | undefined;
  name: string;
}) {
  const id = useId();
  return (
    <fieldset className={`field field-wide checkbox-group${p.error ? ' field-invalid' : ''}`} aria-describedby={p.error ? `${id}-err` : undefined}>
      <legend>{p.legend}</legend>
      <div className="checks">
        {p.options.map((o) => (
          <label key={String(o.value)} className="check">
            <input
              type="checkbox"
              name={p.name}
              value={String(o.value)}
              checked={p.value.includes(o.value)}
              onChange={(e) => p.onChange(e.target.checked ? [...p.value, o.value] : p.value.filter((x) => x !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      {p.error ? (
        <small id={`${id}-err`} className="error">
          {p.error}
        </small>
      ) : null}
    </fieldset>
  );
}

/** The buttons under a form: submit (primary, or danger for destructive actions) and cancel. */
export function FormActions(p: { submit: string; onCancel: () => void; danger?: boolean; disabled?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <div className="actions">
      <button type="submit" className={p.danger ? 'danger' : 'primary'} disabled={p.disabled ?? false}>
        {p.submit}
      </button>
      <button type="button" onClick={p.onCancel}>
        {t('actions.cancel')}
      </button>
    </div>
  );
}
