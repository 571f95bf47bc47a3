// Creating and editing a learning task (for a trainee) or a template (for an occupation).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../../shared/format';
import { TRANSLATION_LANGUAGES } from '../../../shared/glossary';
import type { LanguageCode } from '../../../shared/languages';
import { isRtl } from '../../../shared/languages';
import { CHECK_METHODS, PHRASE_KINDS, SCENARIO_SKILLS, TASK_LEVELS, TASK_LIMITS, TASK_STATUSES, type Task, type TaskInput } from '../../../shared/tasks';
import type { TraineeFile } from '../../../shared/trainees';
import { call } from '../../api';
import { ErrorBanner, Field, SelectField, TextArea, TextField, useFieldErrors } from '../../components/forms';
import { href, navigate } from '../../router';
import { useAsync } from '../../useAsync';
import { ListEditor } from './ListEditor';
import { PositionPicker, TermPicker, type TermInfo } from './Pickers';
import { useLanguageName } from './util';

type Phrase = Task['phrases'][number];
type Step = Task['scenarioSteps'][number];
type Check = Task['checks'][number];
/** A work step with its translations by language (kept together when steps move). */
interface WorkStep {
  text: string;
  tr: Record<string, string>;
}

interface FormState {
  occupationId: string;
  title: string;
  vocationalGoal: string;
  workSteps: WorkStep[];
  /** The goal and the situation in the trainee's languages. */
  goalTr: Record<string, string>;
  scenarioTr: Record<string, string>;
  positions: string[];
  terms: TermInfo[];
  phrases: Phrase[];
  level: Task['level'];
  scenario: string;
  scenarioSteps: Step[];
  checks: Check[];
  language: string;
  assignedOn: string;
  dueBy: string;
  status: Task['status'];
  feedback: string;
  evidence: string;
}

const today = () => toIsoDate(new Date());

function fromTask(t: Task | null, occupationId: string): FormState {
  return {
    occupationId: t?.occupationId ?? occupationId,
    title: t?.title ?? '',
    vocationalGoal: t?.vocationalGoal ?? '',
    workSteps: (t?.workSteps ?? ['']).map((text, i) => ({
      text,
      tr: Object.fromEntries(Object.entries(t?.translations ?? {}).map(([l, x]) => [l, x.workSteps[i] ?? ''])),
    })),
    goalTr: Object.fromEntries(Object.entries(t?.translations ?? {}).map(([l, x]) => [l, x.vocationalGoal ?? ''])),
    scenarioTr: Object.fromEntries(Object.entries(t?.translations ?? {}).map(([l, x]) => [l, x.scenario ?? ''])),
    positions: t?.positions ?? [],
    terms: t?.terms.map((x) => ({ id: x.id, term: x.term, article: x.article, translation: x.translation })) ?? [],
    phrases: t?.phrases ?? [],
    level: t?.level ?? 'A2',
    scenario: t?.scenario ?? '',
    scenarioSteps: t?.scenarioSteps ?? [],
    checks: t?.checks ?? [],
    language: t?.language ?? '',
    assignedOn: t?.assignedOn ?? today(),
    dueBy: t?.dueBy ?? '',
    status: t?.status ?? 'assigned',
    feedback: t?.feedback ?? '',
    evidence: t?.evidence ?? '',
  };
}

/** /tasks/new/trainee/:id, /tasks/new/template, /tasks/:id/edit */
export function TaskFormPage({ id, traineeId }: { id?: number; traineeId?: number }) {
  const task = useAsync(() => (id ? call('tasks.get', { id }) : Promise.resolve(null)), [id]);
  const tid = traineeId ?? task.data?.traineeId ?? null;
  const trainee = useAsync(() => (tid ? call('trainees.get', { id: tid }) : Promise.resolve(null)), [tid]);
  const occupations = useAsync(() => call('occupations.list'), []);
  const error = task.error ?? trainee.error ?? occupations.error;
  if (error) return <ErrorBanner error={error} />;
  if (task.data === undefined || trainee.data === undefined || !occupations.data) return null;
  return <TaskForm task={task.data} trainee={trainee.data} occupations={occupations.data} />;
}

