// German is the source language; English must have exactly the same keys, and no text may be empty.
import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/index';

function flatten(o: object, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') Object.assign(out, flatten(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

describe('translations', () => {
  for (const ns of Object.keys(resources.de) as (keyof typeof resources.de)[]) {
    it(`namespace ${ns}: same keys in German and English, no empty texts, same placeholders`, () => {
      const de = flatten(resources.de[ns]);
      const en = flatten(resources.en[ns]);
      expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
      for (const [k, v] of Object.entries(de)) {
        expect(typeof v === 'string' && v.trim().length > 0, `de ${ns}:${k}`).toBe(true);
        const ph = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(ph(en[k]), `${ns}:${k}`).toEqual(ph(v));
      }
    });
  }
});
