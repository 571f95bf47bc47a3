import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateExercises, type ExerciseInput } from '../../electron/core/language/exercises';
import { entriesByTerm, traineeWithTask } from './glossaryFixtures';
import { DIST, ROOT, ensureBuilt, tempDir, testCore, traineeInput } from './helpers';

const at = (iso: string) => () => new Date(`${iso}T10:00:00`);

describe('learning tasks', () => {
  it('are created for a trainee with terms in the trainee language, listed, updated and deleted', async () => {
    const c = testCore({ now: at('2026-09-01') });
    const { trainee, input, terms } = await traineeWithTask(c);
    const wh = terms.get('Wasserhahn')!;
    await c.call('glossary.update', { id: wh.id, occupationId: wh.occupationId, term: wh.term, article: wh.article, plural: wh.plural, wordClass: wh.wordClass, explanation: wh.explanation, example: wh.example, tags: wh.tags, translations: { ...wh.translations, ar: 'صنبور' } });
    const t = await c.call('tasks.create', input);
    expect(t).toMatchObject({
      traineeId: trainee.id,
      traineeName: 'Amina Yousef',
      isTemplate: false,
      occupationId: 'anlagenmechaniker-shk',
      language: null,
      effectiveLanguage: 'ar',
      status: 'assigned',
      positions: ['A12', 'A15'],
      level: 'A2',
      doneOn: null,
    });
    expect(t.terms.map((x) => x.term)).toEqual(['Wasserhahn', 'Dichtung', 'Absperrhahn', 'Rohrzange', 'Leck', 'Druck']);
    expect(t.terms[0]).toMatchObject({ article: 'der', plural: 'Wasserhähne', translation: 'صنبور' });
    expect(t.terms[1]!.translation).toBe('حشية (جوان)'); // the shipped suggestion
    expect(t.seed).toBeGreaterThan(0);

    const list = await c.call('tasks.list', { traineeId: trainee.id });
    expect(list).toEqual([expect.objectContaining({ id: t.id, title: input.title, effectiveLanguage: 'ar', termCount: 6, dueBy: '2026-09-15' })]);

    const en = await c.call('tasks.update', { ...input, id: t.id, language: 'en', termIds: [wh.id] });
    expect(en).toMatchObject({ language: 'en', effectiveLanguage: 'en', terms: [{ term: 'Wasserhahn', translation: 'tap, faucet' }], seed: t.seed });

    const done = await c.call('tasks.setStatus', { id: t.id, status: 'done' });
    expect(done).toMatchObject({ status: 'done', doneOn: '2026-09-01', reviewedOn: null });
    const reviewed = await c.call('tasks.update', { ...input, id: t.id, status: 'reviewed', feedback: 'Gut nachgefragt.', evidence: 'Vorgeführt am 02.09.' });
    expect(reviewed).toMatchObject({ status: 'reviewed', doneOn: '2026-09-01', reviewedOn: '2026-09-01', feedback: 'Gut nachgefragt.' });
    const back = await c.call('tasks.setStatus', { id: t.id, status: 'assigned' });
    expect(back).toMatchObject({ doneOn: null, reviewedOn: null });

    const reshuffled = await c.call('tasks.reshuffle', { id: t.id });
    expect(reshuffled.seed).not.toBe(t.seed);

    await c.call('tasks.delete', { id: t.id });
    expect((await c.fail('tasks.get', { id: t.id })).code).toBe('not_found');
    expect((await c.call('glossary.get', { id: wh.id })).usedInTasks).toBe(0);
  });

  it('refuses incomplete or inconsistent tasks with the field named, and saves nothing', async () => {
    const c = testCore();
    const { trainee, input } = await traineeWithTask(c);
    const issue = async (over: Record<string, unknown>) => (await c.fail('tasks.create', { ...input, ...over })).issues?.[0];
    expect(await issue({ title: '  ' })).toMatchObject({ path: ['title'], key: 'required' });
    expect(await issue({ assignedOn: null })).toMatchObject({ path: ['assignedOn'], key: 'required' });
    expect(await issue({ dueBy: '2026-08-01' })).toMatchObject({ path: ['dueBy'], key: 'due_before_assigned' });
    expect(await issue({ traineeId: 999 })).toMatchObject({ path: ['traineeId'], key: 'unknown_trainee' });
    expect(await issue({ termIds: [...input.termIds!, 99999] })).toMatchObject({ path: ['termIds', 6], key: 'unknown_term' });
    expect(await issue({ termIds: [input.termIds![0], input.termIds![0]] })).toMatchObject({ path: ['termIds'], key: 'duplicate_entry' });
    expect(await issue({ positions: ['A12', 'Z9'] })).toMatchObject({ path: ['positions', 1], key: 'unknown_position', params: { number: 'Z9' } });
    expect(await issue({ level: 'C1' })).toMatchObject({ path: ['level'], key: 'invalid_choice' });
    expect(await issue({ language: 'xx' })).toMatchObject({ path: ['language'], key: 'invalid_choice' });
    expect(await issue({ phrases: [{ kind: 'gossip', text: 'x' }] })).toMatchObject({ path: ['phrases', 0, 'kind'] });
    expect(await issue({ traineeId: null, occupationId: null })).toMatchObject({ path: ['occupationId'], key: 'required' });
    expect(await issue({ traineeId: null, occupationId: 'anlagenmechaniker-shk', status: 'done' })).toMatchObject({ path: ['status'], key: 'template_no_status' });
    expect(await c.call('tasks.list', {})).toEqual([]);
    const t = await c.call('tasks.create', input);
    expect((await c.fail('tasks.update', { ...input, id: t.id, traineeId: null, occupationId: 'tischler' })).issues?.[0]).toMatchObject({ key: 'task_kind_fixed' });
    expect((await c.call('tasks.get', { id: t.id })).traineeId).toBe(trainee.id);
  });

  it('are copied to another trainee, saved as templates and given out from templates', async () => {
    const c = testCore({ now: at('2026-10-01') });
    const { input } = await traineeWithTask(c);
    const t = await c.call('tasks.create', { ...input, language: 'ar', status: 'done', feedback: 'gut', evidence: 'gezeigt' });
    const same = await c.call('trainees.create', traineeInput({ firstName: 'Dawit', lastName: 'Bekele', occupationId: 'anlagenmechaniker-shk', firstLanguages: ['ti'] }));
    const other = await c.call('trainees.create', traineeInput({ firstName: 'Oksana', lastName: 'Melnyk', occupationId: 'tischler', firstLanguages: ['uk'] }));

    const copy = await c.call('tasks.copy', { id: t.id, traineeId: same.id });
    expect(copy).toMatchObject({
      traineeId: same.id,
      status: 'assigned',
      feedback: null,
      evidence: null,
      assignedOn: '2026-10-01',
      dueBy: null,
      language: null,
      effectiveLanguage: 'ti',
      positions: ['A12', 'A15'],
      title: t.title,
      workSteps: t.workSteps,
      phrases: t.phrases,
      scenarioSteps: t.scenarioSteps,
      checks: t.checks,
    });
    expect(copy.terms.map((x) => x.id)).toEqual(t.terms.map((x) => x.id));
    expect(copy.id).not.toBe(t.id);

    // Another occupation: the positions of the first one's plan do not apply there.
    const cross = await c.call('tasks.copy', { id: t.id, traineeId: other.id });
    expect(cross).toMatchObject({ occupationId: 'tischler', positions: [], effectiveLanguage: 'uk' });

    const template = await c.call('tasks.copy', { id: t.id, traineeId: null });
    expect(template).toMatchObject({ isTemplate: true, traineeId: null, traineeName: null, occupationId: 'anlagenmechaniker-shk', assignedOn: null, status: 'assigned', effectiveLanguage: null });
    expect((await c.call('tasks.list', { kind: 'templates' })).map((x) => x.id)).toEqual([template.id]);
    expect((await c.call('tasks.list', { kind: 'tasks' })).map((x) => x.id).sort()).toEqual([t.id, copy.id, cross.id].sort());
    const fromTemplate = await c.call('tasks.copy', { id: template.id, traineeId: same.id });
    expect(fromTemplate).toMatchObject({ isTemplate: false, traineeId: same.id, positions: ['A12', 'A15'] });
    expect((await c.fail('tasks.setStatus', { id: template.id, status: 'done' })).code).toBe('template_no_status');
    expect((await c.fail('tasks.copy', { id: t.id, traineeId: 4711 })).issues?.[0]).toMatchObject({ key: 'unknown_trainee' });
  });

  it('show progress per trainee: by level, terms covered, per plan position, overdue', async () => {
    const c = testCore({ now: at('2026-10-01') });
    const { trainee, input, terms } = await traineeWithTask(c);
    const ids = (...n: string[]) => n.map((x) => terms.get(x)!.id);
    await c.call('tasks.create', { ...input, termIds: ids('Rohr', 'Ventil'), status: 'reviewed', positions: ['A12'] });
    await c.call('tasks.create', { ...input, termIds: ids('Ventil', 'Druck'), status: 'done', level: 'B1', positions: ['A12', 'A15'] });
    await c.call('tasks.create', { ...input, termIds: ids('Leck', 'Druck', 'Manometer'), dueBy: '2026-09-20', positions: ['A2'] });
    const p = await c.call('tasks.progress', { traineeId: trainee.id });
    expect(p).toEqual({
      traineeId: trainee.id,
      tasks: { total: 3, assigned: 1, done: 1, reviewed: 1, overdue: 1 },
      byLevel: [
        { level: 'A1', total: 0, done: 0, reviewed: 0 },
        { level: 'A2', total: 2, done: 1, reviewed: 1 },
        { level: 'B1', total: 1, done: 1, reviewed: 0 },
        { level: 'B2', total: 0, done: 0, reviewed: 0 },
      ],
      terms: { assigned: 5, covered: 3 },
      byPosition: [
        { number: 'A2', tasks: 1, finished: 0 },
        { number: 'A12', tasks: 2, finished: 2 },
        { number: 'A15', tasks: 1, finished: 1 },
      ],
    });
  });

  it('follow the trainee into another occupation, without the old plan positions', async () => {
    const c = testCore();
    const { trainee, input } = await traineeWithTask(c);
    const t = await c.call('tasks.create', input);
    await c.call('trainees.update', { ...traineeInput({ occupationId: 'tischler' }), id: trainee.id });
    const after = await c.call('tasks.get', { id: t.id });
    expect(after).toMatchObject({ occupationId: 'tischler', positions: [] });
    expect(after.terms.map((x) => x.id)).toEqual(t.terms.map((x) => x.id));
  });

  it('go with the trainee when the trainee is deleted', async () => {
    const c = testCore();
    const { trainee, input } = await traineeWithTask(c);
    const t = await c.call('tasks.create', input);
    await c.call('trainees.delete', { id: trainee.id });
    expect((await c.fail('tasks.get', { id: t.id })).code).toBe('not_found');
    expect(c.store.db.prepare('SELECT count(*) AS n FROM learning_task_terms').get()).toEqual({ n: 0 });
  });
});

