// The address book: institutions around the trainees, with the trainees each one is linked to.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS, type Contact, type ContactKind } from '../../../shared/contacts';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner, FormActions, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';

type FormState = Record<'kind' | 'organisation' | 'department' | 'person' | 'phone' | 'email' | 'street' | 'zip' | 'city' | 'notes', string>;

const fromContact = (c: Contact | null): FormState => ({
  kind: c?.kind ?? 'auslaenderbehoerde',
  organisation: c?.organisation ?? '',
  department: c?.department ?? '',
  person: c?.person ?? '',
  phone: c?.phone ?? '',
  email: c?.email ?? '',
  street: c?.street ?? '',
  zip: c?.zip ?? '',
  city: c?.city ?? '',
  notes: c?.notes ?? '',
});

export function ContactForm({ contact, onDone, onCancel }: { contact: Contact | null; onDone: (c: Contact) => void; onCancel: () => void }) {
  const { t } = useTranslation('immigration');
  const { t: tc } = useTranslation('common');
  const [f, setF] = useState<FormState>(() => fromContact(contact));
  const [error, setError] = useState<unknown>(null);
  const errors = useFieldErrors(error);
  const set = (k: keyof FormState) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const opt = (v: string) => (v.trim() === '' ? null : v);
    const input = {
      kind: f.kind as ContactKind,
      organisation: f.organisation,
      department: opt(f.department),
      person: opt(f.person),
      phone: opt(f.phone),
      email: opt(f.email),
      street: opt(f.street),
      zip: opt(f.zip),
      city: opt(f.city),
      notes: opt(f.notes),
    };
    try {
      onDone(contact ? await call('contacts.update', { id: contact.id, ...input }) : await call('contacts.create', input));
    } catch (err) {
      setError(err);
    }
  }
  const field = (k: Exclude<keyof FormState, 'kind' | 'notes'>, type: 'text' | 'email' | 'tel' = 'text', required = false) => (
    <TextField name={k} type={type} label={t(`contacts.fields.${k}`)} value={f[k]} onChange={set(k)} error={errors[k]} required={required} />
  );
  return (
    <form onSubmit={submit} noValidate className="form contact-form">
      <ErrorBanner error={error} />
      <div className="grid">
        <SelectField name="kind" label={t('contacts.fields.kind')} value={f.kind} onChange={set('kind')} error={errors.kind} required options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contacts.kinds.${k}`) }))} />
        {field('organisation', 'text', true)}
        {field('department')}
        {field('person')}
        {field('phone', 'tel')}
        {field('email', 'email')}
        {field('street')}
        {field('zip')}
        {field('city')}
      </div>
      <TextArea name="notes" label={t('contacts.fields.notes')} value={f.notes} onChange={set('notes')} error={errors.notes} rows={2} />
      <FormActions submit={tc('actions.save')} onCancel={onCancel} />
    </form>
  );
}

export function ContactsPage() {
  const { t } = useTranslation('immigration');
  const { t: tc } = useTranslation('common');
  const contacts = useAsync(() => call('contacts.list', {}), []);
  const trainees = useAsync(() => call('trainees.list', {}), []);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [error, setError] = useState<unknown>(null);
  const names = new Map((trainees.data?.items ?? []).map((x) => [x.id, `${x.lastName}, ${x.firstName}`]));
  const rows = contacts.data ?? [];
  return (
    <section aria-labelledby="page-title">
      <header className="page-head">
        <div>
          <h1 id="page-title">{t('contacts.title')}</h1>
          <p className="muted">{t('contacts.intro')}</p>
        </div>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('contacts.add')}
        </button>
      </header>
      <ErrorBanner error={contacts.error ?? error} />
      {contacts.data && rows.length === 0 ? <p className="empty">{t('contacts.empty')}</p> : null}
      {rows.length > 0 ? (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('contacts.columns.kind')}</th>
              <th scope="col">{t('contacts.columns.name')}</th>
              <th scope="col">{t('contacts.columns.person')}</th>
              <th scope="col">{t('contacts.columns.contact')}</th>
              <th scope="col">{t('contacts.columns.trainees')}</th>
              <th scope="col">
                <span className="sr-only">{tc('actions.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>{t(`contacts.kinds.${c.kind}`)}</td>
                <td>
                  <strong>{c.organisation}</strong>
                  {c.department ? <div className="muted">{c.department}</div> : null}
                  <div className="muted">{[c.street, [c.zip, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</div>
                </td>
                <td>{c.person ?? '—'}</td>
                <td>
                  {c.phone ? <div>{c.phone}</div> : null}
                  {c.email ? <div>{c.email}</div> : null}
                </td>
                <td>
                  {c.traineeIds.map((id, i) => (
                    <span key={id} className="nowrap">
                      {i > 0 ? '; ' : ''}
                      <a href={href(`/trainees/${id}/documents`)}>{names.get(id) ?? id}</a>
                    </span>
                  ))}
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" onClick={() => setEditing(c)} aria-label={`${tc('actions.edit')}: ${c.organisation}`}>
                      {tc('actions.edit')}
                    </button>
                    <button type="button" className="danger" onClick={() => setDeleting(c)} aria-label={`${tc('actions.delete')}: ${c.organisation}`}>
                      {tc('actions.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Dialog open={editing !== null} title={editing === 'new' ? t('contacts.addTitle') : t('contacts.editTitle')} onClose={() => setEditing(null)}>
        {editing !== null ? (
          <ContactForm
            contact={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              contacts.reload();
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
      <Dialog open={deleting !== null} title={t('contacts.deleteTitle', { name: deleting?.organisation ?? '' })} onClose={() => setDeleting(null)}>
        <p>{t('contacts.deleteText')}</p>
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={async () => {
              if (!deleting) return;
              setError(null);
              try {
                await call('contacts.delete', { id: deleting.id });
                contacts.reload();
              } catch (e) {
                setError(e);
              }
              setDeleting(null);
            }}
          >
            {tc('actions.delete')}
          </button>
          <button type="button" onClick={() => setDeleting(null)}>
            {tc('actions.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
