// The institutions involved for one trainee, chosen from the address book.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorBanner, Notice } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';

export function TraineeContacts({ traineeId }: { traineeId: number }) {
  const { t } = useTranslation('immigration');
  const all = useAsync(() => call('contacts.list', {}), [traineeId]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (all.data) setChosen(all.data.filter((c) => c.traineeIds.includes(traineeId)).map((c) => c.id));
  }, [all.data, traineeId]);
  async function save() {
    setError(null);
    setNotice(null);
    try {
      await call('contacts.setForTrainee', { traineeId, contactIds: chosen });
      setNotice(t('contacts.linked'));
      all.reload();
    } catch (e) {
      setError(e);
    }
  }
  const list = all.data ?? [];
  return (
    <section className="card trainee-contacts" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('contacts.forTrainee')}</h2>
      <p className="muted">{t('contacts.forTraineeHint')}</p>
      <ErrorBanner error={all.error ?? error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {all.data && list.length === 0 ? <p>{t('contacts.empty')}</p> : null}
      {list.length > 0 ? (
        <fieldset className="checkbox-group">
          <legend className="sr-only">{t('contacts.forTrainee')}</legend>
          <div className="contact-checks">
            {list.map((c) => (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  name="contactIds"
                  value={c.id}
                  checked={chosen.includes(c.id)}
                  onChange={(e) => setChosen((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))}
                />
                <span>
                  <strong>{c.organisation}</strong> <span className="muted">({t(`contacts.kinds.${c.kind}`)}{c.person ? `, ${c.person}` : ''})</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="actions">
        {list.length > 0 ? (
          <button type="button" onClick={save}>
            {t('contacts.saveLinks')}
          </button>
        ) : null}
        <a className="button" href={href('/kontakte')}>
          {t('contacts.toAddressBook')}
        </a>
      </div>
    </section>
  );
}
