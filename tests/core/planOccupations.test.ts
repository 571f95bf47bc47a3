import { describe, expect, it } from 'vitest';
import { testCore, traineeInput } from './helpers';

const fromFile = (f: { base64: string }) => Buffer.from(f.base64, 'base64').toString('utf8');

describe('occupations and templates', () => {
  it('lists the shipped occupations with their regulation', async () => {
    const c = testCore();
    const list = await c.call('occupations.overview', {});
    expect(list.map((o) => [o.id, o.origin, o.regulationShort, o.durationMonths, o.positionCount])).toEqual([
      ['anlagenmechaniker-shk', 'builtin', 'SHKAMAusbV', 42, 24],
      ['elektroniker-eg', 'builtin', 'ElekAusbV', 42, 22],
      ['tischler', 'builtin', 'TischlAusbV', 36, 17],
    ]);
    expect(list.every((o) => o.problem === null)).toBe(true);
  });

  it('copies a shipped template, edits the copy, trains someone with it; the shipped one stays read-only', async () => {
    const c = testCore();
    const copy = await c.call('occupations.create', { name: 'Tischler/-in (Innenausbau)', copyFrom: 'tischler' });
    expect(copy).toMatchObject({ custom: true, origin: 'copy', basedOn: 'tischler', positionCount: 17, regulationShort: 'TischlAusbV' });
    const tpl = await c.call('occupations.template', { occupationId: copy.id });
    tpl.positions.push({
      number: 'F1',
      section: null,
      title: 'Treppenbau',
      throughoutTraining: false,
      items: [
        { key: 'a', text: 'Treppen aufmessen und Steigungsverhältnis berechnen' },
        { key: 'b', text: 'Wangentreppen fertigen und montieren' },
      ],
      timeGuide: [{ period: 'p2', weeks: 4, items: ['a', 'b'] }],
    });
    const saved = await c.call('occupations.saveTemplate', { occupationId: copy.id, template: tpl });
    expect(saved.positionCount).toBe(18);
    expect((await c.call('occupations.positions', { occupationId: copy.id })).at(-1)).toEqual({
      number: 'F1',
      title: 'Treppenbau',
      items: [
        { key: 'a', text: 'Treppen aufmessen und Steigungsverhältnis berechnen' },
        { key: 'b', text: 'Wangentreppen fertigen und montieren' },
      ],
    });
    const t = await c.call('trainees.create', traineeInput({ occupationId: copy.id }));
    const plan = await c.call('plan.create', { traineeId: t.id });
    expect(plan.positions.at(-1)).toMatchObject({ number: 'F1', title: 'Treppenbau' });
    // the plan keeps its own copy: later template edits do not change it
    tpl.positions.pop();
    await c.call('occupations.saveTemplate', { occupationId: copy.id, template: tpl });
    expect((await c.call('plan.get', { traineeId: t.id }))!.positions.at(-1)!.number).toBe('F1');
    expect((await c.fail('occupations.delete', { occupationId: copy.id })).code).toBe('occupation_in_use');
    const shipped = await c.call('occupations.template', { occupationId: 'tischler' });
    expect((await c.fail('occupations.saveTemplate', { occupationId: 'tischler', template: shipped })).code).toBe('builtin_template');
    expect((await c.fail('occupations.delete', { occupationId: 'tischler' })).code).toBe('builtin_template');
    expect((await c.fail('occupations.create', { name: 'tischler/-IN' })).issues?.[0]).toMatchObject({ path: ['name'], key: 'occupation_name_taken' });
  });

  it('creates an own occupation from a blank template and deletes it while unused', async () => {
    const c = testCore();
    const own = await c.call('occupations.create', { name: 'Bootsbauer/-in', durationMonths: 42 });
    expect(own).toMatchObject({ origin: 'new', durationMonths: 42, positionCount: 1 });
    expect((await c.call('occupations.list', {})).map((o) => o.name)).toContain('Bootsbauer/-in');
    await c.call('occupations.delete', { occupationId: own.id });
    expect((await c.call('occupations.list', {})).map((o) => o.name)).not.toContain('Bootsbauer/-in');
  });

  it('exports a template file and imports it again in the same format', async () => {
    const c = testCore();
    const file = await c.call('occupations.exportTemplate', { occupationId: 'elektroniker-eg' });
    expect(file).toMatchObject({ fileName: 'Rahmenplan_Elektroniker-in-Fachrichtung-Energie-und-Gebaeudetechnik.json', mimeType: 'application/json' });
    const imported = await c.call('occupations.import', { text: fromFile(file), fileName: file.fileName });
    expect(imported).toMatchObject({ origin: 'import', name: 'Elektroniker/-in – Fachrichtung Energie- und Gebäudetechnik (2)', positionCount: 22 });
    const again = await c.call('occupations.exportTemplate', { occupationId: imported.id });
    const a = JSON.parse(fromFile(file));
    const b = JSON.parse(fromFile(again));
    expect({ ...b, occupation: { ...b.occupation, name: a.occupation.name } }).toEqual(a);
  });

  it('refuses a bad template file with the line and field, and takes nothing of it', async () => {
    const c = testCore();
    const good = fromFile(await c.call('occupations.exportTemplate', { occupationId: 'tischler' }));
    const before = (await c.call('occupations.overview', {})).length;
    // a time guide value for a skill the position does not have
    const t = JSON.parse(good);
    t.positions[8].timeGuide[0].items.push('x');
    const text = JSON.stringify(t, null, 2);
    const e1 = await c.fail('occupations.import', { text, fileName: 'tischler.json' });
    expect(e1.code).toBe('template_invalid');
    expect(e1.params).toMatchObject({ field: 'positions[8].timeGuide[0].items[9]', problem: 'unknown_item', source: 'tischler.json' });
    expect(text.split('\n')[Number(e1.params!.line) - 1]).toContain('"x"');
    expect(e1.issues?.[0]).toMatchObject({ key: 'unknown_item', params: { value: 'x', field: 'positions[8].timeGuide[0].items[9]' } });
    // a duplicate position number and an unknown period
    const t2 = JSON.parse(good);
    t2.positions[5].number = '4';
    t2.positions[6].timeGuide[0].period = 'p9';
    const e2 = await c.fail('occupations.import', { text: JSON.stringify(t2, null, 2) });
    expect(e2.issues?.map((i) => [i.key, i.params?.field])).toEqual([
      ['duplicate_value', 'positions[5].number'],
      ['unknown_period', 'positions[6].timeGuide[0].period'],
    ]);
    // not JSON at all: the line of the syntax error
    const e3 = await c.fail('occupations.import', { text: good.replace('"durationMonths": 36,', '"durationMonths": 36') });
    expect(e3.code).toBe('template_syntax');
    expect(good.split('\n')[Number(e3.params!.line) - 2]).toContain('"durationMonths": 36');
    // a file of another kind
    const e4 = await c.fail('occupations.import', { text: JSON.stringify({ format: 'something-else' }) });
    expect(e4.code).toBe('template_invalid');
    expect((await c.call('occupations.overview', {})).length).toBe(before);
  });
});
