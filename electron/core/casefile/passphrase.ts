// Passphrases for case files: words from resources/casefile/words-de.txt (ASCII, easy to read out on the phone),
// chosen with crypto.randomInt. The file's key is derived from it with age's scrypt (work factor 18).
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../paths';

let words: string[] | null = null;
function wordList(): string[] {
  words ??= [...new Set(fs.readFileSync(path.join(resourcesDir(), 'casefile', 'words-de.txt'), 'utf8').split('\n').map((w) => w.trim()).filter(Boolean))];
  return words;
}

export const PASSPHRASE_WORDS = 7;

export function generatePassphrase(n = PASSPHRASE_WORDS, maxLength = Infinity): { passphrase: string; words: number; bits: number } {
  const list = wordList();
  for (;;) {
    const passphrase = Array.from({ length: n }, () => list[randomInt(list.length)]!).join('-');
    // A length limit leaves out some combinations; the bits are counted for all of them (an upper bound).
    if (passphrase.length <= maxLength) return { passphrase, words: n, bits: Math.floor(n * Math.log2(list.length)) };
  }
}

/** Typed passphrases compare without case and spacing differences: "Adler Ofen" equals "adler-ofen". */
export const normalisePassphrase = (p: string) => p.normalize('NFC').trim().toLowerCase().split(/[\s-]+/u).filter(Boolean).join('-');
