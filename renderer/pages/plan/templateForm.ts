// The template editor's form state and its conversion to and from a framework-plan template. Saving a template
// without changes gives back the same template (tests/unit/templateForm.test.ts checks this for the three shipped
// plans): nothing the form does not show may get lost. Each position carries what the form shows of it (number,
// section, paragraph, title, intro, items with sub-items, time guide values); removing or adding a position never
// moves another position's data.
import type { RahmenplanTemplate } from '../../../shared/plan';

type Position = RahmenplanTemplate['positions'][number];
type Item = Position['items'][number];

export interface TimeRow {
  period: string;
  weeks: string;
  items: string;
}

export interface PositionForm {
  key: number;
  number: string;
  /** Section id, or '' for none. */
  section: string;
  paragraphRef: string;
  title: string;
  intro: string;
  throughout: boolean;
  /** One item per line; a line starting with "–" or "-" is a sub-item of the item above it. */
  items: string;
  time: TimeRow[];
}

export interface SectionForm {
  key: number;
  id: string;
  title: string;
}

let nextKey = 1;
export const newKey = () => nextKey++;

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

const SUB = /^\s*[-–]\s*/;

/** Items as lines: each item, and under it its sub-items as "   – text". */
export function itemsToText(items: Item[]): string {
  return items.flatMap((i) => [i.text, ...(i.subitems ?? []).map((s) => `   – ${s.text}`)]).join('\n');
}

/** Lines back to items (keys a, b, c … in order; sub-items keyed a, b, c … within their item). */
export function textToItems(text: string): Item[] {
  const items: { text: string; subs: string[] }[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const sub = SUB.test(raw) && items.length > 0;
    const line = raw.replace(SUB, '').trim();
    if (!line) continue;
    if (sub) items[items.length - 1]!.subs.push(line);
    else items.push({ text: line, subs: [] });
  }
  return items.map((i, n) => ({
    key: itemKeyAt(n),
    text: i.text,
    ...(i.subs.length ? { subitems: i.subs.map((s, k) => ({ key: itemKeyAt(k), text: s })) } : {}),
  }));
}

export function positionToForm(p: Position): PositionForm {
  return {
    key: newKey(),
    number: p.number,
    section: p.section ?? '',
    paragraphRef: p.paragraphRef ?? '',
    title: p.title,
    intro: p.intro ?? '',
    throughout: p.throughoutTraining,
    items: itemsToText(p.items),
    time: p.timeGuide.map((g) => ({ period: g.period, weeks: String(g.weeks), items: g.items.join(', ') })),
  };
}

export function emptyPosition(number: string, period: string): PositionForm {
  return { key: newKey(), number, section: '', paragraphRef: '', title: '', intro: '', throughout: false, items: '', time: [{ period, weeks: '1', items: 'a' }] };
}

export function formToPosition(p: PositionForm): Position {
  const items = textToItems(p.items);
  const keys = items.map((x) => x.key);
  return {
    number: p.number,
    section: p.section || null,
    title: p.title,
    ...(p.paragraphRef.trim() ? { paragraphRef: p.paragraphRef } : {}),
    ...(p.intro.trim() ? { intro: p.intro } : {}),
    throughoutTraining: p.throughout,
    items,
    timeGuide: p.throughout ? [] : p.time.map((g) => ({ period: g.period, weeks: Number(g.weeks.replace(',', '.')), items: expandKeys(g.items, keys) })),
  };
}

export function sectionsToForm(t: RahmenplanTemplate): SectionForm[] {
  return t.sections.map((s) => ({ key: newKey(), id: s.id, title: s.title }));
}

export interface TemplateForm {
  name: string;
  regulation: { name: string; date: string; reference: string };
  months: string;
  periods: { id: string; label: string; fromMonth: string; toMonth: string }[];
  sections: SectionForm[];
  positions: PositionForm[];
}

export function templateToForm(t: RahmenplanTemplate): TemplateForm {
  return {
    name: t.occupation.name,
    regulation: { name: t.regulation.name, date: t.regulation.date ?? '', reference: t.regulation.reference ?? '' },
    months: String(t.durationMonths),
    periods: t.periods.map((p) => ({ id: p.id, label: p.label, fromMonth: String(p.fromMonth), toMonth: String(p.toMonth) })),
    sections: sectionsToForm(t),
    positions: t.positions.map(positionToForm),
  };
}

/** The template as edited; what the form does not show (exam, source, further regulation fields …) is kept. */
export function formToTemplate(f: TemplateForm, original: RahmenplanTemplate): RahmenplanTemplate {
  const { date: _date, reference: _reference, ...regulation } = original.regulation;
  return {
    ...original,
    occupation: { ...original.occupation, name: f.name },
    regulation: { ...regulation, name: f.regulation.name, ...(f.regulation.date ? { date: f.regulation.date } : {}), ...(f.regulation.reference ? { reference: f.regulation.reference } : {}) },
    durationMonths: Number(f.months),
    periods: f.periods.map((p) => ({ id: p.id, label: p.label, fromMonth: Number(p.fromMonth), toMonth: Number(p.toMonth) })),
    sections: f.sections.map((s) => ({ id: s.id, title: s.title })),
    positions: f.positions.map(formToPosition),
  };
}
