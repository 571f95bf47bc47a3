// Exercises for the worksheet, generated from the task's data. Deterministic: the same data and seed always give
// the same exercises (a small seeded generator, no Math.random); another seed shuffles differently.
import type { Article } from '../../../shared/glossary';
import type { PhraseKind, ScenarioSkill } from '../../../shared/tasks';
import { escapeRegExp, withArticle } from './text';

export interface ExerciseTerm {
  id: number;
  term: string;
  article: Article | null;
  plural: string | null;
  wordClass: string;
  explanation: string | null;
  example: string | null;
  translation: string | null;
  /** Workspace-relative picture path, if any. */
  picture: string | null;
}

export interface ExerciseInput {
  terms: ExerciseTerm[];
  workSteps: string[];
  scenarioSteps: { skill: ScenarioSkill; text: string }[];
  phrases: { kind: PhraseKind; text: string }[];
}

export type Exercise =
  | {
      kind: 'match';
      /** What the German terms are matched to. */
      mode: 'translation' | 'picture' | 'explanation';
      left: { n: number; text: string }[];
      right: { letter: string; text: string; picture: string | null }[];
      answers: { n: number; letter: string }[];
    }
  | { kind: 'gap'; items: { n: number; before: string; after: string; answer: string }[]; wordBank: string[] }
  | { kind: 'order'; steps: { letter: string; text: string }[]; answer: string[] }
  | { kind: 'article'; items: { n: number; term: string; answer: Article }[] }
  | { kind: 'prompts'; items: { n: number; skill: 'speak' | 'write'; text: string }[]; phrases: { kind: PhraseKind; text: string }[] };

/** mulberry32: a tiny, well-distributed 32-bit generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A shuffle that never leaves the list as it was (for two or more different items). */
function derange<T>(items: readonly T[], rnd: () => number): T[] {
  const a = shuffle(items, rnd);
  if (a.length > 1 && a.every((x, i) => x === items[i])) a.push(a.shift()!);
  return a;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const MAX = { match: 8, gap: 6, article: 10, prompts: 6 } as const;

/** Finds the term (or its plural, with a German ending) as a whole word in the sentence. */
export function findTerm(sentence: string, t: Pick<ExerciseTerm, 'term' | 'plural'>): { index: number; word: string } | null {
  for (const form of [t.term, t.plural].filter((x): x is string => Boolean(x))) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?:e|n|en|s|es)?(?![\\p{L}\\p{N}])`, 'u');
    const m = re.exec(sentence) ?? new RegExp(re.source, 'iu').exec(sentence);
    if (m) return { index: m.index, word: m[0] };
  }
  return null;
}

export function generateExercises(input: ExerciseInput, seed: number): Exercise[] {
  const rnd = random(seed);
  const out: Exercise[] = [];

  // 1. Match German term to translation, else picture, else the explanation in simple German.
  const withTr = input.terms.filter((t) => t.translation);
  const withPic = input.terms.filter((t) => t.picture);
  const withExpl = input.terms.filter((t) => t.explanation);
  const [mode, pool] =
    withTr.length >= 2 ? (['translation', withTr] as const) : withPic.length >= 2 ? (['picture', withPic] as const) : (['explanation', withExpl] as const);
  if (pool.length >= 2) {
    const chosen = shuffle(pool, rnd).slice(0, MAX.match);
    const right = derange(chosen, rnd);
    out.push({
      kind: 'match',
      mode,
      left: chosen.map((t, i) => ({ n: i + 1, text: withArticle(t.term, t.article) })),
      right: right.map((t, i) => ({
        letter: LETTERS[i]!,
        text: mode === 'translation' ? t.translation! : mode === 'explanation' ? t.explanation! : '',
        picture: mode === 'picture' ? t.picture : null,
      })),
      answers: chosen.map((t, i) => ({ n: i + 1, letter: LETTERS[right.indexOf(t)]! })),
    });
  }

  // 2. Fill the gap in the example sentences.
  const gaps = shuffle(
    input.terms.flatMap((t) => {
      const f = t.example ? findTerm(t.example, t) : null;
      return f ? [{ before: t.example!.slice(0, f.index), after: t.example!.slice(f.index + f.word.length), answer: f.word }] : [];
    }),
    rnd,
  ).slice(0, MAX.gap);
  if (gaps.length >= 1) {
    out.push({ kind: 'gap', items: gaps.map((g, i) => ({ n: i + 1, ...g })), wordBank: shuffle([...new Set(gaps.map((g) => g.answer))], rnd) });
  }

  // 3. Put the work steps in order.
  if (input.workSteps.length >= 2) {
    const steps = input.workSteps.map((text, i) => ({ i, text }));
    const mixed = derange(steps, rnd);
    out.push({
      kind: 'order',
      steps: mixed.map((s, k) => ({ letter: LETTERS[k]!, text: s.text })),
      answer: steps.map((s) => LETTERS[mixed.indexOf(s)]!),
    });
  }

  // 4. der, die or das?
  const nouns = shuffle(
    input.terms.filter((t) => t.article),
    rnd,
  ).slice(0, MAX.article);
  if (nouns.length >= 1) out.push({ kind: 'article', items: nouns.map((t, i) => ({ n: i + 1, term: t.term, answer: t.article! })) });

  // 5. Speaking and writing from the scenario, in the scenario's order (it is a chain).
  const prompts = input.scenarioSteps.filter((s): s is { skill: 'speak' | 'write'; text: string } => s.skill === 'speak' || s.skill === 'write').slice(0, MAX.prompts);
  if (prompts.length >= 1) out.push({ kind: 'prompts', items: prompts.map((p, i) => ({ n: i + 1, ...p })), phrases: input.phrases });

  return out;
}