function TaskForm({ task, trainee, occupations }: { task: Task | null; trainee: TraineeFile | null; occupations: { id: string; name: string }[] }) {
  const { t } = useTranslation('language');
  const { t: tc } = useTranslation('common');
  const langName = useLanguageName();
  const [f, setF] = useState<FormState>(() => fromTask(task, trainee?.occupationId ?? occupations[0]?.id ?? ''));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error);
  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const isTemplate = trainee === null;
  const occupationId = isTemplate ? f.occupationId : trainee.occupationId;
  const firstLanguage = trainee?.firstLanguages[0] ?? null;
  const lang = f.language === 'de' ? null : (f.language || (firstLanguage === 'de' ? null : firstLanguage)) || null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const opt = (v: string) => (v.trim() === '' ? null : v);
    const steps = f.workSteps.filter((s) => s.text.trim() !== '');
    const langs = new Set([...Object.keys(f.goalTr), ...Object.keys(f.scenarioTr), ...steps.flatMap((s) => Object.keys(s.tr))]);
    const translations = Object.fromEntries(
      [...langs].map((l) => [l, { vocationalGoal: opt(f.goalTr[l] ?? ''), scenario: opt(f.scenarioTr[l] ?? ''), workSteps: steps.map((s) => opt(s.tr[l] ?? '')) }]),
    ) as TaskInput['translations'];
    const input: TaskInput = {
      traineeId: trainee?.id ?? null,
      occupationId: isTemplate ? f.occupationId : null,
      title: f.title,
      vocationalGoal: f.vocationalGoal,
      workSteps: steps.map((s) => s.text),
      translations,
      positions: f.positions,
      termIds: f.terms.map((x) => x.id),
      phrases: f.phrases,
      level: f.level,
      scenario: opt(f.scenario),
      scenarioSteps: f.scenarioSteps,
      checks: f.checks,
      language: (opt(f.language) as LanguageCode | null) ?? null,
      assignedOn: isTemplate ? null : opt(f.assignedOn),
      dueBy: isTemplate ? null : opt(f.dueBy),
      status: isTemplate ? 'assigned' : f.status,
      feedback: opt(f.feedback),
      evidence: opt(f.evidence),
    };
    try {
      const saved = task ? await call('tasks.update', { id: task.id, ...input }) : await call('tasks.create', input);
      navigate(`/tasks/${saved.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const title = task ? t('task.editTitle', { title: task.title }) : isTemplate ? t('task.newTemplateTitle') : t('task.newTitle', { name: `${trainee.firstName} ${trainee.lastName}` });
  const back = task ? `/tasks/${task.id}` : trainee ? `/trainees/${trainee.id}/tasks` : '/tasks';
  return (
    <form onSubmit={submit} noValidate aria-labelledby="page-title" className="form task-form">
      <header className="page-head">
        <h1 id="page-title">{title}</h1>
      </header>
      <ErrorBanner error={error} />
      <fieldset>
        <legend>{t('task.sections.work')}</legend>
        <div className="grid">
          {isTemplate ? (
            <SelectField
              name="occupationId"
              label={t('task.fields.occupationId')}
              value={f.occupationId}
              onChange={(v) => setF((s) => ({ ...s, occupationId: v, positions: [] }))}
              error={errors.occupationId}
              required
              options={occupations.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
          <TextField name="title" label={t('task.fields.title')} value={f.title} onChange={set('title')} error={errors.title} required wide />
        </div>
        <TextArea name="vocationalGoal" label={t('task.fields.vocationalGoal')} value={f.vocationalGoal} onChange={set('vocationalGoal')} error={errors.vocationalGoal} rows={3} />
        {lang ? (
          <TranslationField
            name="vocationalGoalTranslation"
            label={t('task.fields.goalTranslation', { language: langName(lang) })}
            lang={lang}
            rows={3}
            value={f.goalTr[lang] ?? ''}
            onChange={(v) => setF((s) => ({ ...s, goalTr: { ...s.goalTr, [lang]: v } }))}
            error={errors[`translations.${lang}.vocationalGoal`]}
          />
        ) : null}
        <ListEditor
          name="workSteps"
          legend={t('task.fields.workSteps')}
          hint={t('task.hints.workSteps')}
          items={f.workSteps}
          onChange={set('workSteps')}
          make={(): WorkStep => ({ text: '', tr: {} })}
          max={TASK_LIMITS.workSteps}
          addLabel={t('task.add.step')}
          error={errors.workSteps}
          render={(s, i, update) => (
            <>
              <TextField name={`workStep${i + 1}`} label={t('task.fields.step', { n: i + 1 })} value={s.text} onChange={(v) => update({ ...s, text: v })} error={errors[`workSteps.${i}`]} />
              {lang ? (
                <TranslationField
                  name={`workStepTranslation${i + 1}`}
                  label={t('task.fields.stepTranslation', { n: i + 1, language: langName(lang) })}
                  lang={lang}
                  value={s.tr[lang] ?? ''}
                  onChange={(v) => update({ ...s, tr: { ...s.tr, [lang]: v } })}
                  error={errors[`translations.${lang}.workSteps.${i}`]}
                />
              ) : null}
            </>
          )}
        />
        <PositionPicker occupationId={occupationId} value={f.positions} onChange={set('positions')} error={errors.positions ?? Object.entries(errors).find(([k]) => k.startsWith('positions.'))?.[1]} />
      </fieldset>

      <fieldset>
        <legend>{t('task.sections.language')}</legend>
        <div className="grid">
          <SelectField name="level" label={t('task.fields.level')} value={f.level} onChange={(v) => set('level')(v as Task['level'])} error={errors.level} required options={TASK_LEVELS.map((l) => ({ value: l, label: l }))} />
          <SelectField
            name="language"
            label={t('task.fields.language')}
            hint={t('task.hints.language')}
            value={f.language}
            onChange={set('language')}
            error={errors.language}
            options={[
              ...(trainee
                ? [
                    { value: '', label: `${t('task.languageDefault')}${firstLanguage ? ` (${langName(firstLanguage)})` : ''}` },
                    { value: 'de', label: t('task.languageNone') },
                  ]
                : [{ value: '', label: t('task.languageNone') }]),
              ...TRANSLATION_LANGUAGES.map((l) => ({ value: l, label: langName(l) })),
            ]}
          />
        </div>
        <TermPicker occupationId={occupationId} language={lang} value={f.terms} onChange={set('terms')} error={errors.termIds ?? Object.entries(errors).find(([k]) => k.startsWith('termIds.'))?.[1]} />
        <ListEditor
          name="phrases"
          legend={t('task.fields.phrases')}
          hint={t('task.hints.phrases')}
          items={f.phrases}
          onChange={set('phrases')}
          make={(): Phrase => ({ kind: 'ask_back', text: '', translations: {} })}
          max={TASK_LIMITS.phrases}
          addLabel={t('task.add.phrase')}
          render={(p, i, update) => (
            <div className="grid phrase-row">
              <SelectField
                name={`phraseKind${i + 1}`}
                label={t('task.fields.phraseKind')}
                value={p.kind}
                onChange={(v) => update({ ...p, kind: v as Phrase['kind'] })}
                options={PHRASE_KINDS.map((k) => ({ value: k, label: t(`phraseKinds.${k}`) }))}
              />
              <TextField name={`phraseText${i + 1}`} label={t('task.fields.phraseText')} value={p.text} onChange={(v) => update({ ...p, text: v })} error={errors[`phrases.${i}.text`]} />
              {lang ? (
                <Field label={t('task.fields.phraseTranslation', { language: langName(lang) })} error={errors[`phrases.${i}.translations.${lang}`]}>
                  {(a) => (
                    <input
                      {...a}
                      name={`phraseTranslation${i + 1}`}
                      lang={lang}
                      dir={isRtl(lang) ? 'rtl' : 'ltr'}
                      value={p.translations[lang] ?? ''}
                      onChange={(e) => update({ ...p, translations: { ...p.translations, [lang]: e.target.value } })}
                    />
                  )}
                </Field>
              ) : null}
            </div>
          )}
        />
      </fieldset>

      <fieldset>
        <legend>{t('task.sections.scenario')}</legend>
        <TextArea name="scenario" label={t('task.fields.scenario')} value={f.scenario} onChange={set('scenario')} error={errors.scenario} rows={2} />
        {lang ? (
          <TranslationField
            name="scenarioTranslation"
            label={t('task.fields.scenarioTranslation', { language: langName(lang) })}
            lang={lang}
            rows={2}
            value={f.scenarioTr[lang] ?? ''}
            onChange={(v) => setF((s) => ({ ...s, scenarioTr: { ...s.scenarioTr, [lang]: v } }))}
            error={errors[`translations.${lang}.scenario`]}
          />
        ) : null}
        <ListEditor
          name="scenarioSteps"
          legend={t('task.fields.scenarioSteps')}
          hint={t('task.hints.scenarioSteps')}
          items={f.scenarioSteps}
          onChange={set('scenarioSteps')}
          make={(): Step => ({ skill: 'speak', text: '' })}
          max={TASK_LIMITS.scenarioSteps}
          addLabel={t('task.add.scenarioStep')}
          render={(s, i, update) => (
            <div className="grid step-row">
              <SelectField name={`skill${i + 1}`} label={t('task.fields.skill')} value={s.skill} onChange={(v) => update({ ...s, skill: v as Step['skill'] })} options={SCENARIO_SKILLS.map((k) => ({ value: k, label: t(`skills.${k}`) }))} />
              <TextField name={`scenarioStep${i + 1}`} label={t('task.fields.stepText', { n: i + 1 })} value={s.text} onChange={(v) => update({ ...s, text: v })} error={errors[`scenarioSteps.${i}.text`]} />
            </div>
          )}
        />
      </fieldset>

      <fieldset>
        <legend>{t('task.sections.checks')}</legend>
        <ListEditor
          name="checks"
          legend={t('task.fields.checks')}
          hint={t('task.hints.checks')}
          items={f.checks}
          onChange={set('checks')}
          make={(): Check => ({ method: 'explain_back', text: '' })}
          max={TASK_LIMITS.checks}
          addLabel={t('task.add.check')}
          render={(c, i, update) => (
            <div className="grid step-row">
              <SelectField name={`method${i + 1}`} label={t('task.fields.method')} value={c.method} onChange={(v) => update({ ...c, method: v as Check['method'] })} options={CHECK_METHODS.map((k) => ({ value: k, label: t(`checkMethods.${k}`) }))} />
              <TextField name={`check${i + 1}`} label={t('task.fields.checkText')} value={c.text} onChange={(v) => update({ ...c, text: v })} error={errors[`checks.${i}.text`]} />
            </div>
          )}
        />
      </fieldset>

      {!isTemplate ? (
        <fieldset>
          <legend>{t('task.sections.assignment')}</legend>
          <div className="grid">
            <TextField name="assignedOn" type="date" label={t('task.fields.assignedOn')} value={f.assignedOn} onChange={set('assignedOn')} error={errors.assignedOn} required />
            <TextField name="dueBy" type="date" label={t('task.fields.dueBy')} value={f.dueBy} onChange={set('dueBy')} error={errors.dueBy} />
            <SelectField name="status" label={t('task.fields.status')} value={f.status} onChange={(v) => set('status')(v as Task['status'])} error={errors.status} options={TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </div>
          <TextArea name="feedback" label={t('task.fields.feedback')} value={f.feedback} onChange={set('feedback')} error={errors.feedback} rows={3} />
          <TextArea name="evidence" label={t('task.fields.evidence')} value={f.evidence} onChange={set('evidence')} error={errors.evidence} rows={3} />
        </fieldset>
      ) : null}

      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tc('status.saving') : tc('actions.save')}
        </button>
        <a className="button" href={href(back)}>
          {tc('actions.cancel')}
        </a>
      </div>
    </form>
  );
}

/** A text in the trainee's language: marked with its language and direction, so it is typed and read right to left where it belongs. */
function TranslationField(p: { name: string; label: string; lang: string; value: string; onChange: (v: string) => void; error?: string | undefined; rows?: number }) {
  return (
    <Field label={p.label} error={p.error}>
      {(a) =>
        p.rows ? (
          <textarea {...a} name={p.name} lang={p.lang} dir={isRtl(p.lang) ? 'rtl' : 'ltr'} rows={p.rows} value={p.value} onChange={(e) => p.onChange(e.target.value)} />
        ) : (
          <input {...a} name={p.name} lang={p.lang} dir={isRtl(p.lang) ? 'rtl' : 'ltr'} value={p.value} onChange={(e) => p.onChange(e.target.value)} />
        )
      }
    </Field>
  );
}
