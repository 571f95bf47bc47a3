// CSV as spreadsheets write it (RFC 4180): quoted fields with separators, quotes and line breaks inside,
// CRLF or LF, a UTF-8 byte order mark. The separator (semicolon, comma or tab) is taken from the header line.
import { AppError } from '../errors';

export type Separator = ';' | ',' | '\t';

/** Decodes bytes as UTF-8 and refuses anything else with a message that says what to do. */
export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new AppError('csv_encoding', 'The file is UTF-16 encoded; please save it as "CSV UTF-8"', { encoding: 'UTF-16', line: 1 });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Name the first line that is not UTF-8 (e.g. Windows-1252 "ä" = 0xE4), so the user can find it.
    const strict = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    for (let from = 0; from < bytes.length; line++) {
      let to = bytes.indexOf(0x0a, from);
      if (to < 0) to = bytes.length;
      try {
        strict.decode(bytes.subarray(from, to));
      } catch {
        break;
      }
      from = to + 1;
    }
    throw new AppError('csv_encoding', `The file is not UTF-8 encoded (first problem in line ${line}); please save it as "CSV UTF-8"`, { encoding: 'unknown', line });
  }
}

export function detectSeparator(headerLine: string): Separator {
  const count = (c: string) => headerLine.split(c).length - 1;
  const candidates: Separator[] = [';', '\t', ','];
  let best: Separator = ';';
  let bestN = 0;
  for (const c of candidates) {
    const n = count(c);
    if (n > bestN) {
      best = c;
      bestN = n;
    }
  }
  return best;
}

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: record 1 is the header. */
  row: number;
  cells: string[];
}

/** Parses CSV text into records; stops with an error after `maxRecords` (header included) or `maxCells` in a record. */
export function parseCsv(text: string, maxRecords: number, maxCells = 1000): { separator: Separator; records: CsvRecord[] } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = s.search(/\r?\n/);
  const separator = detectSeparator(firstBreak < 0 ? s : s.slice(0, firstBreak));
  const sep = separator.charCodeAt(0);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let i = 0;
  const n = s.length;
  while (i <= n) {
    // One field.
    let value: string;
    if (s.charCodeAt(i) === 34) {
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) throw new AppError('csv_unclosed_quote', `A quoted field that starts in row ${records.length + 1} is never closed`, { row: records.length + 1 });
        out += s.slice(j, q);
        if (s.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the next separator is kept (lenient, like spreadsheets).
      let k = j;
      while (k < n && s.charCodeAt(k) !== sep && s.charCodeAt(k) !== 10 && s.charCodeAt(k) !== 13) k++;
      value = out + s.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n && s.charCodeAt(k) !== sep && s.charCodeAt(k) !== 10 && s.charCodeAt(k) !== 13) k++;
      value = s.slice(i, k);
      i = k;
    }
    cells.push(value);
    if (cells.length > maxCells) {
      throw new AppError('csv_too_many_columns', `Row ${records.length + 1} has more than ${maxCells} cells`, { row: records.length + 1, max: maxCells });
    }
    const c = s.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    // End of record (line break or end of text).
    if (!(cells.length === 1 && cells[0] === '' && (i >= n || c === 13 || c === 10))) {
      records.push({ row: records.length + 1, cells });
      if (records.length > maxRecords) throw new AppError('csv_too_many_rows', `The file has more than ${maxRecords - 1} rows`, { max: maxRecords - 1 });
    } else if (i < n) {
      // An empty line still counts as a spreadsheet row.
      records.push({ row: records.length + 1, cells: [] });
    }
    cells = [];
    if (c === 13 && s.charCodeAt(i + 1) === 10) i += 2;
    else i++;
    if (i >= n) break;
  }
  return { separator, records };
}

// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @ (also tab, CR and
// | in some programs) as a formula. Such a cell is written with a leading apostrophe and in quotes, so it opens
// as text. A value that itself starts with an apostrophe gets one too, so reading strips exactly one apostrophe
// before these characters and our own export reads back to exactly the values written.
const FORMULA_START = /^[=+\-@\t\r|']/;
const NEUTRALISED = /^'[=+\-@\t\r|']/;

/** A value as written into a CSV cell: neutralised when a spreadsheet would take it for a formula. */
export function neutraliseCell(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** A cell's value as read: the apostrophe neutraliseCell() added is removed (only that one). */
export function cellValue(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

function quote(v: string, sep: Separator): string {
  const s = neutraliseCell(v);
  return s !== v || /["\r\n]/.test(s) || s.includes(sep) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as CSV with a UTF-8 byte order mark (spreadsheets then read umlauts and Arabic correctly). */
export function writeCsv(rows: string[][], sep: Separator = ';'): Buffer {
  const body = rows.map((r) => r.map((v) => quote(v, sep)).join(sep)).join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}