describe('exercise generation', () => {
  const input = (): ExerciseInput => ({
    terms: [
      { id: 1, term: 'Rohr', article: 'das', plural: 'Rohre', wordClass: 'noun', explanation: 'hohl', example: 'Die Rohre liegen im Keller.', translation: 'أنبوب', picture: null },
      { id: 2, term: 'Ventil', article: 'das', plural: 'Ventile', wordClass: 'noun', explanation: 'öffnet und schließt', example: 'Dreh das Ventil zu.', translation: 'صمام', picture: null },
      { id: 3, term: 'Zange', article: 'die', plural: 'Zangen', wordClass: 'noun', explanation: 'zum Greifen', example: 'Gib mir die Zange.', translation: 'كماشة', picture: null },
      { id: 4, term: 'Druck', article: 'der', plural: 'Drücke', wordClass: 'noun', explanation: 'in bar', example: 'Wie hoch ist der Druck?', translation: 'ضغط', picture: null },
      { id: 5, term: 'entlüften', article: null, plural: null, wordClass: 'verb', explanation: 'Luft herauslassen', example: 'Ich entlüfte den Heizkörper.', translation: null, picture: null },
    ],
    workSteps: ['Wasser absperren', 'Rohr abschneiden', 'Fitting pressen', 'Druck prüfen'],
    scenarioSteps: [
      { skill: 'listen', text: 'Der Kunde erklärt.' },
      { skill: 'speak', text: 'Fragen Sie nach.' },
      { skill: 'write', text: 'Notieren Sie den Auftrag.' },
    ],
    phrases: [{ kind: 'ask_back', text: 'Wie bitte?' }],
  });

  it('gives the same exercises for the same task and seed, and other ones for another seed', () => {
    const a = generateExercises(input(), 12345);
    expect(generateExercises(input(), 12345)).toEqual(a);
    const others = [1, 2, 3, 4, 5].map((s) => JSON.stringify(generateExercises(input(), s)));
    expect(new Set([JSON.stringify(a), ...others]).size).toBeGreaterThan(3);
    expect(a.map((e) => e.kind)).toEqual(['match', 'gap', 'order', 'article', 'prompts']);
  });

  it('builds exercises whose answers are right', () => {
    for (const seed of [1, 7, 99, 2024, 31337]) {
      const ex = generateExercises(input(), seed);
      const match = ex.find((e) => e.kind === 'match')!;
      expect(match.mode).toBe('translation');
      const tr = new Map(input().terms.map((t) => [`${t.article} ${t.term}`, t.translation]));
      for (const a of match.answers) {
        const left = match.left.find((l) => l.n === a.n)!.text;
        expect(match.right.find((r) => r.letter === a.letter)!.text).toBe(tr.get(left));
      }
      // The right column is never in the same order as the left.
      expect(match.right.map((r) => r.text)).not.toEqual(match.left.map((l) => tr.get(l.text)));

      const gap = ex.find((e) => e.kind === 'gap')!;
      expect(gap.items.map((g) => `${g.before}${g.answer}${g.after}`).sort()).toEqual(
        ['Die Rohre liegen im Keller.', 'Dreh das Ventil zu.', 'Gib mir die Zange.', 'Wie hoch ist der Druck?'].sort(),
      );
      expect([...gap.wordBank].sort()).toEqual(['Druck', 'Rohre', 'Ventil', 'Zange']);

      const order = ex.find((e) => e.kind === 'order')!;
      expect(order.answer.map((l) => order.steps.find((s) => s.letter === l)!.text)).toEqual(input().workSteps);
      expect(order.steps.map((s) => s.text)).not.toEqual(input().workSteps);

      const art = ex.find((e) => e.kind === 'article')!;
      expect(art.items.map((i) => `${i.answer} ${i.term}`).sort()).toEqual(['das Rohr', 'das Ventil', 'der Druck', 'die Zange']);

      const prompts = ex.find((e) => e.kind === 'prompts')!;
      expect(prompts.items).toEqual([
        { n: 1, skill: 'speak', text: 'Fragen Sie nach.' },
        { n: 2, skill: 'write', text: 'Notieren Sie den Auftrag.' },
      ]);
    }
  });

  it('falls back to pictures or explanations when nothing is translated, and skips what the data cannot give', () => {
    const noTr = input();
    for (const t of noTr.terms) t.translation = null;
    noTr.terms[0]!.picture = 'glossary/1.png';
    noTr.terms[1]!.picture = 'glossary/2.png';
    expect(generateExercises(noTr, 5)[0]).toMatchObject({ kind: 'match', mode: 'picture' });
    noTr.terms[1]!.picture = null;
    const expl = generateExercises(noTr, 5)[0];
    expect(expl).toMatchObject({ kind: 'match', mode: 'explanation' });
    const bare = generateExercises({ terms: [], workSteps: ['nur ein Schritt'], scenarioSteps: [], phrases: [] }, 5);
    expect(bare).toEqual([]);
  });
});

