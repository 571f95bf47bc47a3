import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinTemplate, parseTemplate } from '../../electron/core/plan/templates';
import { ROOT, tempDir, testCore } from './helpers';

const SRC = '/work/shared/data/rahmenplaene';
const OCCUPATIONS = ['tischler', 'elektroniker-eg', 'anlagenmechaniker-shk'];

describe('framework-plan templates', () => {
  it('ships a valid template for each of the three occupations, with the regulation, positions and time guide values', async () => {
    const c = testCore();
    for (const id of OCCUPATIONS) {
      const t = await c.call('occupations.template', { occupationId: id });
      expect(t.regulation.name).toMatch(/^Verordnung über die Berufsausbildung/);
      expect(t.regulation.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.regulation.reference).toMatch(/BGBl\. I/);
      expect(t.source?.notes).toBeTruthy();
      // Time guide values add up per period (78 weeks = 18 months, 104 weeks = 24 months).
      const perPeriod: Record<string, number> = {};
      for (const p of t.positions) for (const g of p.timeGuide) perPeriod[g.period] = (perPeriod[g.period] ?? 0) + g.weeks;
      for (const p of t.periods) expect(perPeriod[p.id]).toBeCloseTo(((p.toMonth - p.fromMonth + 1) * 52) / 12, 0);
      expect(t.positions.some((p) => p.throughoutTraining)).toBe(true);
    }
  });

  it('keeps every position and item text of the source data', async () => {
    const c = testCore();
    for (const id of OCCUPATIONS) {
      const src = JSON.parse(fs.readFileSync(path.join(SRC, `${id}.json`), 'utf8')) as {
        durationMonths: number;
        positions: { id: string; title: string; items: { key: string; text: string }[]; throughoutTraining?: boolean }[];
      };
      const positions = await c.call('occupations.positions', { occupationId: id });
      expect(positions.map((p) => p.number)).toEqual(src.positions.map((p) => p.id));
      expect(positions.map((p) => p.title)).toEqual(src.positions.map((p) => p.title));
      expect(positions.map((p) => p.items)).toEqual(src.positions.map((p) => p.items.map((i) => ({ key: i.key, text: i.text }))));
      const t = await c.call('occupations.template', { occupationId: id });
      expect(t.durationMonths).toBe(src.durationMonths);
      expect(t.positions.map((p) => p.throughoutTraining)).toEqual(src.positions.map((p) => Boolean(p.throughoutTraining)));
    }
  });

  it('reports a broken template file with its field and line and does not load any part of it', () => {
    const dir = tempDir();
    const good = fs.readFileSync(path.join(ROOT, 'resources/rahmenplaene/tischler.json'), 'utf8');
    const t = JSON.parse(good);
    t.positions[5].timeGuide[0].items.push('zz');
    const text = JSON.stringify(t, null, 2);
    fs.writeFileSync(path.join(dir, 'kaputt.json'), text);
    const r = loadBuiltinTemplate('kaputt', dir);
    expect(r && !r.ok).toBe(true);
    if (!r || r.ok) return;
    expect(r.problems[0]).toMatchObject({ field: 'positions[5].timeGuide[0].items[5]', key: 'unknown_item' });
    expect(text.split('\n')[r.problems[0]!.line! - 1]).toContain('"zz"');
    expect(r).not.toHaveProperty('template');

    const syntax = parseTemplate(good.replace('"durationMonths": 36,', '"durationMonths": 36'));
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) {
      expect(syntax.problems[0]!.key).toBe('template_syntax');
      expect(good.split('\n')[syntax.problems[0]!.line! - 2]).toContain('"durationMonths": 36');
    }
  });

  it('names a section used twice and a position in a section the template does not have', () => {
    const t = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources/rahmenplaene/anlagenmechaniker-shk.json'), 'utf8'));
    t.sections.push({ id: 'A', title: 'noch einmal A' });
    t.positions[3].section = 'Z';
    const r = parseTemplate(JSON.stringify(t, null, 2));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.field, p.key])).toEqual(
      expect.arrayContaining([
        [`sections[${t.sections.length - 1}].id`, 'duplicate_value'],
        ['positions[3].section', 'unknown_section'],
      ]),
    );
  });

  it('answers occupations.positions for an unknown occupation with not_found', async () => {
    const c = testCore();
    expect((await c.fail('occupations.positions', { occupationId: 'baecker' })).code).toBe('not_found');
  });
});
