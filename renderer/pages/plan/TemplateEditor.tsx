// Editing the framework-plan template of one of the firm's own occupations: name and regulation, periods,
// positions with their skills (one per line) and time guide values. The core checks the whole template;
// its problems are listed with the position they belong to.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RahmenplanTemplate } from '../../../shared/plan';
import { call } from '../../api';
import { ErrorBanner, Notice, TextArea, TextField, useFieldErrors } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { TemplateProblems } from './OccupationsPage';

interface TimeRow {
  period: string;
  weeks: string;
  items: string;
}
interface PositionForm {
  key: number;
  number: string;
  title: string;
  throughout: boolean;
  items: string;
  time: TimeRow[];
}

let nextKey = 1;
/** a, b, …, z, aa, ab, … */
export const itemKeyAt = (n: number) => (n < 26 ? String.fromCharCode(97 + n) : `${String.fromCharCode(96 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}`);

/** "a-c, e" → ["a", "b", "c", "e"] using the order of the position's keys; unknown keys are kept (the core reports them). */
export function expandKeys(text: string, keys: string[]): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const m = /^([a-z]+)\s*[-–]\s*([a-z]+)$/.exec(part);
    const a = m ? keys.indexOf(m[1]!) : -1;
    const b = m ? keys.indexOf(m[2]!) : -1;
    if (m && a >= 0 && b >= a) out.push(...keys.slice(a, b + 1));
    else out.push(part);
  }
  return out;
}

function toForm(t: RahmenplanTemplate): PositionForm[] {
  return t.positions.map((p) => ({
    key: nextKey++,
    number: p.number,
    title: p.title,
    throughout: p.throughoutTraining,
    items: p.items.map((i) => i.text).join('\n'),
    time: p.timeGuide.map((g) => ({ period: g.period, weeks: String(g.weeks), items: g.items.join(', ') })),
  }));
}

export function TemplateEditorPage({ occupationId }: { occupationId: string }) {
  const { t: tc } = useTranslation('common');
  const tpl = useAsync(() => call('occupations.template', { occupationId }), [occupationId]);
  if (tpl.error) return <ErrorBanner error={tpl.error} />;
  if (!tpl.data) return <p className="muted">{tc('status.loading')}</p>;
  return <TemplateEditor occupationId={occupationId} template={tpl.data} />;
}

