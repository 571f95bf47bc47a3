// Our allocation-free style lookup (electron/core/pdf/styleLookup.ts) gives exactly what pdfmake's own
// StyleContextStack gives, for inlines with and without named styles, `extends` chains and cycles, and stacks
// of names and style objects.
import StyleContextStackModule from 'pdfmake/js/StyleContextStack';
import { describe, expect, it } from 'vitest';
import { installStyleLookup, pdfmakeStyleLookup } from '../../electron/core/pdf/styleLookup';

type StackClass = {
  new (dict: Record<string, unknown>, defaultStyle: Record<string, unknown>): { push(x: unknown): void; getProperty(p: string): unknown };
  getStyleProperty(item: unknown, stack: unknown, property: string, defaultValue: unknown): unknown;
};
const m = StyleContextStackModule as unknown as { __esModule?: boolean; default?: StackClass };
const S = (m.__esModule ? m.default : m) as StackClass;

describe('style lookup', () => {
  it('finds every property where pdfmake finds it', () => {
    installStyleLookup();
    const ours = S.getStyleProperty;
    const theirs = pdfmakeStyleLookup.getStyleProperty!;
    expect(ours).not.toBe(theirs);
    const dict = {
      base: { fontSize: 9, color: 'black' },
      h2: { bold: true, extends: 'base' },
      loopA: { extends: 'loopB' },
      loopB: { extends: ['loopA', 'base'], italics: true },
      multi: { extends: ['h2', 'loopB'], lineHeight: 1.2 },
      empty: {},
    };
    const stacks = [
      [],
      ['h2'],
      [{ color: 'red' }, 'loopA'],
      ['multi', { fontSize: 14, bold: false }, 'missing'],
      [{ font: 'Arabic' }, 'empty', ['not', 'a', 'style']],
    ].map((pushes) => {
      const s = new S(dict, { font: 'Sans', fontSize: 10 });
      for (const p of pushes) s.push(p);
      return s;
    });
    const items: unknown[] = [
      'plain text',
      { text: 'x' },
      { text: 'x', style: 'h2' },
      { text: 'x', style: ['loopA', 'multi'], color: 'blue' },
      { text: 'x', style: '' },
      { text: 'x', style: null, bold: null },
      { text: 'x', section: true },
      { text: 'x', style: 'missing', italics: false },
    ];
    const props = ['font', 'fontSize', 'bold', 'italics', 'color', 'lineHeight', 'extends', 'noWrap', 'length'];
    let compared = 0;
    for (const stack of [...stacks, null]) {
      for (const item of items) {
        for (const p of props) {
          expect(ours(item, stack, p, 'DEFAULT'), `${JSON.stringify(item)} ${p}`).toEqual(theirs(item, stack as never, p, 'DEFAULT'));
          compared++;
        }
      }
      if (stack) for (const p of props) expect(stack.getProperty(p)).toEqual(pdfmakeStyleLookup.getProperty!.call(stack, p));
    }
    expect(compared).toBe(6 * 8 * 9);
  });
});
