// The template editor's form (renderer/pages/plan/templateForm.ts): saving without changes keeps a template as it
// was, whatever the form does not show; removing a position moves nothing of the others; sub-items are lines.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RahmenplanTemplate } from '../../shared/plan';
import { emptyPosition, expandKeys, formToTemplate, templateToForm, textToItems } from '../../renderer/pages/plan/templateForm';

const dir = path.join(import.meta.dirname, '../../resources/rahmenplaene');
const shipped = ['tischler', 'elektroniker-eg', 'anlagenmechaniker-shk'].map((f) => RahmenplanTemplate.parse(JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), 'utf8'))));

describe('template editor form', () => {
  it('gives back each shipped framework plan unchanged when nothing is edited (sections, paragraphs, intros, sub-items)', () => {
    for (const t of shipped) {
      const again = RahmenplanTemplate.parse(formToTemplate(templateToForm(t), t));
      expect(again).toEqual(t);
    }
    // The plans really have what could get lost.
    const shk = shipped[2]!;
    expect(shk.sections.length).toBeGreaterThan(0);
    expect(shk.positions.some((p) => p.intro)).toBe(true);
    expect(shk.positions.some((p) => p.items.some((i) => i.subitems?.length))).toBe(true);
  });

  it('keeps the section, paragraph and intro of every other position when one is removed or added', () => {
    const shk = shipped[2]!;
    const f = templateToForm(shk);
    f.positions.splice(0, 1);
    f.positions.push({ ...emptyPosition('B9', 'p1'), section: 'B', title: 'Firmeneigene Inhalte', items: 'Kundendienstfahrzeug einrichten' });
    const t = RahmenplanTemplate.parse(formToTemplate(f, shk));
    expect(t.positions.slice(0, -1)).toEqual(shk.positions.slice(1));
    expect(t.positions.at(-1)).toMatchObject({ number: 'B9', section: 'B', items: [{ key: 'a', text: 'Kundendienstfahrzeug einrichten' }] });
  });

  it('reads sub-items from lines starting with a dash, under the item above', () => {
    expect(textToItems('Anlagen prüfen, insbesondere\n  – Verbindungen prüfen\n- Bauteile prüfen\n\nProtokoll schreiben')).toEqual([
      { key: 'a', text: 'Anlagen prüfen, insbesondere', subitems: [{ key: 'a', text: 'Verbindungen prüfen' }, { key: 'b', text: 'Bauteile prüfen' }] },
      { key: 'b', text: 'Protokoll schreiben' },
    ]);
    // A dash on the first line has no item above it: it is an item.
    expect(textToItems('- Treppen aufmessen')).toEqual([{ key: 'a', text: 'Treppen aufmessen' }]);
  });

  it('expands key ranges for time guide values', () => {
    expect(expandKeys('a-c, e', ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'b', 'c', 'e']);
    expect(expandKeys('a-c, zz', ['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'zz']);
  });
});
