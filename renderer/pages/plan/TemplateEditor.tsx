// Editing the framework-plan template of one of the firm's own occupations: name and regulation, periods,
// sections, positions (number, section, paragraph, title, intro, skills one per line with their sub-items, time
// guide values). The form state and its conversion live in templateForm.ts. The core checks the whole template;
// its problems are listed with the position they belong to.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RahmenplanTemplate } from '../../../shared/plan';
import { call } from '../../api';
import { ErrorBanner, Notice, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';
import { href } from '../../router';
import { useAsync } from '../../useAsync';
import { TemplateProblems } from './OccupationsPage';
import { emptyPosition, formToTemplate, newKey, templateToForm, type PositionForm, type TemplateForm } from './templateForm';

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
  const [form, setForm] = useState<TemplateForm>(() => templateToForm(template));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors(error);
  const { name, regulation: reg, months, periods, sections, positions } = form;
  const update = (patch: Partial<TemplateForm>) => setForm((f) => ({ ...f, ...patch }));
  const setName = (v: string) => update({ name: v });
  const setMonths = (v: string) => update({ months: v });
  const setReg = (fn: (r: TemplateForm['regulation']) => TemplateForm['regulation']) => setForm((f) => ({ ...f, regulation: fn(f.regulation) }));
  const setPeriods = (fn: (ps: TemplateForm['periods']) => TemplateForm['periods']) => setForm((f) => ({ ...f, periods: fn(f.periods) }));
  const setSections = (fn: (ss: TemplateForm['sections']) => TemplateForm['sections']) => setForm((f) => ({ ...f, sections: fn(f.sections) }));
  const setPositions = (fn: (ps: PositionForm[]) => PositionForm[]) => setForm((f) => ({ ...f, positions: fn(f.positions) }));
  const setPos = (key: number, patch: Partial<PositionForm>) => setPositions((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const build = () => formToTemplate(form, template);
  const sectionOptions = [{ value: '', label: t('editor.noSection') }, ...sections.filter((x) => x.id.trim()).map((x) => ({ value: x.id, label: `${x.id} – ${x.title}` }))];

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await call('occupations.saveTemplate', { occupationId, template: build() });
      setSaved(true);
    } catch (err) {
      setError(err);
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
        <legend>{t('editor.sections')}</legend>
        <p className="muted">{t('editor.sectionsHint')}</p>
        {sections.map((x, i) => (
          <div key={x.key} className="grid template-section">
            <TextField name={`sectionId${i}`} label={t('editor.sectionId')} value={x.id} onChange={(v) => setSections((ss) => ss.map((y) => (y.key === x.key ? { ...y, id: v } : y)))} error={err(`sections.${i}.id`)} />
            <TextField name={`sectionTitle${i}`} label={t('editor.sectionTitle')} value={x.title} onChange={(v) => setSections((ss) => ss.map((y) => (y.key === x.key ? { ...y, title: v } : y)))} error={err(`sections.${i}.title`)} wide />
            <button type="button" className="danger" onClick={() => setSections((ss) => ss.filter((y) => y.key !== x.key))}>
              {t('editor.removeSection', { id: x.id })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setSections((ss) => [...ss, { key: newKey(), id: '', title: '' }])}>
          {t('editor.addSection')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('editor.positions')}</legend>
        {positions.map((p, i) => (
          <div key={p.key} className="card template-position" data-position={i}>
            <div className="grid">
              <TextField name={`number${i}`} label={t('editor.number')} value={p.number} onChange={(v) => setPos(p.key, { number: v })} error={err(`positions.${i}.number`)} required />
              <SelectField name={`section${i}`} label={t('editor.section')} value={p.section} onChange={(v) => setPos(p.key, { section: v })} options={sectionOptions} error={err(`positions.${i}.section`)} />
              <TextField name={`paragraphRef${i}`} label={t('editor.paragraphRef')} value={p.paragraphRef} onChange={(v) => setPos(p.key, { paragraphRef: v })} error={err(`positions.${i}.paragraphRef`)} />
              <TextField name={`title${i}`} label={t('editor.positionTitle')} value={p.title} onChange={(v) => setPos(p.key, { title: v })} error={err(`positions.${i}.title`)} required wide />
            </div>
            <TextArea name={`intro${i}`} label={t('editor.intro')} value={p.intro} onChange={(v) => setPos(p.key, { intro: v })} error={err(`positions.${i}.intro`)} rows={p.intro ? 2 : 1} />
            <label className="check">
              <input type="checkbox" name={`throughout${i}`} checked={p.throughout} onChange={(e) => setPos(p.key, { throughout: e.target.checked })} /> {t('editor.throughout')}
            </label>
            <TextArea
              name={`items${i}`}
              label={t('editor.items')}
              hint={t('editor.itemsHint')}
              value={p.items}
              onChange={(v) => setPos(p.key, { items: v })}
              error={Object.entries(errors).find(([k]) => k.startsWith(`template.positions.${i}.items`))?.[1]}
              rows={Math.min(12, p.items.split('\n').length + 1)}
            />
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
          onClick={() => setPositions((ps) => [...ps, emptyPosition(String(ps.length + 1), periods[0]?.id ?? 'p1')])}
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
