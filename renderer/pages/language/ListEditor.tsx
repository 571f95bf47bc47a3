// An ordered list of small items (work steps, phrases, scenario steps, checks): add, remove, move up and down.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ListEditor<T>(p: {
  legend: string;
  hint?: string;
  items: T[];
  onChange: (items: T[]) => void;
  make: () => T;
  addLabel: string;
  max: number;
  name: string;
  error?: string | undefined;
  render: (item: T, index: number, update: (item: T) => void) => ReactNode;
}) {
  const { t } = useTranslation('language');
  const move = (i: number, d: -1 | 1) => {
    const next = [...p.items];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    p.onChange(next);
  };
  return (
    <fieldset className={`field field-wide list-editor${p.error ? ' field-invalid' : ''}`} data-list={p.name}>
      <legend>{p.legend}</legend>
      {p.hint ? <p className="hint small">{p.hint}</p> : null}
      <ol className="list-items">
        {p.items.map((item, i) => (
          <li key={i} className="list-item">
            <div className="list-item-body">{p.render(item, i, (v) => p.onChange(p.items.map((x, j) => (j === i ? v : x))))}</div>
            <div className="list-item-actions">
              <button type="button" className="icon" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`${t('task.moveUp')} (${i + 1})`} title={t('task.moveUp')}>
                ↑
              </button>
              <button
                type="button"
                className="icon"
                onClick={() => move(i, 1)}
                disabled={i === p.items.length - 1}
                aria-label={`${t('task.moveDown')} (${i + 1})`}
                title={t('task.moveDown')}
              >
                ↓
              </button>
              <button type="button" className="icon" onClick={() => p.onChange(p.items.filter((_, j) => j !== i))} aria-label={`${t('task.remove')} (${i + 1})`} title={t('task.remove')}>
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      {p.error ? <small className="error">{p.error}</small> : null}
      <button type="button" onClick={() => p.onChange([...p.items, p.make()])} disabled={p.items.length >= p.max}>
        {p.addLabel}
      </button>
    </fieldset>
  );
}