function TemplateEditor({ occupationId, template }: { occupationId: string; template: RahmenplanTemplate }) {
  const { t } = useTranslation('plan');
  const { t: tc } = useTranslation('common');
  const [name, setName] = useState(template.occupation.name);
  const [reg, setReg] = useState({ name: template.regulation.name, date: template.regulation.date ?? '', reference: template.regulation.reference ?? '' });
  const [months, setMonths] = useState(String(template.durationMonths));
  const [periods, setPeriods] = useState(template.periods.map((p) => ({ ...p, fromMonth: String(p.fromMonth), toMonth: String(p.toMonth) })));
  const [positions, setPositions] = useState(() => toForm(template));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors(error);
  const setPos = (key: number, patch: Partial<PositionForm>) => setPositions((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  function build(): RahmenplanTemplate {
    return {
      ...template,
      occupation: { ...template.occupation, name },
      regulation: { ...template.regulation, name: reg.name, date: reg.date || undefined, reference: reg.reference || undefined },
      durationMonths: Number(months),
      periods: periods.map((p) => ({ id: p.id, label: p.label, fromMonth: Number(p.fromMonth), toMonth: Number(p.toMonth) })),
      positions: positions.map((p, i) => {
        const original = template.positions[i];
        const lines = p.items.split('\n').map((l) => l.trim()).filter(Boolean);
        const items = lines.map((text, n) => {
          const same = original?.items[n]?.text === text ? original.items[n] : undefined;
          return { key: itemKeyAt(n), text, ...(same?.subitems ? { subitems: same.subitems } : {}) };
        });
        const keys = items.map((x) => x.key);
        return {
          number: p.number,
          section: original?.number === p.number ? original.section : null,
          title: p.title,
          ...(original?.paragraphRef && original.number === p.number ? { paragraphRef: original.paragraphRef } : {}),
          throughoutTraining: p.throughout,
          items,
          timeGuide: p.throughout ? [] : p.time.map((g) => ({ period: g.period, weeks: Number(g.weeks.replace(',', '.')), items: expandKeys(g.items, keys) })),
        };
      }),
    };
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await call('occupations.saveTemplate', { occupationId, template: build() });
      setSaved(true);
    } catch (err) {
      setError(err);
      window.scrollTo({ top: 0 });
    }
  }
  const err = (path: string) => errors[`template.${path}`];

  return (
    <form className="form template-editor" noValidate onSubmit={save} aria-labelledby="page-title">
      <header className="page-head">
        <div>
          <p className="crumbs">
            <a href={href('/occupations')}>{t('editor.back')}</a>
          </p>
          <h1 id="page-title">{t('editor.title', { name: template.occupation.name })}</h1>
        </div>
      </header>
      {saved ? <Notice>{t('editor.saved')}</Notice> : null}
      <ErrorBanner error={error} />
      <TemplateProblems error={error} />
      <fieldset>
        <legend>{t('editor.general')}</legend>
        <div className="grid">
          <TextField name="name" label={t('editor.name')} value={name} onChange={setName} error={err('occupation.name')} required />
          <TextField name="durationMonths" type="number" label={t('editor.durationMonths')} value={months} onChange={setMonths} error={err('durationMonths')} required />
          <TextField name="regulationName" label={t('editor.regulationName')} value={reg.name} onChange={(v) => setReg((r) => ({ ...r, name: v }))} error={err('regulation.name')} required wide />
          <TextField name="regulationDate" type="date" label={t('editor.regulationDate')} value={reg.date} onChange={(v) => setReg((r) => ({ ...r, date: v }))} error={err('regulation.date')} />
          <TextField name="regulationReference" label={t('editor.regulationReference')} value={reg.reference} onChange={(v) => setReg((r) => ({ ...r, reference: v }))} error={err('regulation.reference')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('editor.periods')}</legend>
        {periods.map((p, i) => (
          <div key={p.id} className="grid">
            <TextField name={`periodLabel${i}`} label={`${t('editor.periodLabel')} (${p.id})`} value={p.label} onChange={(v) => setPeriods((ps) => ps.map((x, j) => (j === i ? { ...x, label: v } : x)))} error={err(`periods.${i}.label`)} />
            <TextField name={`periodFrom${i}`} type="number" label={t('editor.periodFrom')} value={p.fromMonth} onChange={(v) => setPeriods((ps) => ps.map((x, j) => (j === i ? { ...x, fromMonth: v } : x)))} error={err(`periods.${i}.fromMonth`)} />
            <TextField name={`periodTo${i}`} type="number" label={t('editor.periodTo')} value={p.toMonth} onChange={(v) => setPeriods((ps) => ps.map((x, j) => (j === i ? { ...x, toMonth: v } : x)))} error={err(`periods.${i}.toMonth`)} />
          </div>
        ))}
        <button type="button" onClick={() => setPeriods((ps) => [...ps, { id: `p${ps.length + 1}`, label: '', fromMonth: '1', toMonth: months }])}>
          {t('editor.addPeriod')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('editor.positions')}</legend>
        {positions.map((p, i) => (
          <div key={p.key} className="card template-position" data-position={i}>
            <div className="grid">
              <TextField name={`number${i}`} label={t('editor.number')} value={p.number} onChange={(v) => setPos(p.key, { number: v })} error={err(`positions.${i}.number`)} required />
              <TextField name={`title${i}`} label={t('editor.positionTitle')} value={p.title} onChange={(v) => setPos(p.key, { title: v })} error={err(`positions.${i}.title`)} required />
            </div>
            <label className="check">
              <input type="checkbox" name={`throughout${i}`} checked={p.throughout} onChange={(e) => setPos(p.key, { throughout: e.target.checked })} /> {t('editor.throughout')}
            </label>
            <TextArea name={`items${i}`} label={t('editor.items')} value={p.items} onChange={(v) => setPos(p.key, { items: v })} error={err(`positions.${i}.items`)} rows={Math.min(10, p.items.split('\n').length + 1)} />
            {p.throughout ? null : (
              <fieldset>
                <legend>{t('editor.time')}</legend>
                {p.time.map((g, j) => (
                  <div key={j} className="grid">
                    <TextField name={`timePeriod${i}_${j}`} label={t('editor.timePeriod')} value={g.period} onChange={(v) => setPos(p.key, { time: p.time.map((x, k) => (k === j ? { ...x, period: v } : x)) })} error={err(`positions.${i}.timeGuide.${j}.period`)} />
                    <TextField name={`timeWeeks${i}_${j}`} type="number" label={t('editor.timeWeeks')} value={g.weeks} onChange={(v) => setPos(p.key, { time: p.time.map((x, k) => (k === j ? { ...x, weeks: v } : x)) })} error={err(`positions.${i}.timeGuide.${j}.weeks`)} />
                    <TextField name={`timeItems${i}_${j}`} label={t('editor.timeItems')} value={g.items} onChange={(v) => setPos(p.key, { time: p.time.map((x, k) => (k === j ? { ...x, items: v } : x)) })} error={Object.entries(errors).find(([k]) => k.startsWith(`template.positions.${i}.timeGuide.${j}.items`))?.[1]} />
                  </div>
                ))}
                <button type="button" onClick={() => setPos(p.key, { time: [...p.time, { period: periods[0]?.id ?? 'p1', weeks: '1', items: '' }] })}>
                  {t('editor.addTime')}
                </button>
              </fieldset>
            )}
            <button type="button" className="danger" onClick={() => setPositions((ps) => ps.filter((x) => x.key !== p.key))}>
              {t('editor.removePosition')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setPositions((ps) => [...ps, { key: nextKey++, number: String(ps.length + 1), title: '', throughout: false, items: '', time: [{ period: periods[0]?.id ?? 'p1', weeks: '1', items: 'a' }] }])}
        >
          {t('editor.addPosition')}
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {tc('actions.save')}
        </button>
        <a className="button" href={href('/occupations')}>
          {t('editor.back')}
        </a>
      </div>
    </form>
  );
}
