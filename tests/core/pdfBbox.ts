// Word and line positions of a PDF as poppler reads them (`pdftotext -bbox-layout`), in mm from the top-left
// corner of the page: for tests on where things are printed (DIN 5008 address field) and how lines end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers';

export interface BoxWord {
  page: number;
  text: string;
  /** mm from the left / top edge of the page. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface BoxLine {
  page: number;
  words: BoxWord[];
}

const MM = 25.4 / 72;
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The lines of each page in poppler's reading order, with their words. */
export function pdfLines(bytes: Uint8Array): BoxLine[] {
  const dir = tempDir('wb-bbox-');
  const file = path.join(dir, 'f.pdf');
  fs.writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  const lines: BoxLine[] = [];
  let page = 0;
  for (const chunk of r.stdout.split(/(?=<page |<line[ >])/)) {
    if (chunk.startsWith('<page ')) {
      page++;
      continue;
    }
    if (!chunk.startsWith('<line')) continue;
    const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      page,
      text: unescape(m[5]!),
      xMin: Number(m[1]) * MM,
      yMin: Number(m[2]) * MM,
      xMax: Number(m[3]) * MM,
      yMax: Number(m[4]) * MM,
    }));
    if (words.length) lines.push({ page, words });
  }
  return lines;
}

export const pdfWords = (bytes: Uint8Array): BoxWord[] => pdfLines(bytes).flatMap((l) => l.words);