describe('cli', () => {
  beforeAll(ensureBuilt, 120_000);

  it('lists the demo tasks with their trainee and language', () => {
    const dir = tempDir();
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(DIST, 'cli.cjs'), ...args, '--data-dir', dir], { encoding: 'utf8', cwd: ROOT });
    expect(cli(['demo']).status).toBe(0);
    const r = cli(['list', 'tasks', '--json']);
    expect(r.status).toBe(0);
    const tasks = JSON.parse(r.stdout) as { title: string; trainee: string | null; language: string | null; template: boolean; terms: number }[];
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ trainee: 'Yusuf Haddad', language: 'ar', template: false }),
        expect.objectContaining({ trainee: 'Olena Kovalenko', language: 'uk' }),
        expect.objectContaining({ trainee: null, template: true }),
      ]),
    );
    const table = cli(['list', 'tasks']);
    expect(table.stdout.split('\n')[0]).toContain('trainee\t');
    expect(table.stdout).toContain('Yusuf Haddad');
  });
});

describe('demo glossary', () => {
  it('has Arabic translations for the task of the trainee whose first language is Arabic', async () => {
    const c = testCore();
    const { createDemo } = await import('../../electron/core/demo');
    createDemo(c.store);
    const yusuf = (await c.call('tasks.list', { kind: 'tasks' })).find((t) => t.traineeName === 'Yusuf Haddad')!;
    const task = await c.call('tasks.get', { id: yusuf.id });
    expect(task.effectiveLanguage).toBe('ar');
    const translated = task.terms.filter((t) => t.translation);
    expect(translated.length).toBeGreaterThanOrEqual(8);
    expect(translated.every((t) => /^[\u0600-\u06FF ()،؛]+$/.test(t.translation!))).toBe(true);
    const shk = await entriesByTerm(c, 'anlagenmechaniker-shk');
    expect(shk.get('Rohr')?.translations.ar).toBe('أنبوب');
  });
});
