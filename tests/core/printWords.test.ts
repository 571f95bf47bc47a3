// Counted words on PDFs go through i18next's German plural forms: never "1 Blätter".
import { describe, expect, it } from 'vitest';
import { counted } from '../../electron/core/pdf/words';

describe('counted words on printed documents', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(counted('sheets', 1)).toBe('1 Blatt');
    expect(counted('sheets', 2)).toBe('2 Blätter');
    expect(counted('sheets', 0)).toBe('0 Blätter');
    expect(counted('weeksMissing', 1)).toBe('1 Woche nicht erfasst');
    expect(counted('weeks', 5)).toBe('5 Wochen');
  });
});
